import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { SummaryLineReporter } from './test/helpers/summary-reporter.ts';

// Four projects: unit tests beside the code and HTTP+DB integration tests under Node; the
// engine's tests again under jsdom (the engine must run identically in the browser); and the
// end-to-end suite against the production build in headless Chromium.
export default defineConfig({
  test: {
    reporters: ['default', new SummaryLineReporter()],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
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
          include: ['src/engine/**/*.test.ts'],
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['src/web/**/*.test.ts', 'src/web/**/*.test.tsx'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
