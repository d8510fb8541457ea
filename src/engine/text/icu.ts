/**
 * A light reader of ICU MessageFormat, the syntax of the app's UI strings (`{n}`,
 * `{count, plural, other {# children}}`): the argument names a string uses and its syntax
 * errors, so that a translation can be checked against its English (I18N-1). It formats
 * nothing; the web app formats.
 *
 * Quoting follows ICU: `''` is one apostrophe; an apostrophe before `{`, `}` (or `#` inside a
 * plural) starts quoted text up to the next single apostrophe; any other apostrophe is literal.
 */

/** What {@link parseIcu} found. */
export interface IcuParse {
  /** Every argument name, nested ones included, sorted, each once. */
  readonly args: readonly string[];
  /** Syntax errors, in plain words; empty when the string is valid. */
  readonly errors: readonly string[];
}

const SIMPLE_TYPES = new Set(['number', 'date', 'time', 'spellout', 'ordinal', 'duration']);
const CHOICE_TYPES = new Set(['plural', 'selectordinal', 'select']);
const PLURAL_KEYWORDS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const NAME = /^[^\s{}',#|]+/u;
const WORD = /^[^\s{}',#|]+/u;

class Reader {
  i = 0;
  readonly errors: string[] = [];
  readonly args = new Set<string>();
  constructor(readonly s: string) {}

  get done(): boolean {
    return this.i >= this.s.length;
  }
  get c(): string {
    return this.s[this.i] ?? '';
  }
  ws(): void {
    while (!this.done && /\s/u.test(this.c)) this.i++;
  }
  match(re: RegExp): string {
    const m = re.exec(this.s.slice(this.i));
    if (m === null) return '';
    this.i += m[0].length;
    return m[0];
  }
}

const UNCLOSED = 'a "{" is never closed';

/** Skips a quoted piece or a literal apostrophe at `r.i`. */
function quote(r: Reader, plural: boolean): void {
  const next = r.s[r.i + 1];
  if (next === "'") {
    r.i += 2;
    return;
  }
  if (next !== '{' && next !== '}' && next !== '|' && !(plural && next === '#')) {
    r.i++;
    return;
  }
  let j = r.i + 1;
  while (j < r.s.length) {
    if (r.s[j] === "'") {
      if (r.s[j + 1] === "'") j += 2;
      else break;
    } else j++;
  }
  r.i = j + 1;
}

/** Reads a message up to an unmatched `}` (true, left unread) or the end (false). */
function message(r: Reader, nested: boolean, plural: boolean): boolean {
  while (!r.done) {
    const c = r.c;
    if (c === "'") quote(r, plural);
    else if (c === '{') {
      if (!argument(r, plural)) return false;
    } else if (c === '}') {
      if (nested) return true;
      r.errors.push('a "}" without "{" (quote it: \'}\')');
      r.i++;
    } else r.i++;
  }
  return false;
}

/** Reads `{…}` at `r.i`; false when the end came first (reported). */
function argument(r: Reader, plural: boolean): boolean {
  r.i++;
  r.ws();
  const name = r.match(NAME);
  r.ws();
  if (r.done) {
    r.errors.push(UNCLOSED);
    return false;
  }
  if (name === '') {
    r.errors.push(`an argument without a name ("{${r.s.slice(r.i, r.i + 12)}…")`);
    return skipTo(r);
  }
  r.args.add(name);
  if (r.c === '}') {
    r.i++;
    return true;
  }
  if (r.c !== ',') {
    r.errors.push(`"{${name}" must be followed by "}" or ", type"`);
    return skipTo(r);
  }
  r.i++;
  r.ws();
  const type = r.match(WORD);
  r.ws();
  if (SIMPLE_TYPES.has(type)) {
    if (r.c === ',') return skipTo(r);
    if (r.c === '}') {
      r.i++;
      return true;
    }
    r.errors.push(r.done ? UNCLOSED : `"{${name}, ${type}" must be followed by "}"`);
    return r.done ? false : skipTo(r);
  }
  if (!CHOICE_TYPES.has(type)) {
    r.errors.push(`"{${name}, ${type}…}": unknown type "${type}" (plural, select, number, …)`);
    return skipTo(r);
  }
  if (r.c !== ',') {
    r.errors.push(r.done ? UNCLOSED : `"{${name}, ${type}" needs its cases after a ","`);
    return r.done ? false : skipTo(r);
  }
  r.i++;
  return cases(r, name, type, type === 'select' ? plural : true);
}

/** Reads the cases of a plural or select up to its closing `}`. */
function cases(r: Reader, name: string, type: string, plural: boolean): boolean {
  const seen = new Set<string>();
  r.ws();
  if (type !== 'select' && r.s.startsWith('offset:', r.i)) {
    r.i += 'offset:'.length;
    r.ws();
    if (r.match(/^\d+/) === '') r.errors.push(`"{${name}, ${type}}": offset needs a number`);
  }
  for (;;) {
    r.ws();
    if (r.done) {
      r.errors.push(UNCLOSED);
      return false;
    }
    if (r.c === '}') {
      r.i++;
      break;
    }
    const key = r.match(/^=\d+/) || r.match(WORD);
    if (key === '') {
      r.errors.push(`"{${name}, ${type}}": expected a case such as other {…}`);
      return skipTo(r);
    }
    if (type !== 'select' && !key.startsWith('=') && !PLURAL_KEYWORDS.has(key))
      r.errors.push(
        `"{${name}, ${type}}": "${key}" is not a plural case (zero, one, two, few, many, other or =N)`,
      );
    if (seen.has(key)) r.errors.push(`"{${name}, ${type}}": case "${key}" is given twice`);
    seen.add(key);
    r.ws();
    if (r.c !== '{') {
      r.errors.push(
        r.done ? UNCLOSED : `"{${name}, ${type}}": case "${key}" needs its message in {…}`,
      );
      return r.done ? false : skipTo(r);
    }
    r.i++;
    if (!message(r, true, plural)) {
      if (r.done && r.errors.at(-1) !== UNCLOSED) r.errors.push(UNCLOSED);
      return false;
    }
    r.i++;
  }
  if (!seen.has('other'))
    r.errors.push(
      `"{${name}, ${type}, …}" has no "other" case (every plural and select needs one)`,
    );
  return true;
}

/** After an error inside `{…}`: skips to its closing brace, counting nested braces. */
function skipTo(r: Reader): boolean {
  let depth = 1;
  while (!r.done) {
    const c = r.c;
    r.i++;
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return true;
  }
  r.errors.push(UNCLOSED);
  return false;
}

/**
 * The argument names and syntax errors of an ICU message.
 *
 * @example
 * parseIcu('{count, plural, one {# child} other {# children}} in {name}')
 * // { args: ['count', 'name'], errors: [] }
 * parseIcu('{count, plural, one {# child}}').errors
 * // ['"{count, plural, …}" has no "other" case (every plural and select needs one)']
 */
export function parseIcu(text: string): IcuParse {
  const r = new Reader(text);
  message(r, false, false);
  return { args: [...r.args].sort(), errors: [...new Set(r.errors)] };
}
