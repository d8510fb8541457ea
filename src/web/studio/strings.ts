import en from '../../../content/ui/studio/en.json';

/**
 * The recording studio's UI strings (content/ui/studio/en.json). The studio is a page for the
 * programme's adults; other languages are a follow-up (a file per language beside en.json).
 */
export type StudioKey = keyof typeof en;

/** The studio string for `key`, with `{name}` placeholders filled from `vars`. */
export function st(key: StudioKey, vars?: Readonly<Record<string, string | number>>): string {
  const s: string = en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The message of an API error code, when the studio has one of its own. */
export function errorText(code: string, message: string): string {
  const key = `error.${code}`;
  return key in en ? st(key as StudioKey) : st('error.generic', { message });
}
