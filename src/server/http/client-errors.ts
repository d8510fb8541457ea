import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HttpError, errorBody } from './errors';
import { isApiUrl } from './security-headers';
import type { ResponseHeaders } from './security-headers';
import type { ErrorCode } from './errors';

/** Node's and llhttp's error codes for requests that are not valid HTTP, and our answer. */
const CLIENT_ERRORS: Readonly<Record<string, readonly [number, ErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'header_too_large', 'The request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time'],
  HPE_INVALID_METHOD: [501, 'method_not_implemented', 'This HTTP method is not supported'],
  HPE_INVALID_TRANSFER_ENCODING: [
    400,
    'malformed_request',
    'The request has a Transfer-Encoding the server cannot accept (with Content-Length, or not chunked last)',
  ],
  HPE_UNEXPECTED_CONTENT_LENGTH: [
    400,
    'malformed_request',
    'The request has more than one Content-Length, or one it cannot have',
  ],
  HPE_INVALID_CONTENT_LENGTH: [400, 'malformed_request', 'The Content-Length is not a number'],
  HPE_INVALID_URL: [400, 'invalid_url', 'The address is not a valid URL'],
};

const MALFORMED = [400, 'malformed_request', 'The request is not valid HTTP'] as const;

/** A method token followed by a space: an unknown method rather than bytes that are not HTTP. */
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20} /;

type ClientError = Error & { code?: string; rawPacket?: unknown };

/** The status, code and message for a request Node could not parse. */
export function classifyClientError(err: ClientError): readonly [number, ErrorCode, string] {
  const known = err.code ? CLIENT_ERRORS[err.code] : undefined;
  if (!known) return MALFORMED;
  if (err.code === 'HPE_INVALID_METHOD') {
    const raw = err.rawPacket;
    const start = Buffer.isBuffer(raw) ? raw.subarray(0, 24).toString('latin1') : '';
    if (!METHOD_TOKEN.test(start)) return MALFORMED;
  }
  return known;
}

/**
 * Fastify's `clientErrorHandler` (Node's `clientError` event): a request Node cannot parse
 * (oversized headers, unknown method, conflicting Content-Length and Transfer-Encoding, bad
 * bytes) or that timed out never reaches Fastify, so the answer is written on the socket here: a
 * complete HTTP/1.1 response in the one error shape, with every header of `headers`, and a log
 * line. Nothing of the request (URL, query, headers) is echoed or logged.
 */
export function clientErrorHandler(headers: Readonly<Record<string, string>>) {
  const fixed = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  // Fastify calls it bound to the app instance.
  return function onClientError(
    this: { log: FastifyBaseLogger },
    err: ClientError,
    socket: Socket,
  ): void {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message] = classifyClientError(err);
    this.log.info({ status, code, parserError: err.code ?? 'unknown' }, 'client error');
    // A response already started on this socket cannot be followed by another.
    const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody(code, message));
    const response =
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      fixed +
      `content-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`;
    socket.end(response);
    // A client that never reads or closes must not keep the socket.
    const timer = setTimeout(() => socket.destroy(), 1000);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
}

/**
 * The checks every request passes before routing, in ONE `onRequest` hook (each hook costs a
 * little on every request, health checks included):
 * - every response carries the deployment's header set of its kind (security headers,
 *   `Cache-Control`): an API answer the API's, anything else a document's;
 * - while the server shuts down, requests still arriving on open connections get `503
 *   shutting_down` with `Connection: close`, through the error handler (Fastify's own
 *   `return503OnClosing` answer bypasses it, so it is off);
 * - HTTP/1.1 requires a Host header: Node's own check answers a bare 400 outside every handler,
 *   so it is switched off (`requireHostHeader: false`) and done here, through the error handler.
 */
export function installRequestChecks(app: FastifyInstance, headers: ResponseHeaders): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiUrl(request.url) ? headers.api : headers.document);
    if (closing) {
      reply.header('connection', 'close');
      done(new HttpError(503, 'shutting_down', 'The server is shutting down; try again shortly'));
      return;
    }
    const raw = request.raw;
    if (raw.headers.host === undefined && raw.httpVersionMajor === 1 && raw.httpVersionMinor >= 1) {
      done(new HttpError(400, 'malformed_request', 'An HTTP/1.1 request needs a Host header'));
      return;
    }
    done();
  });
}
