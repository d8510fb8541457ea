// Baselines for bench:http: a bare node:http server answering like /api/health.
// With BARE_HEADERS=kite it sends the very bytes Kite sends (its security headers, Cache-Control
// and the same content type), so the comparison measures the framework and not the size of the response.
import { createServer } from 'node:http';
import { responseHeaders } from '../src/server/http/security-headers';

const body = JSON.stringify({ status: 'ok' });
const headers: Record<string, string> = {
  ...(process.env.BARE_HEADERS === 'kite' ? responseHeaders().api : {}),
  'content-type': 'application/json; charset=utf-8',
};
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
