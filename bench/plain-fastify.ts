// Baselines for bench:http: Fastify 5 with no plugins and no logger, answering like /api/health.
// It separates Fastify's own cost from what Kite adds. With BARE_HEADERS=kite it also sends
// Kite's response headers of an API answer, set the way a Fastify user would (one onRequest hook), so that row
// measures the framework plus the same bytes on the wire, and not Kite's other choices.
import Fastify from 'fastify';
import { responseHeaders } from '../src/server/http/security-headers';

const app = Fastify({ logger: false });
if (process.env.BARE_HEADERS === 'kite') {
  const headers = responseHeaders().api;
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
