import type { CountryPack } from '../types/country';
import type { Text } from '../types/text';
import { parseText } from './placeholders';
import type { Placeholder } from './placeholders';

/** Turns a {@link Text} into the string to show (its translation, or the English source). */
export type Translate = (text: Text) => string;

/** The English source, for callers without translations. */
export const sourceText: Translate = (text) => text.text;

function lookup(p: Placeholder, pack: CountryPack): Text | undefined {
  switch (p.kind) {
    case 'name':
      return Object.hasOwn(pack.names, p.key) ? pack.names[p.key] : undefined;
    case 'app':
      return Object.hasOwn(pack.apps, p.key) ? pack.apps[p.key] : undefined;
    case 'money':
      return pack.money[p.key as keyof CountryPack['money']];
    case 'currency':
      return pack.currency.name;
    case 'helpline':
      return pack.helplines.find((h) => h.kind === 'helpline')?.name;
  }
}

/**
 * Renders a text for a country: translates it, then fills placeholders from `pack`, falling
 * back to `fallback` (the `intl` pack). An unresolvable placeholder is left as written.
 *
 * @example
 * renderText(scene.body, kh, intl, translate) // "Sokha sent you a message on Chatter"
 */
export function renderText(
  text: Text,
  pack: CountryPack,
  fallback: CountryPack,
  translate: Translate = sourceText,
): string {
  const parsed = parseText(translate(text));
  let out = '';
  for (const part of parsed.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = lookup(part, pack) ?? lookup(part, fallback);
    out +=
      value === undefined
        ? 'key' in part
          ? `{${part.kind}:${part.key}}`
          : `{${part.kind}}`
        : translate(value);
  }
  return out;
}
