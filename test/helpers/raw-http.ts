import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** What came back on a raw socket: the parsed response (if any) and whether the server closed. */
export interface RawResponse {
  raw: string;
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** The server closed (or reset) the connection. */
  closed: boolean;
  /** Milliseconds from sending until close (or until giving up). */
  ms: number;
}

/** The port an app listens on (after `app.listen({ port: 0 })`). */
export function portOf(app: FastifyInstance): number {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return address.port;
}

function parse(raw: string): Pick<RawResponse, 'status' | 'headers' | 'body'> {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return { status: undefined, headers: {}, body: '' };
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) };
}

/**
 * Opens a TCP connection, lets `send` write to it (all at once, or slowly), and collects what
 * the server answers until it closes the connection or `waitMs` pass. No HTTP client in
 * between, so malformed requests reach the server as written.
 */
export function rawExchange(
  port: number,
  send: (socket: Socket) => void,
  waitMs = 3000,
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => send(socket));
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('utf8');
      resolve({ raw, ...parse(raw), closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => finish(true));
    socket.on('error', () => {});
  });
}

/** Sends one request as written and collects the answer. */
export function rawRequest(port: number, request: string, waitMs?: number) {
  return rawExchange(port, (s) => s.write(request), waitMs);
}
