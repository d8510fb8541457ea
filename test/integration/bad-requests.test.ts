import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import { ERROR_CODES } from '../../src/server/http/errors';
import { responseHeaders } from '../../src/server/http/security-headers';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';
import { portOf, rawRequest } from '../helpers/raw-http';
import type { RawResponse } from '../helpers/raw-http';

// Every kind of bad request, sent on a raw socket so that malformed HTTP reaches the server as
// written: each gets the one error shape, every response header, a log line, and no echo of
// the query string (which carries SECRET).

const SECRET = 'childname-7f3a91';
const PUBLIC_URL = 'https://kite.example.org';
// Every case is an API request, or one answered before its path is known: JSON with the API's headers.
const HEADERS = responseHeaders({ publicUrl: PUBLIC_URL }).api;

interface Case {
  name: string;
  request: string;
  status: number;
  code: string;
  allow?: string;
}

const q = `?name=${SECRET}&email=${SECRET}%40example.org`;

const CASES: Case[] = [
  {
    name: 'a URL that cannot be decoded',
    request: `GET /api/%zz${q} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 400,
    code: 'invalid_url',
  },
  {
    name: 'headers over the size limit',
    request: `GET /api/health${q} HTTP/1.1\r\nHost: kite\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    status: 431,
    code: 'header_too_large',
  },
  {
    name: 'an unknown method',
    request: `BREW /api/health${q} HTTP/1.1\r\nHost: kite\r\n\r\n`,
    status: 501,
    code: 'method_not_implemented',
  },
  {
    name: 'Content-Length with Transfer-Encoding',
    request:
      `POST /api/health${q} HTTP/1.1\r\nHost: kite\r\nContent-Length: 5\r\n` +
      `Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'two Content-Lengths',
    request:
      `POST /api/health${q} HTTP/1.1\r\nHost: kite\r\nContent-Length: 3\r\n` +
      `Content-Length: 4\r\n\r\nabcd`,
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'an HTTP/1.1 request without Host',
    request: `GET /api/health${q} HTTP/1.1\r\nConnection: close\r\n\r\n`,
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'bytes that are not HTTP',
    request: `\u0001\u0002 ${SECRET}\r\n\r\n`,
    status: 400,
    code: 'malformed_request',
  },
  {
    name: 'a known path with a method it does not take',
    request: `DELETE /api/health${q} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 405,
    code: 'method_not_allowed',
    allow: 'GET, HEAD',
  },
  {
    name: 'a PDF path with a method it does not take',
    request: `POST /api/worksheets/sample-prize-message.pdf${q} HTTP/1.1\r\nHost: kite\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    status: 405,
    code: 'method_not_allowed',
    allow: 'GET, HEAD',
  },
  {
    name: 'an unknown query parameter',
    request: `GET /api/client-config${q} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 400,
    code: 'unknown_parameter',
  },
  {
    name: 'a bad query value',
    request: `GET /api/worksheets/sample-prize-message.pdf?answers=zzz${SECRET} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 400,
    code: 'validation_failed',
  },
  {
    // The value is echoed as an excerpt: cut short (SECRET comes after it), controls removed.
    name: 'an unsupported language',
    request: `GET /api/worksheets/sample-prize-message.pdf?lang=%1B%5B31m${'x'.repeat(60)}${SECRET} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 400,
    code: 'unsupported_language',
  },
  {
    name: 'a path no route serves',
    request: `GET /api/nowhere${q} HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n`,
    status: 404,
    code: 'not_found',
  },
];

let content: Catalogue;
beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: one error path for every bad request`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let t: TestApp;
    let port: number;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      t = await createTestApp(testDb, { catalogue: content, publicUrl: PUBLIC_URL });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = portOf(t.app);
    });
    afterAll(async () => {
      if (!enabled) return;
      await t.close();
      await testDb.dispose();
    });

    /** The log lines written while `run` ran (they may follow the response by a moment). */
    async function logged(run: () => Promise<RawResponse>) {
      const before = t.logs.length;
      const res = await run();
      for (let i = 0; i < 50 && t.logs.length === before; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      return { res, lines: t.logs.slice(before) };
    }

    it.skipIf(!enabled).each(CASES)('$name → $status $code', async (c) => {
      const { res, lines } = await logged(() => rawRequest(port, c.request));
      expect(res.status, res.raw.slice(0, 200)).toBe(c.status);
      const body = JSON.parse(res.body) as { error: { code: string; message: string } };
      expect(body).toEqual({ error: { code: c.code, message: expect.any(String) } });
      expect(ERROR_CODES).toContain(body.error.code);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      for (const [name, value] of Object.entries(HEADERS)) {
        expect(res.headers[name], `${name}`).toBe(value);
      }
      if (c.allow) expect(res.headers.allow).toBe(c.allow);
      // Nothing of the query string comes back, and no control character.
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('email');
      const controls = [...body.error.message].filter((ch) => {
        const cp = ch.codePointAt(0) ?? 0;
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
      });
      expect(controls).toEqual([]);
      expect(body.error.message.length).toBeLessThan(200);
      // One log line says what happened, without the query string.
      expect(lines.length).toBeGreaterThan(0);
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(entries.some((e) => e.status === c.status)).toBe(true);
      expect(lines.join('\n')).not.toContain(SECRET);
    });

    it.skipIf(!enabled)(
      'says which language it does not have, as a short clean excerpt',
      async () => {
        const res = await t.app.inject({
          url: `/api/worksheets/sample-prize-message.pdf?lang=%1B%5B31mxx${'y'.repeat(300)}`,
        });
        expect(res.statusCode).toBe(400);
        const { message } = res.json().error;
        expect(message).toMatch(/^No content in language "\[31mxxy+…"; available: en/);
        expect(message).not.toContain('\u001b');
        expect(message).not.toContain('y'.repeat(60));
      },
    );

    it.skipIf(!enabled)('answers a HEAD and an OPTIONS on a known path the same way', async () => {
      const options = await t.app.inject({ method: 'OPTIONS', url: '/api/ready' });
      expect(options.statusCode).toBe(405);
      expect(options.headers.allow).toBe('GET, HEAD');
      const head = await t.app.inject({ method: 'HEAD', url: '/api/health' });
      expect(head.statusCode).toBe(200);
    });

    it.skipIf(!enabled)('refuses unknown parameters on every API route', async () => {
      for (const url of [
        '/api/health?x=1',
        '/api/ready?x=1',
        '/api/client-config?v=2',
        '/api/openapi.json?x=1',
      ]) {
        const res = await t.app.inject({ url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.code, url).toBe('unknown_parameter');
      }
      const guide = await t.app.inject({ url: '/api/guides/scams-8-10.pdf?audience=x' });
      expect(guide.json().error).toEqual({
        code: 'validation_failed',
        message: expect.stringMatching(/^Invalid query parameter audience: /),
      });
    });
  });
}
