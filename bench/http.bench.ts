// npm run bench:http — Kite's GET /api/health against a bare node:http server on this machine.
// Server on core 0, autocannon on core 1 (taskset), -c 100 -p 10, production log level,
// median req/s of three runs each. Goal: Kite ≥ 0.90 × bare (SPEC §4, "framework overhead").
// The goal's baseline is a bare server sending the same response bytes as Kite (its security
// headers included), so the ratio measures the framework; a minimal bare server and Fastify
// without plugins are printed too, to show where the rest goes.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = 3;
const hasTaskset = await new Promise<boolean>((ok) =>
  spawn('taskset', ['-c', '0', 'true'])
    .on('exit', (c) => ok(c === 0))
    .on('error', () => ok(false)),
);
const pin = (core: number, cmd: string[]) =>
  hasTaskset ? ['taskset', '-c', String(core), ...cmd] : cmd;

function start(cmd: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const [bin, ...args] = cmd;
    const child = spawn(bin!, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

async function autocannon(url: string): Promise<number> {
  const args = pin(1, [
    process.execPath,
    'node_modules/autocannon/autocannon.js',
    '-c',
    '100',
    '-p',
    '10',
    '-d',
    String(DURATION),
    '--json',
    url,
  ]);
  const child = spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((r) => child.on('exit', r));
  const result = JSON.parse(out) as {
    requests: { average: number };
    non2xx: number;
    errors: number;
  };
  if (result.non2xx || result.errors)
    throw new Error(`errors during the run: ${out.slice(0, 300)}`);
  return result.requests.average;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(
  name: string,
  cmd: string[],
  env: Record<string, string>,
  ready: RegExp,
  port: number,
) {
  const server = await start(pin(0, cmd), { ...env, PORT: String(port) }, ready);
  try {
    await autocannon(`http://127.0.0.1:${port}/api/health`); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await autocannon(`http://127.0.0.1:${port}/api/health`));
    console.log(
      `${name}: ${runs.map((r) => Math.round(r)).join(', ')} req/s → median ${Math.round(median(runs))}`,
    );
    return median(runs);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kite-bench-'));
console.log(
  `bench:http  -c 100 -p 10 -d ${DURATION}s, ${RUNS} runs each${hasTaskset ? ', server on core 0, load on core 1' : ' (no taskset: not pinned)'}`,
);
try {
  const minimal = await measure(
    'node:http, minimal headers',
    [process.execPath, '--import', 'tsx', 'bench/bare-server.ts'],
    {},
    /listening/,
    3291,
  );
  const bare = await measure(
    "node:http, Kite's headers",
    [process.execPath, '--import', 'tsx', 'bench/bare-server.ts'],
    { BARE_HEADERS: 'kite' },
    /listening/,
    3294,
  );
  const plain = await measure(
    'fastify, no plugins',
    [process.execPath, '--import', 'tsx', 'bench/plain-fastify.ts'],
    {},
    /listening/,
    3293,
  );
  const kite = await measure(
    'kite /api/health',
    [process.execPath, '--import', 'tsx', 'src/server/main.ts'],
    { KITE_DATA_DIR: dataDir, KITE_LOG_LEVEL: 'info', NODE_ENV: 'production' },
    /Kite is running/,
    3292,
  );
  const ratio = kite / bare;
  console.log(`ratio fastify/minimal bare: ${(plain / minimal).toFixed(3)} (the framework alone)`);
  console.log(`ratio kite/minimal bare: ${(kite / minimal).toFixed(3)} (headers' bytes included)`);
  console.log(
    `ratio kite/bare with Kite's headers: ${ratio.toFixed(3)} (goal ≥ 0.90) ${ratio >= 0.9 ? 'OK' : 'BELOW GOAL'}`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
