import { inject } from 'vitest';

/** The compiled server's entry (`node build/server/main.js`, as production runs it). */
export const COMPILED_SERVER = 'build/server/main.js';
/** The compiled command line (`node build/server/cli/main.js <command>`). */
export const COMPILED_CLI = 'build/server/cli/main.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** TypeScript's messages when the node project's global setup could not build `build/`. */
    serverBuildError: string;
  }
}

/**
 * A file of the compiled server that a test runs with `node` (the server, the command line, or
 * a module a child process imports). The node project's global setup (test/setup/server-build.ts)
 * brought build/ up to date with the sources before any test ran. A child process started from
 * the build needs about half the CPU of one started from the TypeScript sources through tsx.
 * Throws the build's error when the sources did not compile, so that only the tests which run
 * the build fail for it.
 */
export function compiledEntry(entry: `build/${string}.js`): string {
  const error = inject('serverBuildError');
  if (error) throw new Error(`the server could not be built (build/):\n${error}`);
  return entry;
}
