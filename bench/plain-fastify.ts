// A second baseline for bench:http: Fastify 5 with no plugins, no hooks and no logger,
// answering like /api/health. It separates Fastify's own cost from what Kite adds.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
