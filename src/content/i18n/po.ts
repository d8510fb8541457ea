// Kite's translations as gettext PO files, for Poedit or any PO editor (I18N-1). One entry per
// string: msgctxt = the content id (or `ui:<area>:<key>`), msgid = the English, msgstr = the
// translation. The status travels in ways gettext's tools (msgfmt, msgcat, msgmerge) and PO
// editors keep: reviewed: no flag · draft: `#, fuzzy` · machine: `#, fuzzy` and the extracted
// comment `#. machine translation`. (A flag of our own would not do: msgcat drops unknown
// flags.) A stale translation (made from an older English) is always `fuzzy`, with a `#.` note.
import { po } from 'gettext-parser';
import type { PoEntry, PoTable } from 'gettext-parser';
import type { TranslationUnit } from '../../engine';
import type { Translation } from '../../engine';
import { scanPo } from './po-scan';
import type { PoProblem } from './po-scan';

/** The flag of a translation that still needs a person (gettext's own "needs work"). */
export const FUZZY = 'fuzzy';
/** The extracted comment that marks a machine translation no person has changed yet. */
export const MACHINE = 'machine translation';

/** The note on a stale entry. */
export const STALE_NOTE =
  'stale: the English changed since this translation; check it, then clear "fuzzy" (Needs work)';

/** The flags that carry a translation's status (and staleness). */
export function statusFlags(t: Translation | undefined, stale: boolean): string[] {
  if (t === undefined) return [];
  return t.status !== 'reviewed' || stale ? [FUZZY] : [];
}

/** The PO header of an export; PO editors add their own fields, which imports ignore. */
export function poHeaders(lang: string): Record<string, string> {
  return {
    'Project-Id-Version': 'Kite',
    'Last-Translator': 'Kite translators',
    'Language-Team': 'Kite translators',
    Language: lang,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
  };
}

/** The PO file of `units` for `lang`. Same units, same bytes (no dates in it). */
export function writePo(units: readonly TranslationUnit[], lang: string): string {
  const translations: PoTable['translations'] = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const u of units) {
    const extracted = [
      u.where.join(', '),
      ...(u.note === undefined ? [] : [`note: ${u.note}`]),
      ...(u.translation?.status === 'machine' ? [MACHINE] : []),
      ...(u.stale ? [STALE_NOTE] : []),
    ].filter((l) => l !== '');
    const flags = statusFlags(u.translation, u.stale);
    const entry: PoEntry = {
      msgctxt: u.context,
      msgid: u.english,
      msgstr: [u.translation?.text ?? ''],
      comments: {
        ...(extracted.length > 0 ? { extracted: extracted.join('\n') } : {}),
        ...(u.file === '' ? {} : { reference: u.file }),
        ...(flags.length > 0 ? { flag: flags.join(', ') } : {}),
      },
    };
    translations[u.context] = { [u.english]: entry };
  }
  return (
    po.compile({ charset: 'utf-8', headers: poHeaders(lang), translations }).toString('utf8') + '\n'
  );
}

/** One entry read from a PO file, with where it is. */
export interface PoRecord {
  readonly context: string;
  readonly msgid: string;
  /** Empty when untranslated. */
  readonly msgstr: string;
  readonly flags: readonly string[];
  /** The extracted comments (`#.`), one per line. */
  readonly notes: readonly string[];
  readonly line: number;
  readonly msgstrLine: number;
}

const flagsOf = (e: PoEntry | undefined): string[] =>
  (e?.comments?.flag ?? '')
    .split(/[,\n]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');

/**
 * Reads a PO file for `lang`: its entries, or every problem with its line (`po-syntax`,
 * `po-language`, `po-no-context`, `po-duplicate`, `po-plural`). Nothing is checked against the
 * content here; see `planImport`.
 */
export function readPo(text: string, lang: string): { records: PoRecord[]; problems: PoProblem[] } {
  const scanned = scanPo(text);
  if (scanned.problems.length > 0) return { records: [], problems: scanned.problems };
  let table: PoTable;
  try {
    table = po.parse(text, { validation: true, defaultCharset: 'utf-8' });
  } catch (e) {
    const err = e as Error & { lineNumber?: number };
    const message = err.message.replace(/^Error parsing PO data: /, '');
    return { records: [], problems: [{ line: err.lineNumber ?? 1, code: 'po-syntax', message }] };
  }
  const problems: PoProblem[] = [];
  const header = scanned.entries.find((e) => e.context === undefined && e.msgid === '');
  const language = table.headers?.Language ?? '';
  if (language !== lang)
    problems.push({
      line: header?.line ?? 1,
      code: 'po-language',
      message:
        language === ''
          ? `the header has no Language; this import is for "${lang}"`
          : `the header says Language: ${language}; this import is for "${lang}"`,
    });
  const records: PoRecord[] = [];
  for (const s of scanned.entries) {
    if (s === header) continue;
    if (s.context === undefined) {
      problems.push({
        line: s.line,
        code: 'po-no-context',
        message: 'an entry without msgctxt: Kite needs the content id there (export again)',
      });
      continue;
    }
    if (s.plural) {
      problems.push({
        line: s.line,
        code: 'po-plural',
        message: `"${s.context}": msgid_plural is not used; write plurals in ICU inside msgstr`,
      });
      continue;
    }
    const entry = table.translations[s.context]?.[s.msgid];
    records.push({
      context: s.context,
      msgid: s.msgid,
      msgstr: entry?.msgstr[0] ?? '',
      flags: flagsOf(entry),
      notes: (entry?.comments?.extracted ?? '').split('\n').map((l) => l.trim()),
      line: s.line,
      msgstrLine: s.msgstrLine,
    });
  }
  return { records, problems };
}
