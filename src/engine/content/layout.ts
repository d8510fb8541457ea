/** What a file under the content root is, by where it sits. */
export type FileKind =
  | { readonly kind: 'topics' }
  | { readonly kind: 'pack'; readonly pack: string }
  | {
      readonly kind: 'activity' | 'guide' | 'challenge' | 'course' | 'measurement';
      readonly pack: string;
      readonly name: string;
    }
  | { readonly kind: 'media'; readonly pack: string }
  | { readonly kind: 'audio'; readonly pack: string; readonly lang: string; readonly id: string }
  | { readonly kind: 'art' }
  | { readonly kind: 'country'; readonly name: string }
  | { readonly kind: 'framework'; readonly name: string }
  | { readonly kind: 'industry'; readonly name: string; readonly version: number }
  | { readonly kind: 'industry-published' }
  | { readonly kind: 'locale'; readonly lang: string }
  | { readonly kind: 'nicknames'; readonly lang: string }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'unknown' };

/** A recording: `<content id>.<ogg|opus|mp3|m4a|webm|wav>`. */
const AUDIO_FILE = /^([a-z0-9][a-z0-9._-]*)\.(?:ogg|opus|mp3|m4a|webm|wav)$/;

const FOLDERS: Record<string, 'activity' | 'guide' | 'challenge' | 'course' | 'measurement'> = {
  activities: 'activity',
  guides: 'guide',
  challenges: 'challenge',
  courses: 'course',
  measurement: 'measurement',
};

/**
 * Classifies a path relative to the content root (forward slashes):
 * `topics.json`, `packs/<pack>/pack.json`, `packs/<pack>/{activities,guides,challenges,courses}/<id>.json`,
 * outcome-measurement item banks `packs/<pack>/measurement/<topic>.json`,
 * `packs/<pack>/media/<file>`, recordings `packs/<pack>/audio/<lang>/<content-id>.<ext>` (and
 * their `manifest.json`, which only the audio tool reads),
 * `countries/<code>.json`, `frameworks/<id>.json`, industry self-assessment frameworks
 * `industry/<id>/v<version>.json` and their register of published versions `industry/published.json`, `locales/<lang>/<name>.json`,
 * nickname suggestions `nicknames/<lang>.json`, and
 * shared pictures under `art/`. Markdown files, the generated `schema/` folder, the app's
 * own UI strings under `ui/` (loaded and checked by `loadUi` in ui.ts), the account mails under `mail/`
 * (checked by the server at start, server/accounts/mailer.ts) and the class documents' words
 * under `print/` (server/worksheets/print-texts.ts) are ignored.
 */
export function classifyPath(path: string): FileKind {
  const parts = path.split('/');
  const [a, b, c, d] = parts;
  if (path.endsWith('.md') || a === 'schema' || a === 'ui' || a === 'mail' || a === 'print')
    return { kind: 'ignored' };
  if (a === 'art' && parts.length >= 2) return { kind: 'art' };
  if (parts.length === 1 && a === 'topics.json') return { kind: 'topics' };
  if (a === 'packs' && b !== undefined) {
    if (parts.length === 3 && c === 'pack.json') return { kind: 'pack', pack: b };
    if (parts.length >= 4 && c === 'media') return { kind: 'media', pack: b };
    // The recordings' manifest (text hashes, voice), read by `npm run audio:render`.
    if (c === 'audio' && parts.length === 5 && parts[4] === 'manifest.json')
      return { kind: 'ignored' };
    const audio = c === 'audio' && parts.length === 5 ? AUDIO_FILE.exec(parts[4] ?? '') : null;
    if (audio && d !== undefined)
      return { kind: 'audio', pack: b, lang: d, id: audio[1] as string };
    const folder = c === undefined ? undefined : FOLDERS[c];
    if (parts.length === 4 && folder !== undefined && d?.endsWith('.json')) {
      return { kind: folder, pack: b, name: d.slice(0, -5) };
    }
  }
  if (a === 'countries' && parts.length === 2 && b?.endsWith('.json'))
    return { kind: 'country', name: b.slice(0, -5) };
  if (a === 'frameworks' && parts.length === 2 && b?.endsWith('.json'))
    return { kind: 'framework', name: b.slice(0, -5) };
  if (a === 'industry' && parts.length === 2 && b === 'published.json')
    return { kind: 'industry-published' };
  const industryVersion = parts.length === 3 ? /^v([1-9][0-9]*)\.json$/.exec(c ?? '') : null;
  if (a === 'industry' && parts.length === 3 && b !== undefined && industryVersion)
    return { kind: 'industry', name: b, version: Number(industryVersion[1]) };
  if (a === 'nicknames' && parts.length === 2 && b?.endsWith('.json'))
    return { kind: 'nicknames', lang: b.slice(0, -5) };
  if (a === 'locales' && parts.length === 3 && b !== undefined && c?.endsWith('.json'))
    return { kind: 'locale', lang: b };
  return { kind: 'unknown' };
}
