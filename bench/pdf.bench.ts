// npm run bench:pdf — the worksheet route's two costs, with HarfBuzz and the fonts loaded:
//   afresh: map the activity to the document model and render the PDF (no cache), and
//   cached:  GET /api/worksheets/<id>.pdf through app.inject when the PDF is in the cache,
// in English (content/) and Khmer (test/fixtures/khmer). Goal: afresh ≤ 200 ms.
// Then, under load: the server (bench/pdf-server.ts, its own process) gets 300 different,
// uncached PDF requests over 20 connections while one more connection, from a third process
// (bench/health-probe.ts), asks /api/health in a loop. Printed: PDFs per second and the health
// latency (p50, p99), rendering on the main thread (PDF_WORKERS=0) against the worker pool.
// Goal: health p99 ≤ 50 ms with the pool.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { loadCatalogue } from '../src/content/catalogue';
import { createApp } from '../src/server/app';
import { defaultPoolSize } from '../src/server/pdf/pool';
import { createPdfRenderer } from '../src/server/pdf/renderer';
import type { PdfRenderer } from '../src/server/pdf/renderer';
import { PrintService } from '../src/server/worksheets/print-service';
import type { Activity, Catalogue } from '../src/engine';
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

// ---- Under load -------------------------------------------------------------------------------

const LOAD_PDFS = 300;
const CONNECTIONS = 20;
const HEALTH_GOAL_MS = 50;

function serve(workers: number, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/pdf-server.ts'], {
      env: { ...process.env, PORT: String(port), PDF_WORKERS: String(workers) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('listening')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`bench server exited (${code}): ${out}`)));
  });
}

function get(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/** Every printable document of the content once: worksheets, keys, cards and guides. */
function documentPaths(c: Catalogue): string[] {
  const paths: string[] = [];
  for (const paper of ['a4', 'letter']) {
    for (const id of c.activities.keys()) {
      paths.push(`/api/worksheets/${id}.pdf?paper=${paper}`);
      paths.push(`/api/worksheets/${id}.pdf?paper=${paper}&answers=1`);
    }
    for (const id of c.challenges.keys()) paths.push(`/api/challenges/${id}.pdf?paper=${paper}`);
    for (const id of c.guides.keys()) {
      paths.push(`/api/guides/${id}.pdf?paper=${paper}`);
      paths.push(`/api/guides/${id}.pdf?paper=${paper}&audience=teachers`);
    }
  }
  return paths;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function underLoad(workers: number, port: number, paths: string[]) {
  const server = await serve(workers, port);
  try {
    const pdfAgent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // Warm up: the workers load HarfBuzz and the fonts; these documents are not in the run.
    const warm = paths.slice(LOAD_PDFS, LOAD_PDFS + Math.max(1, workers));
    await Promise.all(warm.map((p) => get(pdfAgent, port, p)));
    for (let i = 0; i < 20; i++) await get(healthAgent, port, '/api/health');

    const run = paths.slice(0, LOAD_PDFS);
    let next = 0;
    let failed = 0;
    const probe = spawn(process.execPath, ['--import', 'tsx', 'bench/health-probe.ts'], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let probeOut = '';
    probe.stdout!.on('data', (d) => (probeOut += d));
    await new Promise<void>((resolve) => {
      const check = () => (probeOut.includes('ready') ? resolve() : setTimeout(check, 20));
      check();
    });
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < run.length) {
          if ((await get(pdfAgent, port, run[next++]!)) !== 200) failed++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    probe.stdin!.end();
    await new Promise((r) => probe.once('exit', r));
    const probed = JSON.parse(probeOut.slice(probeOut.indexOf('{'))) as {
      latencies: number[];
      failed: number;
    };
    failed += probed.failed;
    const latencies = probed.latencies;
    pdfAgent.destroy();
    healthAgent.destroy();
    if (failed) throw new Error(`${failed} requests failed during the run`);
    const s = latencies.sort((a, b) => a - b);
    return {
      pdfsPerSecond: run.length / seconds,
      p50: pct(s, 0.5),
      p99: pct(s, 0.99),
      n: s.length,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

{
  const { catalogue } = await loadCatalogue('content');
  const paths = documentPaths(catalogue);
  if (paths.length < LOAD_PDFS + 2) throw new Error(`only ${paths.length} documents in content/`);
  const pool = defaultPoolSize();
  const modes = [...new Set([0, pool, Math.max(2, pool)])];
  console.log(
    `\nUnder load: ${LOAD_PDFS} different uncached PDFs over ${CONNECTIONS} connections, /api/health in a loop (${availableParallelism()} cores; default pool ${pool})`,
  );
  const results = new Map<number, Awaited<ReturnType<typeof underLoad>>>();
  for (const [i, workers] of modes.entries()) {
    const r = await underLoad(workers, 3950 + i, paths);
    results.set(workers, r);
    const name =
      workers === 0
        ? 'in-thread (0 workers)'
        : `pool of ${workers} worker${workers > 1 ? 's' : ''}`;
    const goal =
      workers === 0
        ? ''
        : `  ${r.p99 <= HEALTH_GOAL_MS ? 'within' : 'OVER'} the ${HEALTH_GOAL_MS} ms goal`;
    console.log(
      `  ${name.padEnd(24)} ${r.pdfsPerSecond.toFixed(1).padStart(6)} PDFs/s   health p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms (${r.n} probes)${goal}`,
    );
  }
  const base = results.get(0)!.pdfsPerSecond;
  for (const [workers, r] of results) {
    if (workers > 0) {
      console.log(
        `  pool of ${workers} / in-thread throughput: ${(r.pdfsPerSecond / base).toFixed(2)}×`,
      );
    }
  }
}
