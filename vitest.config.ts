import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { SummaryLineReporter } from './test/helpers/summary-reporter.ts';

/** The UI translations the web app's loader finds (vite.config.ts sets the same alias). */
const resolveUi = { alias: { '@kite-ui': resolve('content/ui') } };

// Four projects: unit tests beside the code and HTTP+DB integration tests under Node; the
// engine's tests again under jsdom (the engine must run identically in the browser); and the
// end-to-end suite against the production build in headless Chromium.
export default defineConfig({
  test: {
    reporters: ['default', new SummaryLineReporter()],
    // Two files at a time for the unit and integration projects (vitest's default is one fewer
    // than the cores: one on the 2-core machine this runs on, where the database waits then
    // left a core idle). The e2e project keeps one file at a time.
    maxWorkers: 2,
    projects: [
      {
        resolve: resolveUi,
        test: {
          name: 'node',
          environment: 'node',
          // One module graph per worker, not per file: isolated, the files spent ~105 s of CPU
          // importing the server, zod and kysely again (vitest's "import" time). No node test
          // mocks modules or changes process.env. The web project stays isolated: sharing, a
          // player's test failed (feed-player.test.tsx).
          isolate: false,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'engine-jsdom',
          environment: 'jsdom',
          // The engine is pure: its files share one jsdom instead of setting one up each.
          isolate: false,
          include: ['src/engine/**/*.test.ts'],
        },
      },
      {
        plugins: [preact()],
        resolve: resolveUi,
        test: {
          name: 'web',
          environment: 'jsdom',
          // One jsdom per worker, not per file (about 2 s of set-up each); setup.ts gives each
          // file an empty document and storage.
          isolate: false,
          setupFiles: ['src/web/testing/setup.ts'],
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // After the others, two files at a time (each starts its own server, in a worker with
          // its own Chromium): a browser journey mostly waits (one file used ~0.6 of a core), so
          // one at a time left a core idle: the e2e phase took 500 s that way and 323 s two at
          // a time on the 2-core development machine. Each worker imports playwright, axe and
          // the helpers once: isolated, the files spent ~90 s of a run importing them again.
          fileParallelism: true,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
