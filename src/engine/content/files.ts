import type { FileKind } from './layout';
import { classifyPath } from './layout';
import type { IssueSink } from './issues';
import { jsonErrorPosition } from './json-position';

/** One file under the content root, as handed over by a loader. */
export interface ContentFile {
  /** Path relative to the content root, with forward slashes: `packs/core/pack.json`. */
  readonly path: string;
  /** The file's text; null for binary assets (media), which are only checked to exist. */
  readonly text: string | null;
}

/** A parsed JSON file with its layout kind. */
export interface ParsedFile {
  /** The path shown in messages (the root prefixed). */
  readonly file: string;
  readonly rel: string;
  readonly kind: FileKind;
  readonly json: unknown;
}

const LAYOUT =
  'expected topics.json, packs/<pack>/pack.json, packs/<pack>/{activities,guides,challenges,courses,measurement}/<id>.json, ' +
  'packs/<pack>/media/<file>, packs/<pack>/audio/<lang>/<content-id>.ogg, art/<file>, countries/<code>.json, frameworks/<id>.json, industry/<id>/v<n>.json, industry/published.json, nicknames/<lang>.json or locales/<lang>/<name>.json';

/** Where a JSON syntax error is, as `line L, column C`. */
export function jsonErrorAt(text: string): string {
  const pos = jsonErrorPosition(text);
  if (pos < 0) return '';
  const before = text.slice(0, pos).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Sorts, classifies and parses the files; reports `unknown-file` and `json` issues. */
export function parseFiles(
  files: readonly ContentFile[],
  display: (rel: string) => string,
  sink: IssueSink,
): { parsed: ParsedFile[]; media: Set<string>; audio: AudioFile[] } {
  const parsed: ParsedFile[] = [];
  const media = new Set<string>();
  const audio: AudioFile[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    const kind = classifyPath(f.path);
    const file = display(f.path);
    if (kind.kind === 'ignored') continue;
    if (kind.kind === 'media' || kind.kind === 'art') {
      media.add(f.path);
      continue;
    }
    if (kind.kind === 'audio') {
      audio.push({ file, rel: f.path, lang: kind.lang, id: kind.id });
      continue;
    }
    if (kind.kind === 'unknown' || f.text === null) {
      sink.add('unknown-file', file, '', `unexpected file (${LAYOUT})`);
      continue;
    }
    try {
      parsed.push({ file, rel: f.path, kind, json: JSON.parse(f.text) as unknown });
    } catch (e) {
      sink.add('json', file, jsonErrorAt(f.text), `invalid JSON: ${(e as Error).message}`);
    }
  }
  return { parsed, media, audio };
}

/** A recording of one string in one language (`packs/<pack>/audio/<lang>/<content-id>.ogg`). */
export interface AudioFile {
  readonly file: string;
  /** Path relative to the content root. */
  readonly rel: string;
  readonly lang: string;
  readonly id: string;
}

/** The prefix every content id in a file must start with, or null for no rule. */
export function idPrefix(p: ParsedFile): string | null {
  const json = p.json as { id?: unknown; code?: unknown } | null;
  const id = typeof json?.id === 'string' ? json.id : null;
  switch (p.kind.kind) {
    case 'topics':
      return 'topic.';
    case 'activity':
      return id === null ? null : `${id}.`;
    case 'pack':
    case 'guide':
    case 'challenge':
    case 'course':
      return id === null ? null : `${p.kind.kind}.${id}.`;
    case 'measurement':
      return id === null ? null : `measure.${id}.`;
    case 'country':
      return typeof json?.code === 'string' ? `country.${json.code}.` : null;
    case 'framework':
      return id === null ? null : `framework.${id}.`;
    case 'industry': {
      const version = (p.json as { version?: unknown } | null)?.version;
      return id === null || typeof version !== 'number' ? null : `industry.${id}.v${version}.`;
    }
    default:
      return null;
  }
}
