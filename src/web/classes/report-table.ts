import type { ClassReport } from './api';
import { ct } from './strings';

/** One cell of the report's table: what the CSV holds, and what the screen shows of it. */
export interface ReportCell {
  /** Exactly the CSV's value. */
  readonly value: string;
  readonly kind: 'text' | 'number' | 'time' | 'stars' | 'finished';
}

export interface ReportTable {
  readonly head: readonly string[];
  readonly rows: readonly { readonly id: string; readonly cells: readonly ReportCell[] }[];
}

/**
 * The report's table, column for column as the server's CSV (`reportCsv`): nickname, answers,
 * correct, activities finished, last answer, then for each topic its stars ("n/3") and its
 * finished activities ("n/m"). The page renders these values; the CSV has the same ones.
 */
export function reportTable(report: ClassReport): ReportTable {
  const head = [
    ct('report.nickname'),
    ct('report.answers'),
    ct('report.correct'),
    ct('report.finished'),
    ct('report.lastAt'),
    ...report.topics.flatMap((t) => [
      ct('report.topicStars', { topic: t.title }),
      ct('report.topicFinished', { topic: t.title }),
    ]),
  ];
  const rows = report.children.map((c) => ({
    id: c.id,
    cells: [
      { value: c.nickname, kind: 'text' as const },
      { value: String(c.answers), kind: 'number' as const },
      { value: String(c.correct), kind: 'number' as const },
      { value: String(c.finished), kind: 'number' as const },
      { value: c.lastAt ?? '', kind: 'time' as const },
      ...c.topics.flatMap((t) => [
        { value: `${t.mastered}/3`, kind: 'stars' as const },
        { value: `${t.finished}/${t.activities}`, kind: 'finished' as const },
      ]),
    ],
  }));
  return { head, rows };
}
