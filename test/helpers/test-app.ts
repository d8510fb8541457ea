import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/app';
import type { TestDb } from './dialects';

/** An in-memory app over a fresh database, with its log lines captured. */
export interface TestApp {
  app: FastifyInstance;
  logs: string[];
  close(): Promise<void>;
}

export async function createTestApp(
  testDb: TestDb,
  deps: Partial<Omit<AppDeps, 'db'>> = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const app = await createApp({ db: testDb.db, logLevel: 'info', logStream, ...deps });
  return { app, logs, close: () => app.close() };
}
