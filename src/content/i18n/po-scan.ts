/**
 * A line-by-line reading of a PO file that keeps line numbers, which gettext-parser drops: where
 * each entry starts, its msgctxt and msgid, and structural problems (a string never closed, an
 * unknown keyword, an entry without msgstr, one context given twice). The values Kite imports
 * come from gettext-parser; this only places them.
 */

/** A stable code for each problem an import can find (docs/content-authoring.md §12). */
export type PoErrorCode =
  | 'po-syntax'
  | 'po-language'
  | 'po-no-context'
  | 'po-duplicate'
  | 'po-plural'
  | 'po-unknown-id'
  | 'po-placeholders'
  | 'po-icu'
  | 'po-newlines';

/** One problem at one line of the PO file. */
export interface PoProblem {
  readonly line: number;
  readonly code: PoErrorCode;
  readonly message: string;
}

/** Where an entry is, and what identifies it. */
export interface ScannedEntry {
  /** Undefined when the entry has no msgctxt. */
  readonly context: string | undefined;
  readonly msgid: string;
  /** The entry's first keyword line (msgctxt, or msgid). */
  readonly line: number;
  /** The line of its msgstr. */
  readonly msgstrLine: number;
  readonly plural: boolean;
}

interface Building {
  context: string | undefined;
  msgid: string | undefined;
  line: number;
  msgstrLine: number;
  plural: boolean;
  msgstrs: number;
  last: 'msgctxt' | 'msgid' | 'other';
}

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

/** The value of one quoted PO string (`"…"`, escapes as gettext-parser reads them), or null. */
function unquote(s: string): string | null {
  const q = s[0];
  if (q !== '"' && q !== "'") return null;
  let out = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\') {
      const n = s[++i];
      if (n === undefined) return null;
      out += ESCAPES[n] ?? n;
    } else if (c === q) return s.slice(i + 1).trim() === '' ? out : null;
    else out += c;
  }
  return null;
}

/** Scans a PO text; entries in file order (the header included), and structural problems. */
export function scanPo(text: string): { entries: ScannedEntry[]; problems: PoProblem[] } {
  const entries: ScannedEntry[] = [];
  const problems: PoProblem[] = [];
  let cur: Building | undefined;
  const finish = () => {
    if (cur === undefined) return;
    if (cur.msgid === undefined)
      problems.push({ line: cur.line, code: 'po-syntax', message: 'msgctxt without a msgid' });
    else {
      if (cur.msgstrs === 0)
        problems.push({ line: cur.line, code: 'po-syntax', message: 'an entry without msgstr' });
      entries.push({
        context: cur.context,
        msgid: cur.msgid,
        line: cur.line,
        msgstrLine: cur.msgstrLine || cur.line,
        plural: cur.plural,
      });
    }
    cur = undefined;
  };
  const lines = text.split(/\r?\n/);
  // After a syntax error the rest of that entry is skipped (to the next blank line), so one
  // mistake gives one problem.
  let skipping = false;
  const broken = (line: number, message: string) => {
    problems.push({ line, code: 'po-syntax', message });
    cur = undefined;
    skipping = true;
  };
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#~')) {
      skipping = false;
      return finish();
    }
    if (skipping) return;
    if (line.startsWith('#')) {
      if (cur !== undefined && cur.msgstrs > 0) finish();
      return;
    }
    const m = KEYWORD.exec(line);
    const quoted = m ? (m[2] as string) : line;
    if (m === null && !line.startsWith('"') && !line.startsWith("'"))
      return broken(
        n,
        `"${line.slice(0, 30)}" is not a PO keyword (msgctxt, msgid, msgstr) nor a quoted string`,
      );
    const value = unquote(quoted);
    if (value === null)
      return broken(
        n,
        'a string must be one quoted piece per line, closed on the same line (escape " as \\")',
      );
    if (m === null) {
      if (cur === undefined) broken(n, 'a string outside any entry');
      else if (cur.last === 'msgctxt') cur.context = (cur.context ?? '') + value;
      else if (cur.last === 'msgid') cur.msgid = (cur.msgid ?? '') + value;
      return;
    }
    const key = m[1] as string;
    if (key === 'msgctxt') {
      finish();
      cur = {
        context: value,
        msgid: undefined,
        line: n,
        msgstrLine: 0,
        plural: false,
        msgstrs: 0,
        last: 'msgctxt',
      };
    } else if (key === 'msgid') {
      if (cur !== undefined && cur.msgid !== undefined) finish();
      cur ??= {
        context: undefined,
        msgid: undefined,
        line: n,
        msgstrLine: 0,
        plural: false,
        msgstrs: 0,
        last: 'msgid',
      };
      cur.msgid = value;
      cur.last = 'msgid';
    } else if (cur === undefined || cur.msgid === undefined) {
      broken(n, `${key} before its msgid`);
    } else {
      if (key === 'msgid_plural') cur.plural = true;
      else {
        cur.msgstrs++;
        cur.msgstrLine ||= n;
      }
      cur.last = 'other';
    }
  });
  finish();
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (e.context === undefined) continue;
    const first = seen.get(e.context);
    if (first === undefined) seen.set(e.context, e.line);
    else
      problems.push({
        line: e.line,
        code: 'po-duplicate',
        message: `msgctxt "${e.context}" is already at line ${first}`,
      });
  }
  return { entries, problems };
}
