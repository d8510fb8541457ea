/**
 * Credentials out of any text that may be printed or logged: the password of every URL
 * (`postgres://user:secret@host` → `postgres://user:***@host`, also when the URL is malformed
 * and cannot be parsed) and `password=…` pairs (libpq keyword strings, query strings). Safe to
 * apply more than once; over-redacts rather than under-redacts.
 *
 * @example redactSecrets('postgres://kite:s3cret@db/kite') === 'postgres://kite:***@db/kite'
 */
export function redactSecrets(text: string): string {
  return text
    .replace(
      // scheme://userinfo@ — up to the last @ of the token, so a password holding "@" goes too.
      /([a-z][a-z0-9+.-]*:\/\/)([^\s"'<>`]*)@/gi,
      (_all, scheme: string, userinfo: string) => {
        const colon = userinfo.indexOf(':');
        return colon === -1 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:***@`;
      },
    )
    .replace(
      /\b(password|passwd|pwd|pgpassword)(["']?\s*[=:]\s*)(?!\*\*\*)("[^"]*"|'[^']*'|[^\s&;,"']+)/gi,
      '$1$2***',
    );
}
