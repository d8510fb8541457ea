import { IntlMessageFormat } from 'intl-messageformat';
import type { IcuFormat } from './format';

const cache = new Map<string, IntlMessageFormat>();

/**
 * Formats an ICU MessageFormat message (plural, select, number, date) with intl-messageformat.
 * Loaded by the message loader only when a loaded message needs it, so the first screen of a
 * language whose messages are all plain does not carry it. Parsed messages are kept.
 */
export const icuFormat: IcuFormat = (message, vars, locale) => {
  const key = `${locale}\u0000${message}`;
  let m = cache.get(key);
  if (!m) {
    m = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    cache.set(key, m);
  }
  const out = m.format(vars as Record<string, string | number | Date>);
  if (typeof out !== 'string') throw new Error('message did not format to text');
  return out;
};
