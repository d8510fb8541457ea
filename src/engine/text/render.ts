import { mentionedHelpline } from '../safety/helplines';
import type { CountryPack } from '../types/country';
import type { Text } from '../types/text';
import { parseText } from './placeholders';
import type { Placeholder } from './placeholders';

/** Turns a {@link Text} into the string to show (its translation, or the English source). */
export type Translate = (text: Text) => string;

/** The English source, for callers without translations. */
export const sourceText: Translate = (text) => text.text;

function lookup(p: Placeholder, pack: CountryPack, fallback: CountryPack): Text | undefined {
  switch (p.kind) {
    case 'name':
      return Object.hasOwn(pack.names, p.key) ? pack.names[p.key] : undefined;
    case 'app':
      return Object.hasOwn(pack.apps, p.key) ? pack.apps[p.key] : undefined;
    case 'money':
      return pack.money[p.key as keyof CountryPack['money']];
    case 'handle':
      return pack.handles && Object.hasOwn(pack.handles, p.key) ? pack.handles[p.key] : undefined;
    case 'term':
      return pack.terms && Object.hasOwn(pack.terms, p.key) ? pack.terms[p.key] : undefined;
    case 'currency':
      return pack.currency.name;
    case 'helpline':
    case 'hotline':
      return mentionOf(pack, fallback, p.kind);
  }
}

/**
 * How a sentence names the country's first helpline or hotline that a child may be shown
 * (a confirmed national entry, else the international directory: `helplinesFor`): its
 * `mention` ("your country's child helpline (find it at …)" for a directory) or else its name.
 */
export function mentionOf(
  pack: CountryPack,
  fallback: CountryPack,
  kind: 'helpline' | 'hotline',
): Text | undefined {
  const h = mentionedHelpline(pack, fallback, kind);
  return h?.mention ?? h?.name;
}

/** True when the text so far ends a sentence (or is empty), so the next word takes a capital. */
function atSentenceStart(sofar: string): boolean {
  return /(^|[.!?]\s+|^\s*["“])$/u.test(sofar);
}

function capitalise(value: string): string {
  const first = value.charAt(0);
  return first.toLocaleUpperCase() === first ? value : first.toLocaleUpperCase() + value.slice(1);
}

/**
 * Renders a text for a country: translates it, then fills placeholders from `pack`, falling
 * back to `fallback` (the `intl` pack). An unresolvable placeholder is left as written. A value
 * that begins a sentence gets a capital first letter (scripts without case are unchanged).
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
    const value = lookup(part, pack, fallback) ?? lookup(part, fallback, fallback);
    if (value === undefined) {
      out += 'key' in part ? `{${part.kind}:${part.key}}` : `{${part.kind}}`;
      continue;
    }
    // A phrase such as "your country's child helpline (…)" may begin a sentence.
    const rendered = translate(value);
    out += atSentenceStart(out) ? capitalise(rendered) : rendered;
  }
  return out;
}
