import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../src/server/classes/report';
import type { ClassReport as ServerReport } from '../../src/server/classes/report';
import type { ClassReport } from '../../src/web/classes/api';
import { reportTable } from '../../src/web/classes/report-table';

// The screen's table and the CSV are made by two pieces of code (the page here, the server's
// `reportCsv`): they must hold the same columns, in the same order, with the same values.

const topic = (t: string, mastered: number, finished: number, activities: number) => ({
  topic: t,
  stars: [mastered],
  mastered,
  finished,
  activities,
});

const report: ClassReport = {
  class: {
    id: 'c1',
    schoolId: 's1',
    name: 'Class 4B',
    band: '8-10',
    lang: 'en',
    code: 'ABC123',
    children: 3,
  },
  topics: [
    { id: 'passwords', title: 'Passwords' },
    { id: 'scams', title: 'Scams, "fake" prizes' },
  ],
  children: [
    {
      id: 'l1',
      nickname: 'Star',
      avatar: 'fox',
      answers: 12,
      correct: 9,
      finished: 2,
      lastAt: '2026-12-04T09:05:00.000Z',
      topics: [topic('passwords', 2, 1, 4), topic('scams', 0, 0, 3)],
    },
    {
      id: 'l2',
      nickname: "Tiger O'Neil",
      avatar: 'owl',
      answers: 0,
      correct: 0,
      finished: 0,
      lastAt: null,
      topics: [topic('passwords', 0, 0, 4), topic('scams', 3, 3, 3)],
    },
    {
      id: 'l3',
      nickname: 'ស្រីពៅ',
      avatar: 'cat',
      answers: 5,
      correct: 5,
      finished: 1,
      lastAt: '2026-12-05T10:00:00.000Z',
      topics: [topic('passwords', 1, 1, 4), topic('scams', 1, 0, 3)],
    },
  ],
  missed: [],
  feedback: [],
};

/** Reads the server's CSV: quoted fields, `""` for a quote, CRLF lines. */
function parseCsv(csv: string): string[][] {
  return csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe('the report table', () => {
  it('has the CSV’s header, rows and values, in the same order', () => {
    const csv = parseCsv(reportCsv(report as unknown as ServerReport));
    const table = reportTable(report);
    expect(table.head).toEqual(csv[0]);
    expect(table.rows.map((r) => r.cells.map((c) => c.value))).toEqual(csv.slice(1));
    expect(table.rows[1]!.cells.map((c) => c.value)).toEqual([
      "Tiger O'Neil",
      '0',
      '0',
      '0',
      '',
      '0/3',
      '0/4',
      '3/3',
      '3/3',
    ]);
  });

  it('marks which cells are stars, so the page draws them with their "n/3"', () => {
    const kinds = reportTable(report).rows[0]!.cells.map((c) => c.kind);
    expect(kinds).toEqual([
      'text',
      'number',
      'number',
      'number',
      'time',
      'stars',
      'finished',
      'stars',
      'finished',
    ]);
  });
});
