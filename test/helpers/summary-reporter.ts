import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so that any reader of the log (people and CI alike) sees the counts in one place.
 * A test that never ended (its worker process died under it: vitest then says only "Worker
 * exited unexpectedly") is counted apart and named with its file, which vitest's summary does
 * not do: the file is otherwise missing from the log's tail.
 */
export class SummaryLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const unfinished: string[] = [];
    for (const mod of modules) {
      const file = mod.moduleId.replace(`${process.cwd()}/`, '');
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else if (result.state === 'skipped') skipped++;
        else unfinished.push(`${file} > ${test.fullName}`);
      }
      const state = mod.state();
      if (state === 'pending' || state === 'queued') {
        unfinished.push(`${file} (the file never ended)`);
      }
    }
    const notEnded = unfinished.length ? `, ${unfinished.length} never ended` : '';
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped${notEnded}\n` +
        unfinished.map((u) => `  never ended: ${u}\n`).join(''),
    );
  }
}
