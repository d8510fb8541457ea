import { sourceHash } from '../text/hash';

/**
 * The translations in a locale file that may be shown: those of keys the English has, made
 * from its current text (the `sourceHash` matches). A stale or unknown one is left out, so
 * the English sentence shows instead. A file that is not a locale file gives none.
 */
export function usableMessages(
  english: Readonly<Record<string, string>>,
  file: unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  const strings = (file as { strings?: unknown } | null)?.strings;
  if (!strings || typeof strings !== 'object') return out;
  for (const [key, entry] of Object.entries(strings as Record<string, unknown>)) {
    const source = english[key];
    if (source === undefined || !entry || typeof entry !== 'object') continue;
    const { text, sourceHash: hash } = entry as { text?: unknown; sourceHash?: unknown };
    if (typeof text === 'string' && text !== '' && hash === sourceHash(source)) out[key] = text;
  }
  return out;
}
