import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { beforeAll } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../../scripts/server-build.mjs';

/** The compiled server's entry (`node build/server/main.js`, as production runs it). */
export const COMPILED_SERVER = 'build/server/main.js';
/** The compiled command line (`node build/server/cli/main.js <command>`). */
export const COMPILED_CLI = 'build/server/cli/main.js';

/** Held by the test process that is building build/ (a folder: made atomically). */
const LOCK = 'build.lock';

let ready: Promise<void> | undefined;

/**
 * A file of the compiled server that a test runs with `node` (the server, the command line, or
 * a module a child process imports), once build/ is up to date with the sources. A child
 * process started from the build needs about half the CPU of one started from the TypeScript
 * sources through tsx. The first call of a test worker runs the builder's staleness check
 * (scripts/server-build.mjs: a fingerprint of the sources' sizes and times, a tenth of a
 * second) and builds when the sources changed (~17 s of CPU), under a lock that the other
 * workers wait for; so the build never lags the sources, and runs that spawn nothing pay
 * nothing. Rejects with TypeScript's messages when the sources do not compile.
 */
export async function compiledEntry(entry: `build/${string}.js`): Promise<string> {
  ready ??= buildUnderLock();
  await ready;
  return entry;
}

async function buildUnderLock(): Promise<void> {
  while (!takeLock()) await new Promise((r) => setTimeout(r, 200));
  try {
    await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Takes the lock, or frees it first when the process that held it is gone. */
function takeLock(): boolean {
  try {
    mkdirSync(LOCK);
    writeFileSync(`${LOCK}/pid`, String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let holder = 0;
  try {
    holder = Number(readFileSync(`${LOCK}/pid`, 'utf8'));
  } catch {
    return false; // just made, its pid not yet written
  }
  try {
    process.kill(holder, 0);
  } catch {
    rmSync(LOCK, { recursive: true, force: true }); // its process ended without freeing it
  }
  return false;
}

/**
 * Brings build/ up to date before the enclosing file's or suite's tests (see
 * {@link compiledEntry}), so that a build (~17 s of CPU, longer on a loaded machine) counts
 * against this hook's own allowance rather than the first test's.
 */
export function compiledBuildBeforeAll(): void {
  beforeAll(() => compiledEntry(COMPILED_SERVER), 180_000);
}
