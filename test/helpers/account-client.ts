import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { consoleMailer } from '../../src/server/accounts/mailer';
import type { Mailer } from '../../src/server/accounts/mailer';

/** Mails a test app "sent" (the development console mailer, writing into memory). */
export interface Outbox {
  readonly mailer: Mailer;
  readonly mails: string[];
  /** The token of the last link to `path` in a mail to `to`. */
  lastToken(to: string, path: string): string;
}

export function outbox(): Outbox {
  const mails: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      mails.push(String(chunk));
      cb();
    },
  });
  return {
    mailer: consoleMailer(stream),
    mails,
    lastToken(to, path) {
      const mail = [...mails]
        .reverse()
        .find((m) => m.includes(`To: ${to}\n`) && m.includes(`${path}#token=`));
      const match = mail?.match(new RegExp(`${path}#token=([A-Za-z0-9_-]+)`));
      if (!match) throw new Error(`no mail to ${to} with a link to ${path}`);
      return match[1]!;
    },
  };
}

/**
 * A browser-like client over `inject`: keeps cookies, fetches a CSRF token once and sends it on
 * every state-changing request.
 */
export class AccountClient {
  readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly userAgent = 'Mozilla/5.0 (Linux; Android 13) Chrome/120.0 Mobile Safari/537.36',
    readonly ip = '203.0.113.7',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const gone =
        c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf) {
      const res = await this.request('GET', '/api/auth/csrf');
      this.csrf = (res.json() as { token: string }).token;
    }
    return this.csrf;
  }

  async request(method: string, url: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...extra };
    if (method !== 'GET' && method !== 'HEAD' && !('x-csrf-token' in extra)) {
      headers['x-csrf-token'] = await this.csrfToken();
    }
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.keep(res);
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  del = (url: string) => this.request('DELETE', url);
}

/** A child's device: every request carries its device credential (`Authorization: Bearer`). */
export class ChildClient extends AccountClient {
  constructor(
    app: FastifyInstance,
    readonly token: string,
    ip = '203.0.113.99',
  ) {
    super(app, undefined, ip);
  }

  override async request(
    method: string,
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    return super.request(method, url, body, { authorization: `Bearer ${this.token}`, ...extra });
  }
}

/** A password zxcvbn scores as strong, unique per call. */
let n = 0;
export function strongPassword(): string {
  n += 1;
  return `violet kettle harbour ${n} drums`;
}
