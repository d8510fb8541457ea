// npm run bench:pdf — the worksheet route's two costs, with HarfBuzz and the fonts loaded:
//   afresh: map the activity to the document model and render the PDF (no cache), and
//   cached:  GET /api/worksheets/<id>.pdf through app.inject when the PDF is in the cache,
// in English (content/) and Khmer (test/fixtures/khmer). Goal: afresh ≤ 200 ms.
import { loadCatalogue } from '../src/content/catalogue';
import { createApp } from '../src/server/app';
import { createPdfRenderer } from '../src/server/pdf/renderer';
import type { PdfRenderer } from '../src/server/pdf/renderer';
import { PrintService } from '../src/server/worksheets/print-service';
import type { Activity } from '../src/engine/types/activity';
import type { Catalogue } from '../src/engine/types/catalogue';
import { freshSqlite } from '../test/helpers/dialects';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 200;

function stats(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms  p90 ${at(0.9).toFixed(2)} ms  max ${s[s.length - 1]!.toFixed(2)} ms`;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** The activity whose worksheet has the most questions (the heaviest page). */
function biggest(c: Catalogue): Activity {
  return [...c.activities.values()].sort(
    (x, y) => y.worksheet.questions.length - x.worksheet.questions.length,
  )[0]!;
}

async function bench(name: string, dir: string, lang: string, renderer: PdfRenderer) {
  const { catalogue } = await loadCatalogue(dir);
  const id = lang === 'km' ? 'km-strong-password' : biggest(catalogue).id;
  const print = new PrintService(catalogue, renderer, { country: 'intl' });
  const afresh = await time(async () => {
    const job = print.worksheet(id, { lang, paper: 'a4', answers: false })!;
    return renderer.render(job.model);
  });
  const testDb = await freshSqlite();
  const app = await createApp({
    db: testDb.db,
    catalogue,
    pdfRenderer: renderer,
    pdfRateLimit: { max: 1e9, timeWindow: '1 minute' },
  });
  const url = `/api/worksheets/${id}.pdf?lang=${lang}&paper=a4`;
  const first = await app.inject({ url });
  if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
  const cached = await time(async () => {
    const res = await app.inject({ url });
    if (res.headers['x-kite-cache'] !== 'hit') throw new Error('not served from the cache');
  });
  const etag = String(first.headers.etag);
  const notModified = await time(() => app.inject({ url, headers: { 'if-none-match': etag } }));
  await app.close();
  await testDb.dispose();
  const med = [...afresh].sort((a, b) => a - b)[Math.floor(afresh.length / 2)]!;
  console.log(`${name} (${id}, ${(first.rawPayload.length / 1024).toFixed(1)} KiB)`);
  console.log(
    `  afresh (model + render)   ${stats(afresh)}  ${med <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal`,
  );
  console.log(`  from the cache (inject)   ${stats(cached)}`);
  console.log(`  304 by ETag (inject)      ${stats(notModified)}`);
}

const t0 = performance.now();
const renderer = await createPdfRenderer();
console.log(
  `HarfBuzz and 8 fonts loaded in ${(performance.now() - t0).toFixed(0)} ms; ${RUNS} runs each after 3 warm-ups`,
);
await bench('English worksheet', 'content', 'en', renderer);
await bench('Khmer worksheet', 'test/fixtures/khmer', 'km', renderer);
