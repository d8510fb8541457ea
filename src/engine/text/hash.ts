/**
 * The source hash stored with a translation: FNV-1a (32-bit) over the UTF-16 code units of
 * the English text, as 8 hex digits. When the English changes, the hash no longer matches
 * and the translation is flagged as stale (I18N-1). Not a security hash.
 *
 * @example
 * sourceHash('Hello') // '…8 hex digits…'
 */
export function sourceHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
