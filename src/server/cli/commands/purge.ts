import { z } from 'zod';
import type { Command } from '../command';
import { createJobRunner } from '../../jobs/runner';
import { kiteJobs } from '../../jobs/jobs';
import { PURGE_JOB, PurgeError } from '../../jobs/purge';
import type { PurgeReport } from '../../jobs/purge';

function printReport(out: (line: string) => void, report: PurgeReport): void {
  const width = Math.max(...report.steps.map((s) => s.describe.length));
  for (const s of report.steps) {
    const what = 'deleted' in s ? `${s.deleted} deleted` : `FAILED: ${s.error}`;
    out(`  ${`${s.describe}:`.padEnd(width + 1)}  ${what}`);
  }
}

/**
 * `purge`: runs the retention purge now (the server's hourly job, under the same lease, so it
 * never runs twice at once) and prints what each step deleted.
 */
export const purgeCommand: Command<Record<string, never>> = {
  words: ['purge'],
  summary: 'delete the data past its retention period now, and say what went',
  needs: 'db',
  input: z
    .object({ args: z.array(z.string()).max(0, 'takes no arguments'), options: z.object({}) })
    .transform(() => ({})),
  async run(ctx) {
    const runner = createJobRunner({ db: ctx.db, jobs: kiteJobs(ctx.config), clock: ctx.now });
    const run = await runner.runNow(PURGE_JOB);
    if (run === 'busy') {
      ctx.err(
        'kite purge: a purge is running in another process now; nothing was done, try again later',
      );
      return 1;
    }
    if (run.outcome === 'ok') {
      const report = run.result as PurgeReport;
      printReport(ctx.out, report);
      ctx.out(`purge: done, ${report.deleted} ${report.deleted === 1 ? 'row' : 'rows'} deleted`);
      return 0;
    }
    if (run.error instanceof PurgeError) {
      printReport(ctx.out, run.error.report);
      ctx.err(`kite purge: some steps failed (the others ran): ${run.message}`);
    } else {
      ctx.err(`kite purge: failed: ${run.message}`);
    }
    return 1;
  },
};
