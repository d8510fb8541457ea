// `feedback report` (`npm run feedback:report`): what children said of each activity, for its
// authors. The same fold as GET /api/feedback/report (src/server/feedback/report.ts).

import { z } from 'zod';
import type { Command } from '../command';
import { FEEDBACK_ANSWERS, FEEDBACK_DAY, feedbackDay } from '../../../engine';
import { feedbackReport } from '../../feedback/report';
import type { FeedbackReport } from '../../feedback/report';

interface Input {
  readonly since: string | null;
  readonly json: boolean;
  readonly flagged: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function printTable(out: (line: string) => void, report: FeedbackReport, flagged: boolean) {
  const t = report.thresholds;
  out(
    `Children's feedback per activity (${report.since ? `from ${report.since}` : 'every stored answer'})`,
  );
  out(
    `Flagged from ${t.minAnswers} answers: hard when "too hard" + "confusing" >= ${percent(t.hardShare)}, scary when "scary" >= ${percent(t.scaryShare)}`,
  );
  const rows = report.activities.filter((a) => !flagged || a.flags.length > 0);
  if (rows.length === 0) {
    out(flagged ? 'No activity is flagged.' : 'No feedback yet.');
    return;
  }
  const w = Math.max(8, ...rows.map((a) => a.activity.length)) + 2;
  const cols = [...FEEDBACK_ANSWERS, 'answers', 'too-hard%', 'confusing%'];
  out(
    [
      'activity'.padEnd(w),
      'v'.padStart(3),
      ...cols.map((c) => c.padStart(c.length + 2)),
      '  flags',
    ].join(''),
  );
  for (const a of rows) {
    const cells = [
      ...FEEDBACK_ANSWERS.map((k) => String(a.counts[k])),
      String(a.answers),
      percent(a.tooHardShare),
      percent(a.confusingShare),
    ];
    out(
      [
        a.activity.padEnd(w),
        String(a.version).padStart(3),
        ...cells.map((c, i) => c.padStart(cols[i]!.length + 2)),
        `  ${a.flags.join(', ') || '-'}`,
      ].join(''),
    );
  }
}

export const feedbackReportCommand: Command<Input> = {
  words: ['feedback', 'report'],
  summary: "children's feedback per activity: counts per answer, shares, activities flagged",
  options: {
    since: { kind: 'value', value: '<YYYY-MM-DD>', describe: 'count answers from this day on' },
    json: { kind: 'flag', describe: 'print the report as JSON (as GET /api/feedback/report)' },
    flagged: { kind: 'flag', describe: 'list only the activities flagged hard or scary' },
  },
  needs: 'db',
  input: z
    .object({
      args: z.array(z.string()).max(0, 'takes no arguments'),
      options: z.object({
        since: z
          .string()
          .regex(FEEDBACK_DAY, 'must be a day, YYYY-MM-DD')
          .refine((d) => feedbackDay(Date.parse(`${d}T00:00:00Z`) || 0) === d, {
            message: 'must be a real day, YYYY-MM-DD',
          })
          .optional(),
        json: z.literal(true).optional(),
        flagged: z.literal(true).optional(),
      }),
    })
    .transform(({ options }) => ({
      since: options.since ?? null,
      json: options.json === true,
      flagged: options.flagged === true,
    })),
  async run(ctx, { since, json, flagged }) {
    const report = await feedbackReport(ctx.db, { since });
    if (json) {
      const shown = flagged
        ? { ...report, activities: report.activities.filter((a) => a.flags.length > 0) }
        : report;
      ctx.out(JSON.stringify(shown, null, 2));
    } else printTable(ctx.out, report, flagged);
    return 0;
  },
};
