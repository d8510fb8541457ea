// A TCP proxy in front of a server that a test can cut, as a school's internet link is cut:
// every open connection is destroyed and new ones are refused until it is restored. It can
// also cut the moment the n-th answer of the server starts to come back, so that the server
// has done the work and the client never hears of it: the hardest place for a cut.
import { createConnection, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface CutProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Destroys every open connection; refuses new ones until {@link restore}. */
  cut(): void;
  restore(): void;
  /** Cuts (as {@link cut}) when the server's `n`-th answer from now starts to come back. */
  cutOnAnswer(n: number): Promise<void>;
  /** Connections accepted, and those destroyed by a cut. */
  readonly counts: { connections: number; destroyed: number; answers: number };
  close(): Promise<void>;
}

export async function cutProxy(target: { host: string; port: number }): Promise<CutProxy> {
  const open = new Set<Socket>();
  let down = false;
  const counts = { connections: 0, destroyed: 0, answers: 0 };
  let trigger: { at: number; fire: () => void } | undefined;

  const cut = () => {
    down = true;
    for (const s of open) {
      counts.destroyed++;
      s.destroy();
    }
    open.clear();
  };

  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    counts.connections++;
    const upstream = createConnection(target);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      // A new answer starts with its status line.
      if (chunk.subarray(0, 5).toString('latin1') === 'HTTP/') {
        counts.answers++;
        if (trigger && counts.answers >= trigger.at) {
          const t = trigger;
          trigger = undefined;
          cut();
          t.fire();
          return;
        }
      }
      if (!client.destroyed) client.write(chunk);
    });
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    restore: () => {
      down = false;
    },
    cutOnAnswer: (n) =>
      new Promise<void>((fire) => {
        trigger = { at: counts.answers + n, fire };
      }),
    counts,
    close: () =>
      new Promise<void>((r) => {
        cut();
        server.close(() => r());
      }),
  };
}
