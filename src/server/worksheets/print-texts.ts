// The words of the class documents (login cards, the parents' letter), from
// `content/print/<lang>.json`. Read and checked once, at start: a file that is missing a text
// or names a placeholder the document does not fill is refused with its file and key. A
// language without its own file prints in English.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const text = z.string().min(1).max(1000);

const CardTexts = z.strictObject({
  title: text,
  footer: text,
  classCode: text,
  secretPictures: text,
  keepSafe: text,
});

const LetterSection = z.strictObject({
  heading: text,
  text: text.optional(),
  items: z.array(text).min(1).optional(),
  closing: text.optional(),
});

const LetterTexts = z.strictObject({
  title: text,
  greeting: text,
  intro: z.array(text).min(1),
  sections: z.array(LetterSection).min(1),
  /**
   * Added to the first section's list where the deployment measures outcomes (KITE_MEASUREMENT,
   * docs/measurement.md): the short checks, in plain words.
   */
  measurement: text,
  signoff: text,
  signature: text,
  footer: text,
  period: z.strictObject({ one: text, other: text }),
});

const PrintTextsSchema = z.strictObject({ cards: CardTexts, letter: LetterTexts });

export type PrintTexts = z.infer<typeof PrintTextsSchema>;
export type LetterSectionTexts = z.infer<typeof LetterSection>;

/** The placeholders each part may use; the documents fill exactly these. */
const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  cards: ['className'],
  letter: ['schoolName', 'className', 'teacherName', 'period', 'noticeVersion'],
  'letter.period': ['n'],
};

/** A print-text file that is missing or wrong; the message names the file and the key. */
export class PrintTextsError extends Error {
  override readonly name = 'PrintTextsError';
}

/** `{name}` placeholders filled from `values`; an unknown one is left as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** Every string under `value` with its dotted key. */
function strings(value: unknown, key: string): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${key}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  }
  return [];
}

function checkPlaceholders(texts: PrintTexts, file: string): void {
  for (const [key, s] of strings(texts, '')) {
    const scope = key.startsWith('letter.period.') ? 'letter.period' : key.split('.')[0]!;
    const allowed = PLACEHOLDERS[scope] ?? [];
    for (const [, name] of s.matchAll(/\{(\w+)\}/g)) {
      if (!allowed.includes(name!)) {
        throw new PrintTextsError(`${file}: ${key}: unknown placeholder {${name}}`);
      }
    }
  }
}

function readTexts(file: string): PrintTexts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PrintTextsError(`${file}: ${(e as Error).message}`);
  }
  const parsed = PrintTextsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PrintTextsError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  checkPlaceholders(parsed.data, file);
  return parsed.data;
}

/** The texts of a language (its primary subtag), English when it has no file. */
export type PrintTextsFor = (lang: string) => PrintTexts;

/** Reads and checks every `<contentDir>/print/<lang>.json`; English must be there. */
export function loadPrintTexts(contentDir = 'content'): PrintTextsFor {
  const dir = join(contentDir, 'print');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch (e) {
    throw new PrintTextsError(`${dir}: ${(e as Error).message}`);
  }
  const byLang = new Map(names.map((n) => [n.slice(0, -5), readTexts(join(dir, n))]));
  const en = byLang.get('en');
  if (!en) throw new PrintTextsError(`${join(dir, 'en.json')}: missing`);
  return (lang) => byLang.get(lang) ?? byLang.get(lang.split('-')[0] ?? '') ?? en;
}
