// The node project's global setup: builds the server into build/ when build/ is older than its
// sources (scripts/server-build.mjs compares a fingerprint of every source file's size and
// time), so that the tests which spawn the server or the command line run the compiled build
// of exactly the sources under test (test/helpers/compiled-server.ts). Up to date, the check
// costs a tenth of a second; a build costs ~17 s of CPU once, which the production test paid
// anyway.
import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../../scripts/server-build.mjs';

export default async function setup(project: TestProject): Promise<void> {
  try {
    await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
    project.provide('serverBuildError', '');
  } catch (e) {
    // A type error in the server fails the tests that spawn it, not every unit test.
    project.provide('serverBuildError', e instanceof Error ? e.message : String(e));
  }
}
