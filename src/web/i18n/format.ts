/**
 * Formats one UI message. Most messages are plain text with `{name}` placeholders: those are
 * filled here, with numbers in the language's digits, and need no library. A message with ICU
 * MessageFormat syntax (`{n, plural, …}`, `{x, select, …}`, `{n, number}`, `{d, date}`) goes
 * to intl-messageformat, loaded only when a loaded message needs it (./icu.ts).
 */

export type Vars = Readonly<Record<string, string | number | Date>>;

/** Formats an ICU message (the lazily loaded intl-messageformat). */
export type IcuFormat = (message: string, vars: Vars, locale: string) => string;

/** A message with only `{name}` placeholders (no plural, select, number or date syntax). */
const SIMPLE = /^[^{}]*(?:\{\w+\}[^{}]*)*$/;

/** Whether `message` needs the ICU formatter (anything beyond `{name}` placeholders). */
export const needsIcu = (message: string): boolean => !SIMPLE.test(message);

/** A formatted value: numbers in the locale's digits, dates as the locale writes them. */
function show(value: string | number | Date, locale: string): string {
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (value instanceof Date) return new Intl.DateTimeFormat(locale).format(value);
  return value;
}

/**
 * `message` with its placeholders filled from `vars`. A simple message is filled here; any
 * other needs `icu`. Throws when a placeholder has no value (unless `lenient`: it stays as
 * `{name}`) or `icu` is missing for an ICU message: the caller then shows the English sentence
 * (never half of each).
 */
export function formatMessage(
  message: string,
  vars: Vars | undefined,
  locale: string,
  icu: IcuFormat | undefined,
  lenient = false,
): string {
  if (!needsIcu(message)) {
    return message.replace(/\{(\w+)\}/g, (m, name: string) => {
      const value = vars?.[name];
      if (value !== undefined) return show(value, locale);
      if (lenient) return m;
      throw new Error(`no value for {${name}}`);
    });
  }
  if (!icu) throw new Error('the ICU formatter is not loaded');
  return icu(message, vars ?? {}, locale);
}
