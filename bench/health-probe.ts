// Part of bench:pdf: asks GET /api/health on PORT over one kept-alive connection, 5 ms apart,
// until its stdin closes, then prints the latencies (ms) as JSON. Its own process, so the load
// generator's work does not show in the figures.
import http from 'node:http';

const port = Number(process.env.PORT);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let failed = 0;
let running = true;
process.stdin.on('data', () => {});
process.stdin.on('end', () => (running = false));

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

process.stdout.write('ready\n');
while (running) {
  const t = performance.now();
  if ((await get()) !== 200) failed++;
  latencies.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, 5));
}
agent.destroy();
process.stdout.write(`${JSON.stringify({ latencies, failed })}\n`);
