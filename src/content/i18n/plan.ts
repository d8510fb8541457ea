// What a PO import would change: every entry checked against the current English, and the
// locale files to write. Pure (the files are read and written by import.ts).
import { classifyPath } from '../../engine/content';
import {
  parseIcu,
  parseText,
  parseUiContext,
  placeholderTokens,
  sourceHash,
  uiFilePath,
} from '../../engine';
import type { Catalogue, ContentId, Translation, TranslationState } from '../../engine';
import { FUZZY, MACHINE } from './po';
import type { PoRecord } from './po';
import type { PoProblem } from './po-scan';

/** A locale file as stored: `{ "$schema"?, "strings": { id: translation } }`. */
export interface LocaleFileData {
  readonly $schema?: string;
  readonly strings: Readonly<Record<string, Translation>>;
}

/** What an import does, or why it cannot. */
export interface ImportPlan {
  readonly problems: readonly PoProblem[];
  /** Files to write (relative to the content root), each with its whole new content. */
  readonly writes: ReadonlyMap<string, LocaleFileData>;
  readonly counts: {
    /** Translations new to the content. */
    readonly added: number;
    /** Translations whose text, status or source hash changes. */
    readonly updated: number;
    /** Entries that change nothing. */
    readonly unchanged: number;
    /** Entries with no translation (empty msgstr): skipped, nothing is deleted. */
    readonly untranslated: number;
    /** Entries whose msgid is not the current English: kept, marked stale. */
    readonly stale: number;
  };
}

/** The locale file a new translation of a content id goes to, after its English file. */
export function newLocaleFile(catalogue: Catalogue, id: ContentId, lang: string): string {
  const file = catalogue.textSources?.get(id)?.file ?? '';
  const kind = classifyPath(file);
  const name = (() => {
    switch (kind.kind) {
      case 'activity':
        return kind.name;
      case 'guide':
      case 'challenge':
      case 'course':
      case 'measurement':
        return `${kind.kind}-${kind.name}`;
      case 'country':
        return `country-${kind.name}`;
      case 'framework':
        return `framework-${kind.name}`;
      case 'industry':
        return `industry-${kind.name}-v${kind.version}`;
      case 'pack':
        return `pack-${kind.pack}`;
      case 'topics':
        return 'topics';
      default:
        return id.split('.')[0] ?? 'strings';
    }
  })();
  return `locales/${lang}/${name}.json`;
}

/** The `$schema` a new locale file gets, relative to where it sits. */
export const schemaFor = (rel: string): string =>
  `${'../'.repeat(rel.split('/').length - 1)}schema/locale.schema.json`;

const edgeNewlines = (s: string) => `${s.startsWith('\n')}/${s.endsWith('\n')}`;

/**
 * The translation an entry gives, following the flags: no `fuzzy` → reviewed; `fuzzy` with the
 * note `machine translation` on an unchanged (or new) text → machine; other `fuzzy` → draft. An
 * entry whose msgid is an older English is kept with that English's hash, so it is stale. An
 * untouched stale entry (same text, still fuzzy) keeps its stored record.
 */
export function importedTranslation(
  r: PoRecord,
  english: string,
  stored: Translation | undefined,
): Translation {
  const fuzzy = r.flags.includes(FUZZY);
  const same = stored !== undefined && stored.text === r.msgstr;
  if (same && fuzzy && r.msgid === english && stored.sourceHash !== sourceHash(english))
    return stored;
  const status: TranslationState = !fuzzy
    ? 'reviewed'
    : r.notes.includes(MACHINE) && (stored === undefined || same)
      ? 'machine'
      : 'draft';
  return { text: r.msgstr, sourceHash: sourceHash(r.msgid), status };
}

/**
 * Checks every entry of a PO file against the content and plans the writes. Any problem
 * (`po-unknown-id`, `po-placeholders`, `po-icu`, `po-newlines`) means nothing is written.
 */
