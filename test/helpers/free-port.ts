import { createServer } from 'node:net';

/**
 * Linux hands out the local ports of outgoing connections from 32768 to 60999
 * (`/proc/sys/net/ipv4/ip_local_port_range`): the suite's many database and browser connections
 * hold some of them at any moment. A server child told to listen on a random port in that range
 * could find it taken and exit before it started (seen in a CI run). So a test server's port is
 * drawn below that range, and only one that 127.0.0.1 can listen on now is given.
 */
const LOWEST = 20_000;
const COUNT = 12_000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port of 127.0.0.1 between 20000 and 31999 that nothing listens on now. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const port = LOWEST + Math.floor(Math.random() * COUNT);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port of 127.0.0.1 between ${LOWEST} and ${LOWEST + COUNT - 1}`);
}
