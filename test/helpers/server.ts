import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/app';
import { freshSqlite } from './dialects';
import type { TestDb } from './dialects';
import type { Db } from '../../src/db/connect';

/** The built app listening on a random port of 127.0.0.1, over a fresh SQLite database. */
export interface RunningServer {
  origin: string;
  app: FastifyInstance;
  /** The server's database (tests read what reached it). */
  db: Db;
  /** The environment a Kite process (the command line) needs to open the same database. */
  env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * What a test may give the server: deployment settings (as `KITE_*` variables would: the
 * country pack, topics switched off, outcome measurement off), the loaded content for the PDF
 * routes, a lower PDF rate limit, the accounts' options (a cheap Argon2 cost, a mailer the test
 * reads), and the recording studio's content folder.
 */
export type ServerOptions = Pick<
  AppDeps,
  | 'country'
  | 'disabledTopics'
  | 'measurement'
  | 'catalogue'
  | 'pdfRateLimit'
  | 'accounts'
  | 'studio'
  | 'industry'
>;

export async function startServer(
  webDir = 'dist',
  options: ServerOptions = {},
): Promise<RunningServer> {
  const testDb: TestDb = await freshSqlite();
  const app = await createApp({ db: testDb.db, webDir, logLevel: 'warn', ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    app,
    db: testDb.db,
    env: testDb.env,
    stop: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}
