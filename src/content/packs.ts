/**
 * Which packs under `content/packs/` a deployment serves. A default deployment serves only the
 * curriculum (`core`); the `sample` pack is for tests and authors and is served only when named
 * (`KITE_PACKS=core,sample`). The server and the web build read the same setting, so the
 * content bundles in `dist/` and the server's catalogue hold the same packs.
 */
export const DEFAULT_PACKS: readonly string[] = Object.freeze(['core']);

/** `KITE_PACKS`'s form: pack ids separated by commas. */
export const PACK_LIST = /^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*$/;

/**
 * Parses a `KITE_PACKS` value (unset or empty: {@link DEFAULT_PACKS}). Throws on a malformed
 * list; the server's configuration checks the same form first with its own message.
 */
export function parsePackList(value: string | undefined): readonly string[] {
  const v = value?.trim() ?? '';
  if (v === '') return DEFAULT_PACKS;
  if (!PACK_LIST.test(v)) throw new Error(`KITE_PACKS must be pack ids separated by commas`);
  return Object.freeze([...new Set(v.split(',').map((s) => s.trim()))]);
}

/** True when a path relative to the content root belongs to a pack not in `packs`. */
export function inOtherPack(path: string, packs: readonly string[] | undefined): boolean {
  if (packs === undefined) return false;
  const m = /^packs\/([^/]+)\//.exec(path);
  return m !== null && !packs.includes(m[1] as string);
}
