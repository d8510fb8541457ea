// The patterns of the personal-data filter, one rule each. They run on normalised text (lower
// case, ASCII digits, number words as digits; see normalise.ts). Every repetition is bounded, so
// each match attempt looks at a bounded stretch and a whole check stays linear in the text.

import type { PersonalDataKind } from './personal-data-kinds';

/** One rule: a global pattern, and optionally a test of the match against the typed text. */
export interface Rule {
  readonly kind: PersonalDataKind;
  /** Global, with indices (`d`); a named group `v` narrows the hit to the value. */
  readonly re: RegExp;
  /** Whether the match counts; `typed` is the value (or match) as the person typed it. */
  readonly accept?: (value: string, typed: string) => boolean;
  /** How much of the value the hit covers, when less than all of it (a name before "and …"). */
  readonly keep?: (value: string) => number;
}

const r = (source: string) => new RegExp(source, 'gdu');

const LOCAL = String.raw`[a-z0-9][a-z0-9._%+\-]{0,63}`;
const LABEL = String.raw`[a-z0-9][a-z0-9\-]{0,62}`;
const NOT_BEFORE_LOCAL = String.raw`(?<![a-z0-9._%+\-])`;
const BRACKET = (word: string) => String.raw`\s?[(\[{<]\s?${word}\s?[)\]}>]\s?`;
/** Top-level domains accepted when a dot is spelled out or a domain has no "@" or scheme. */
const TLD_SPELLED = 'com|net|org|edu|gov|info|io|kh|uk|au|th|mm|la|vn|ph|sg';
// Top-level domains that are also English words (me, my, in, us, so) are left out.
const TLD_BARE = `${TLD_SPELLED}|co|app|dev|xyz|online|site|tv|gg|ly|fr|de|jp|cn|ru|br`;
const DOT = String.raw`(?:\s{0,3}\.\s{0,3}|${BRACKET('dot')}| dot )`;
const END_WORD = String.raw`(?![a-z0-9])`;

const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const DAY_OR_YEAR = String.raw`\d{1,4}(?:st|nd|rd|th)?`;
const DATE_PART = `(?:${DAY_OR_YEAR}|${MONTH})`;

const STREET = 'street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|crescent|terrace|highway|hwy';
/** Words that, between a number and "road", mean a sentence, not an address ("3 … the road"). */
const NOT_STREET_NAME =
  'the|a|an|my|your|his|her|our|their|this|that|to|on|in|at|of|by|down|up|across|along|and|or|more|other|big|busy|long|small|little|wide|dark|scary|muddy|dusty|same';

