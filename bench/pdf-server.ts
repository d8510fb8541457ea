// The server bench:pdf loads: Kite's app over the content, on a fresh SQLite database, with the
// PDF pool of PDF_WORKERS threads (0 renders on the main thread) and no practical rate limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../src/content/catalogue';
import { openDb } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { createApp } from '../src/server/app';

const dir = mkdtempSync(join(tmpdir(), 'kite-bench-pdf-'));
const db = await openDb({ dataDir: dir });
await migrateToLatest(db);
const { catalogue } = await loadCatalogue('content');
const app = await createApp({
  db,
  catalogue,
  logLevel: 'warn',
  pdfPool: { size: Number(process.env.PDF_WORKERS), maxQueue: 1000 },
  pdfRateLimit: { max: 1e9, timeWindow: '1 minute' },
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
});
