// The baseline for bench:http: a bare node:http server answering like /api/health.
import { createServer } from 'node:http';

const body = JSON.stringify({ status: 'ok' });
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write(`listening\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
