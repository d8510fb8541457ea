import { describe, expect, it } from 'vitest';
import { guardCell, toCsv } from './csv';
import { actionOverdue, assessmentRows } from './report';
import type { ActionItem, ReportCsvLabels } from './report';
import { scoreAssessment } from './score';
import type { IndustryAnswer } from './types';
import { FRAMEWORK } from '../testing/industry-framework';

/**
 * An RFC 4180 reader written for this test, character by character: quoted fields may hold
 * commas, doubled quotes and line breaks; a record ends at CRLF, and a lone CR or LF outside
 * quotes is an error (so the writer cannot get away with bare line ends).
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += c;
        i += 1;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '' || wasQuoted) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = wasQuoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      wasQuoted = false;
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      wasQuoted = false;
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`a bare line end at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      cell += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unclosed quote');
  if (cell !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

const LABELS: ReportCsvLabels = {
  section: 'Section',
  question: 'Question',
  questionText: 'Text',
  answer: 'Answer',
  reason: 'Reason for N/A',
  weight: 'Weight',
  critical: 'Critical',
  priority: 'Priority',
  recommendation: 'Recommendation',
  resources: 'Resources',
  actionOwner: 'Owner',
  actionDue: 'Due',
  actionStatus: 'Status',
  notApplicable: 'N/A',
  yes: 'yes',
  no: 'no',
  status: { open: 'Open', 'in-progress': 'In progress', done: 'Done' },
  sectionWeight: 'Share (%)',
  percent: 'Score (%)',
  answered: 'Answered',
  overall: 'Overall',
  maturity: 'Maturity level',
};
const texts = { text: (t: { text: string }) => t.text, labels: LABELS };

const answers = new Map<string, IndustryAnswer>([
  ['gov.1', { level: 1 }],
  ['gov.2', { level: 'na', reason: 'We have "no" staff, only, volunteers\r\n=SUM(A1)' }],
  ['csam.1', { level: 3 }],
  ['csam.2', { level: 2 }],
]);
const actions = new Map<string, ActionItem>([
  ['gov.1', { owner: '=cmd|/c calc', due: '2027-03-31', status: 'in-progress' }],
]);
const profile = { features: ['user-content'] as const };
const score = scoreAssessment(FRAMEWORK, profile, answers);

describe('the assessment as CSV (IND-09)', () => {
  const rows = assessmentRows(FRAMEWORK, profile, answers, score, actions, texts);
  const csv = toCsv(rows);

  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('parses back to the rows, with commas, quotes and line breaks kept inside their cell', () => {
    const back = parseCsv(csv.slice(1));
    const guarded = rows.map((r) => (r.length === 0 ? [''] : r.map(guardCell)));
    expect(back).toEqual(guarded);
    const gov2 = back.find((r) => r[1] === 'gov.2')!;
    expect(gov2[3]).toBe('N/A');
    expect(gov2[4]).toBe('We have "no" staff, only, volunteers\r\n=SUM(A1)');
  });

  it('has a row for each question asked, with its gap, recommendation and action', () => {
    const back = parseCsv(csv.slice(1));
    expect(back[0]).toEqual([
      'Section',
      'Question',
      'Text',
      'Answer',
      'Reason for N/A',
      'Weight',
      'Critical',
      'Priority',
      'Recommendation',
      'Resources',
      'Owner',
      'Due',
      'Status',
    ]);
    expect(back.slice(1, 6).map((r) => r[1])).toEqual([
      'gov.1',
      'gov.2',
      'csam.1',
      'csam.2',
      'edu.1',
    ]);
    expect(back[1]).toEqual([
      'Governance',
      'gov.1',
      'Question gov.1?',
      '1',
      '',
      '3',
      'yes',
      '6', // 3 × (3 − 1)
      'Do gov.1.',
      'https://example.org/gov.1',
      "'=cmd|/c calc", // the formula guard
      '2027-03-31',
      'In progress',
    ]);
    // Unanswered: no answer, no gap; at its target: no recommendation.
    expect(back[5]!.slice(3, 9)).toEqual(['', '', '1', 'no', '', '']);
    expect(back[3]!.slice(7, 9)).toEqual(['', '']);
  });

  it('lists every section of the framework in the summary, then overall and maturity', () => {
    const back = parseCsv(csv.slice(1));
    const start = back.findIndex((r) => r[1] === 'Share (%)');
    expect(back[start - 1]).toEqual(['']);
    expect(back.slice(start + 1)).toEqual([
      ['Governance', '50', '25.0', '1', '1'], // 3·1 / 3·4
      ['Illegal content', '30', '62.5', '2', '0'], // (2·3 + 2·2) / 16
      ['Education', '20', '', '0', '0'],
      ['Overall', '100', `${(Math.round(((50 * 25 + 30 * 62.5) / 80) * 10) / 10).toFixed(1)}`],
      ['Maturity level', '', '1'],
    ]);
    for (const s of FRAMEWORK.sections) expect(csv).toContain(`\r\n${s.title.text},`);
  });

  it('asks only the questions that apply to the service', () => {
    const plain = assessmentRows(FRAMEWORK, { features: [] }, answers, score, actions, texts);
    expect(plain.map((r) => r[1])).not.toContain('csam.1');
  });

  it('keeps Khmer text as it is', () => {
    const km = toCsv([['ការការពារកុមារ', 'សុវត្ថិភាព, អនឡាញ']]);
    expect(parseCsv(km.slice(1))).toEqual([['ការការពារកុមារ', 'សុវត្ថិភាព, អនឡាញ']]);
    expect([...new TextEncoder().encode(km).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('the formula guard', () => {
  it('prefixes a quote to cells that start like a formula, and only those', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(guardCell(bad)).toBe(`'${bad}`);
    for (const ok of ['1', 'a=b', ' =x', '', "'already"]) expect(guardCell(ok)).toBe(ok);
    expect(toCsv([['=1', '-2,3']])).toBe('\uFEFF\'=1,"\'-2,3"\r\n');
  });
});

describe('action items (IND-23)', () => {
  it('are overdue past their due date unless done', () => {
    const a: ActionItem = { owner: 'Trust and safety', due: '2027-01-31', status: 'open' };
    expect(actionOverdue(a, '2027-01-31')).toBe(false);
    expect(actionOverdue(a, '2027-02-01')).toBe(true);
    expect(actionOverdue({ ...a, status: 'done' }, '2027-02-01')).toBe(false);
  });
});