export function planImport(
  catalogue: Catalogue,
  lang: string,
  records: readonly PoRecord[],
  existing: ReadonlyMap<string, LocaleFileData>,
): ImportPlan {
  const problems: PoProblem[] = [];
  const counts = { added: 0, updated: 0, unchanged: 0, untranslated: 0, stale: 0 };
  const owner = new Map<string, string>();
  for (const [rel, data] of existing)
    if (rel.startsWith('locales/')) for (const id of Object.keys(data.strings)) owner.set(id, rel);
  const changes = new Map<string, Record<string, Translation>>();
  for (const r of records) {
    const ui = parseUiContext(r.context);
    const english = ui
      ? catalogue.ui?.get(ui.area)?.english.get(ui.key)
      : catalogue.texts.get(r.context as ContentId);
    if (english === undefined) {
      problems.push({
        line: r.line,
        code: 'po-unknown-id',
        message: ui
          ? `UI key "${ui.key}" does not exist in area "${ui.area}"`
          : `content id "${r.context}" does not exist in the English source`,
      });
      continue;
    }
    if (r.msgstr === '') {
      counts.untranslated++;
      continue;
    }
    const changed =
      r.msgid === english ? '' : ' (the English changed since this file was exported)';
    if (edgeNewlines(r.msgid) !== edgeNewlines(r.msgstr))
      problems.push({
        line: r.msgstrLine,
        code: 'po-newlines',
        message: `"${r.context}": msgstr must start and end with a line break exactly when msgid does`,
      });
    if (ui) {
      const icu = parseIcu(r.msgstr);
      for (const e of icu.errors)
        problems.push({ line: r.msgstrLine, code: 'po-icu', message: `"${r.context}": ${e}` });
      const want = parseIcu(english).args.join(', ');
      const got = icu.args.join(', ');
      if (icu.errors.length === 0 && want !== got)
        problems.push({
          line: r.msgstrLine,
          code: 'po-placeholders',
          message: `"${r.context}": ICU arguments differ from the English: expected [${want}], found [${got}]${changed}`,
        });
    } else {
      for (const e of parseText(r.msgstr).errors)
        problems.push({
          line: r.msgstrLine,
          code: 'po-placeholders',
          message: `"${r.context}": ${e}`,
        });
      const want = placeholderTokens(english).join(' ');
      const got = placeholderTokens(r.msgstr).join(' ');
      if (want !== got)
        problems.push({
          line: r.msgstrLine,
          code: 'po-placeholders',
          message: `"${r.context}": placeholders differ from the English: expected [${want}], found [${got}]${changed}`,
        });
    }
    const file = ui
      ? uiFilePath(ui.area, lang)
      : (owner.get(r.context) ?? newLocaleFile(catalogue, r.context as ContentId, lang));
    const key = ui ? ui.key : r.context;
    const stored = existing.get(file)?.strings[key];
    const next = importedTranslation(r, english, stored);
    if (r.msgid !== english) counts.stale++;
    if (
      stored !== undefined &&
      stored.text === next.text &&
      stored.sourceHash === next.sourceHash &&
      stored.status === next.status
    ) {
      counts.unchanged++;
      continue;
    }
    if (stored === undefined) counts.added++;
    else counts.updated++;
    const into = changes.get(file) ?? {};
    into[key] = next;
    changes.set(file, into);
  }
  const writes = new Map<string, LocaleFileData>();
  if (problems.length === 0)
    for (const [file, add] of [...changes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const before = existing.get(file);
      const merged: Record<string, Translation> = { ...before?.strings, ...add };
      const strings = Object.fromEntries(
        Object.keys(merged)
          .sort()
          .map((k) => [k, merged[k] as Translation]),
      );
      const $schema = before === undefined ? schemaFor(file) : before.$schema;
      writes.set(file, $schema === undefined ? { strings } : { $schema, strings });
    }
  problems.sort((a, b) => a.line - b.line);
  return { problems, writes, counts };
}
