/**
 * Placeholder kinds that take a key: `{name:friend1}`, `{app:chat}`, `{money:small}`,
 * `{handle:stranger1}` (an invented username), `{term:safeguarding-lead}` (a local word).
 */
export const KEYED_PLACEHOLDERS = ['name', 'app', 'money', 'handle', 'term'] as const;
/** Placeholder kinds without a key: `{currency}`, `{helpline}`, `{hotline}`. */
export const PLAIN_PLACEHOLDERS = ['currency', 'helpline', 'hotline'] as const;
/** Keys of `{money:…}`. */
export const MONEY_KEYS = ['small', 'medium', 'large'] as const;

/** A country-pack value inside a text. */
export type Placeholder =
  | { readonly kind: (typeof KEYED_PLACEHOLDERS)[number]; readonly key: string }
  | { readonly kind: (typeof PLAIN_PLACEHOLDERS)[number] };

/** A piece of a parsed text: literal text or a placeholder. */
export type TextPart = string | Placeholder;

/** A parsed text and any syntax errors found in it. */
export interface ParsedText {
  readonly parts: readonly TextPart[];
  readonly errors: readonly string[];
}

const TOKEN = /^([a-z]+)(?::([a-z0-9-]+))?$/;

function toPlaceholder(body: string): Placeholder | string {
  const m = TOKEN.exec(body);
  if (m === null)
    return `"{${body}}" is not a placeholder (write {kind} or {kind:key}; {{ for a brace)`;
  const kind = m[1] as string;
  const key = m[2];
  if ((PLAIN_PLACEHOLDERS as readonly string[]).includes(kind)) {
    if (key !== undefined) return `"{${body}}": {${kind}} takes no key`;
    return { kind: kind as Placeholder['kind'] } as Placeholder;
  }
  if ((KEYED_PLACEHOLDERS as readonly string[]).includes(kind)) {
    if (key === undefined) return `"{${body}}": {${kind}:…} needs a key`;
    if (kind === 'money' && !(MONEY_KEYS as readonly string[]).includes(key)) {
      return `"{${body}}": money is small, medium or large`;
    }
    return { kind: kind as (typeof KEYED_PLACEHOLDERS)[number], key };
  }
  return `unknown placeholder "{${body}}" (known: ${[...KEYED_PLACEHOLDERS, ...PLAIN_PLACEHOLDERS].join(', ')})`;
}

/**
 * Splits a text into literal pieces and placeholders. `{{` and `}}` stand for literal braces.
 *
 * @example
 * parseText('{name:friend1} sent {money:small}').parts
 * // [{kind:'name',key:'friend1'}, ' sent ', {kind:'money',key:'small'}]
 */
export function parseText(text: string): ParsedText {
  const parts: TextPart[] = [];
  const errors: string[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const d = text[i + 1];
    if ((c === '{' && d === '{') || (c === '}' && d === '}')) {
      literal += c;
      i++;
    } else if (c === '}') {
      errors.push('a "}" without "{" (write }} for a literal brace)');
    } else if (c === '{') {
      const close = text.indexOf('}', i + 1);
      if (close < 0) {
        errors.push('a "{" is never closed (write {{ for a literal brace)');
        break;
      }
      const p = toPlaceholder(text.slice(i + 1, close));
      if (typeof p === 'string') errors.push(p);
      else {
        if (literal !== '') parts.push(literal);
        literal = '';
        parts.push(p);
      }
      i = close;
    } else literal += c;
  }
  if (literal !== '') parts.push(literal);
  return { parts, errors };
}

/** A placeholder as written, e.g. `{name:friend1}`; used to compare source and translation. */
export function placeholderToken(p: Placeholder): string {
  return 'key' in p ? `{${p.kind}:${p.key}}` : `{${p.kind}}`;
}

/** The sorted placeholder tokens of a text (duplicates kept once). */
export function placeholderTokens(text: string): string[] {
  const tokens = parseText(text).parts.filter((p): p is Placeholder => typeof p !== 'string');
  return [...new Set(tokens.map(placeholderToken))].sort();
}