const SCHOOL_WORD = /(?:^|\s)(?:school|primary|academy|college|secondary|kindergarten)(?:\s|$)/u;
const SCHOOL_WORDS = /\b(?:school|primary|academy|college|secondary|kindergarten)\b/giu;
/** A capitalised word other than "I", or a digit: what a name or a house number looks like. */
const NAME_LIKE = /(?:^|[\s,])(?!I(?:\s|$|'))\p{Lu}|\d/u;
const REFUSALS = /^(?:secret|private|a secret|not telling|none|nothing)$/u;

/** "my name is Sok and I …": the name stops at the first of these words. */
const NAME_STOP = new Set([
  'and',
  'but',
  'so',
  'from',
  'the',
  'a',
  'an',
  'or',
  'with',
  'in',
  'at',
  'to',
  'not',
  'too',
  'also',
  'my',
  'is',
  'am',
  'i',
  "i'm",
  'im',
  'and',
  'because',
  'years',
  'year',
  'age',
  'aged',
  'this',
  'that',
  'here',
  'hi',
  'hello',
  'lol',
  'ok',
  'okay',
  'yes',
  'no',
  'haha',
  'for',
  'of',
]);

/** Name tokens at the start of `value`, up to the first stop word. */
export function nameTokens(value: string): string[] {
  const tokens: string[] = [];
  for (const t of value.split(' ')) {
    if (t === '' || NAME_STOP.has(t) || /\d/u.test(t)) break;
    tokens.push(t);
  }
  return tokens;
}

const NAME_TOKENS = String.raw`[\p{L}\p{M}'\-]{1,30}(?: [\p{L}\p{M}'\-]{1,30}){0,3}`;
/** Up to eight words, ending before a joining word ("… and I like cats") or punctuation. */
const CLAUSE_WORD = String.raw`[^\s.!?,;]{1,30}`;
const JOIN = String.raw`(?:and|but|with|because|so|then|when|if|near)(?:\s|$)`;
const CLAUSE = String.raw`${CLAUSE_WORD}(?: (?!${JOIN})${CLAUSE_WORD}){0,7}`;

/** The rules, in priority order: a later hit overlapping an earlier one is dropped. */
export const RULES: readonly Rule[] = [
  // sok@mail.com, sok @ mail . com
  {
    kind: 'email',
    re: r(
      String.raw`${NOT_BEFORE_LOCAL}${LOCAL}\s{0,3}@\s{0,3}${LABEL}(?:${DOT}${LABEL}){0,4}${DOT}[a-z]{2,12}${END_WORD}`,
    ),
  },
  // sok(at)mail, sok [at] mail [dot] com
  {
    kind: 'email',
    re: r(
      String.raw`${NOT_BEFORE_LOCAL}${LOCAL}${BRACKET('at')}${LABEL}(?:${DOT}${LABEL}){0,4}${END_WORD}`,
    ),
  },
  // sok at mail dot com (with "at" and "dot" both spelled: "look at kite.org" is a url)
  {
    kind: 'email',
    re: r(
      String.raw`${NOT_BEFORE_LOCAL}${LOCAL} at ${LABEL}(?: dot ${LABEL}){0,3} dot (?:${TLD_SPELLED})${END_WORD}`,
    ),
  },
  // sok@mail (no top-level domain)
  { kind: 'email', re: r(String.raw`${NOT_BEFORE_LOCAL}${LOCAL}@${LABEL}${END_WORD}`) },
  // https://…, www.…
  {
    kind: 'url',
    re: r(String.raw`(?:(?:https?|ftp):\/\/|(?<![a-z0-9])www\.)[^\s<>"]{1,2000}`),
  },
  // kite.org, kite.org/path, kite dot org
  {
    kind: 'url',
    re: r(
      String.raw`(?<![a-z0-9@._\-])${LABEL}(?:\.${LABEL}){0,4}(?:\.(?:${TLD_BARE})(?![a-z0-9\-])(?:\/[^\s]{0,200})?| dot (?:${TLD_SPELLED})${END_WORD})`,
    ),
  },
  // @sok_99
  { kind: 'handle', re: r(String.raw`(?<![a-z0-9._%+\-@])@[a-z_][a-z0-9_.]{1,29}`) },
  // my username is sok99, my snap is sok99
  {
    kind: 'handle',
    re: r(
      String.raw`(?<![a-z])my (?:user ?name|handle|gamer ?tag|screen ?name|snap|insta)(?: is| ?[:=]) ?(?<v>[a-z0-9_.\-]{3,30})`,
    ),
    accept: (v) => !REFUSALS.test(v),
  },
  // username: sok99, channel = sok99
  {
    kind: 'handle',
    re: r(
      String.raw`(?<![a-z])(?:user ?name|handle|gamer ?tag|screen ?name|snap|insta|account|profile|channel|id) ?[:=] ?(?<v>[a-z0-9_.\-]{3,30})`,
    ),
    accept: (v) => !REFUSALS.test(v),
  },
  // add me on chatapp: sok99
  {
    kind: 'handle',
    re: r(
      String.raw`(?<![a-z])(?:add|follow|find|friend|message|text|dm) me (?:on|at|in) [a-z]{2,20} ?[:=\-] ?(?<v>[a-z0-9_.\-]{3,30})`,
    ),
  },
  // 012 345 678, +855 12 345 678, 0 1 2 3 4 5 6 7 8 (number words are digits by now)
  {
    kind: 'phone',
    re: r(String.raw`(?<![\d+])\+?\d(?:[ \-.()\/]{0,3}\d){7,}`),
    accept: (v) => {
      const groups = v.split(/\D+/u).filter((g) => g !== '');
      // Round numbers ("10000000 coins", "100 200 300 400"), one decimal point ("3.14159265")
      // and dates are no phone numbers.
      if (groups.every((g) => /^\d0+$/u.test(g))) return false;
      if (groups.length === 2 && /^\d+\.\d+$/u.test(v)) return false;
      return !isDate(v);
    },
  },
  // house 45 street 271, #23 st. 51, no. 7 road 2
  {
    kind: 'address',
    re: r(
      String.raw`(?<![a-z0-9])(?:house|flat|apartment|apt|building|bldg|no\.?|#) ?\d{1,5}[a-z]?,? ?(?:${STREET})\.? ?#?\d{1,5}(?!\d)`,
    ),
  },
  // 12 oak street, 4b long lane
  {
    kind: 'address',
    re: r(
      String.raw`(?<![a-z0-9])\d{1,5}[a-z]?,? (?:(?!(?:${NOT_STREET_NAME}) )[a-z'\-]{1,20} ){1,3}(?:${STREET})(?![a-z])\.?`,
    ),
  },
  // street 271, st. 51 (two digits at least: children write "the road 2 school")
  {
    kind: 'address',
    re: r(String.raw`(?<![a-z0-9])(?:street|st\.?|road|rd\.?) ?#?\d{2,5}(?!\d)`),
  },
  // house 45, house number 45
  {
    kind: 'address',
    re: r(
      String.raw`(?<![a-z0-9])(?:house|flat|apartment|apt)(?: (?:number|no\.?)(?: is)?)? ?#?\d{1,5}[a-z]?(?![\d])`,
    ),
  },
  // I live at 5 Oak Road, I live at Sunrise Flats (not "I live at home")
  {
    kind: 'address',
    re: r(String.raw`(?<![a-z])i live (?:at|on) (?<v>${CLAUSE})`),
    accept: (_v, typed) => NAME_LIKE.test(typed),
  },
  // my address is …, address: …
  {
    kind: 'address',
    re: r(String.raw`(?<![a-z])(?:my (?:home )?address is|address ?:) ?(?<v>${CLAUSE})`),
    accept: (v) => !REFUSALS.test(v.trim()),
  },
  // my birthday is 5 may, born on 12/05/2015, born in 2015
  {
    kind: 'birthday',
    re: r(
      String.raw`(?<![a-z])(?:my (?:birthday|birth day|bday|date of birth|dob)(?: is|:)?(?: on)?|born(?: on| in)?) (?:the )?(?<v>${DATE_PART}(?:[ ,\/.\-]{1,3}(?:of )?${DATE_PART}){0,2})`,
    ),
  },
  // my name is Sok Dara, ខ្ញុំឈ្មោះ សុខ ដារា (two names); my surname is Dara (one)
  {
    kind: 'full_name',
    re: r(
      String.raw`(?<![a-z])(?:my name is|my name's|i am called|i'm called|name ?:|ខ្ញុំឈ្មោះ|ឈ្មោះខ្ញុំ(?:គឺ)?) ?(?<v>${NAME_TOKENS})`,
    ),
    accept: (v) => nameTokens(v).length >= 2,
    keep: (v) => nameTokens(v).join(' ').length,
  },
  {
    kind: 'full_name',
    re: r(
      String.raw`(?<![a-z])my (?:full name|real name|whole name|surname|last name|family name) is (?<v>${NAME_TOKENS})`,
    ),
    accept: (v) => nameTokens(v).length >= 1,
    keep: (v) => nameTokens(v).join(' ').length,
  },
  // my school is Sunrise Primary, I go to Sunrise Primary School
  {
    kind: 'school',
    re: r(String.raw`(?<![a-z])my school(?:'s name| name)? is (?<v>${CLAUSE})`),
    accept: (v, typed) => NAME_LIKE.test(typed) || SCHOOL_WORD.test(v),
  },
  {
    kind: 'school',
    re: r(String.raw`(?<![a-z])i(?: go to| study at| attend| am at|'m at) (?<v>${CLAUSE})`),
    accept: (v, typed) => SCHOOL_WORD.test(v) && NAME_LIKE.test(typed.replace(SCHOOL_WORDS, ' ')),
  },
];

const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})$|^\d{4}[/.-]\d{1,2}[/.-]\d{1,2}$/u;

/** Whether `text` is a calendar date such as 12/05/2015 or 2015-05-12. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text.trim());
  if (m === null) return false;
  if (m[1] === undefined) return true;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}
