import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, parseConfig } from './config';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      country: 'intl',
      contentDir: './content',
      packs: ['core'],
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('serves only the packs KITE_PACKS names (default core, never sample unless asked)', () => {
    expect(parseConfig({}).packs).toEqual(['core']);
    expect(parseConfig({ KITE_PACKS: 'core, sample' }).packs).toEqual(['core', 'sample']);
    expect(parseConfig({ KITE_PACKS: 'core,core' }).packs).toEqual(['core']);
  });

  it('reads every variable', () => {
    const c = parseConfig({
      PORT: '3210',
      HOST: '0.0.0.0',
      KITE_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kite',
      KITE_COUNTRY: 'kh',
      KITE_CONTENT_DIR: '/srv/content',
    });
    expect(c).toMatchObject({
      port: 3210,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/kite',
      country: 'kh',
      contentDir: '/srv/content',
    });
  });

  it('records studio takes into the content folder unless KITE_STUDIO_DIR names another', () => {
    expect(parseConfig({}).studioDir).toBe('./content');
    expect(parseConfig({ KITE_CONTENT_DIR: '/srv/content' }).studioDir).toBe('/srv/content');
    expect(
      parseConfig({ KITE_CONTENT_DIR: '/srv/content', KITE_STUDIO_DIR: '/srv/recordings' })
        .studioDir,
    ).toBe('/srv/recordings');
    expect(parseConfig({ KITE_STUDIO_DIR: '  ' }).studioDir).toBe('./content');
  });

  it('sizes the PDF pool from the cores unless told, and reads its queue limit', () => {
    const auto = parseConfig({});
    expect(auto.pdfWorkers).toBe(Math.max(1, availableParallelism() - 1));
    expect(auto.pdfQueue).toBe(100);
    expect(parseConfig({ KITE_PDF_WORKERS: '0', KITE_PDF_QUEUE: '8' })).toMatchObject({
      pdfWorkers: 0,
      pdfQueue: 8,
    });
  });

  it('keeps audit rows 90 days and inactive child accounts 12 months unless told', () => {
    expect(parseConfig({}).retention).toEqual({
      auditDays: 90,
      childMonths: 12,
      evidenceDays: 730,
    });
    const c = parseConfig({
      KITE_RETAIN_AUDIT_DAYS: ' 30 ',
      KITE_RETAIN_CHILD_MONTHS: '6',
      KITE_RETAIN_EVIDENCE_DAYS: '365',
    });
    expect(c.retention).toEqual({ auditDays: 30, childMonths: 6, evidenceDays: 365 });
    expect(Object.isFrozen(c.retention)).toBe(true);
  });

  it('keeps every event unless KITE_RETAIN_EVENT_MONTHS says 13 months or more', () => {
    expect(parseConfig({}).eventMonths).toBe(0);
    expect(parseConfig({ KITE_RETAIN_EVENT_MONTHS: '0' }).eventMonths).toBe(0);
    const pg = { DATABASE_URL: 'postgres://kite@127.0.0.1:5432/kite' };
    expect(parseConfig({ ...pg, KITE_RETAIN_EVENT_MONTHS: ' 24 ' }).eventMonths).toBe(24);
    // SQLite keeps every event of an active child.
    expect(() => parseConfig({ KITE_RETAIN_EVENT_MONTHS: '24' })).toThrow(
      /KITE_RETAIN_EVENT_MONTHS drops months of the event log on PostgreSQL/,
    );
    for (const bad of ['6', '12', '121', '-1', 'two']) {
      expect(() => parseConfig({ ...pg, KITE_RETAIN_EVENT_MONTHS: bad })).toThrow(
        /KITE_RETAIN_EVENT_MONTHS/,
      );
    }
    expect(() => parseConfig({ ...pg, KITE_RETAIN_EVENT_MONTHS: '6' })).toThrow(
      /0 \(keep every event\) or a whole number of months from 13 to 120/,
    );
  });

  it('takes evidence documents of at most 10 MB unless KITE_EVIDENCE_MAX_MB says otherwise', () => {
    expect(parseConfig({}).evidenceMaxBytes).toBe(10 * 1024 * 1024);
    expect(parseConfig({ KITE_EVIDENCE_MAX_MB: '2' }).evidenceMaxBytes).toBe(2 * 1024 * 1024);
  });

  it('writes numbers in Latin digits unless KITE_DIGITS=native (Khmer ០–៩ in Khmer)', () => {
    expect(parseConfig({}).digits).toBe('latin');
    expect(parseConfig({ KITE_DIGITS: 'native' }).digits).toBe('native');
  });

  it('measures outcomes unless KITE_MEASUREMENT=off (NATION-3)', () => {
    expect(parseConfig({}).measurement).toBe(true);
    expect(parseConfig({ KITE_MEASUREMENT: 'off' }).measurement).toBe(false);
  });

  it('keeps the sync statements prepared on PostgreSQL unless KITE_PG_PREPARED=off', () => {
    expect(parseConfig({}).pgPrepared).toBe(true);
    expect(parseConfig({ KITE_PG_PREPARED: 'on' }).pgPrepared).toBe(true);
    expect(parseConfig({ KITE_PG_PREPARED: 'off' }).pgPrepared).toBe(false);
  });

  it('serves HTTPS only with both a certificate and its key', () => {
    expect(parseConfig({}).tls).toBeUndefined();
    expect(
      parseConfig({ KITE_TLS_CERT: '/tls/hub.crt', KITE_TLS_KEY: '/tls/hub.key' }).tls,
    ).toEqual({
      certFile: '/tls/hub.crt',
      keyFile: '/tls/hub.key',
    });
    for (const env of [{ KITE_TLS_CERT: '/tls/hub.crt' }, { KITE_TLS_KEY: '/tls/hub.key' }]) {
      expect(() => parseConfig(env)).toThrow(
        /^Invalid configuration: KITE_TLS_CERT and KITE_TLS_KEY go together/,
      );
    }
  });

  it('runs as a server unless KITE_MODE=hub, which needs the embedded SQLite database', () => {
    expect(parseConfig({}).mode).toBe('server');
    expect(parseConfig({ KITE_MODE: 'hub' }).mode).toBe('hub');
    expect(() =>
      parseConfig({ KITE_MODE: 'hub', DATABASE_URL: 'postgres://kite@127.0.0.1:5432/kite' }),
    ).toThrow(/KITE_MODE=hub runs on the embedded SQLite database/);
  });

  it('uploads from a hub to KITE_UPSTREAM_URL as KITE_HUB_ID with KITE_HUB_TOKEN, only in hub mode', () => {
    const token = 'A'.repeat(43);
    const hub = { KITE_MODE: 'hub', KITE_HUB_ID: 'hub-abcdefgh', KITE_HUB_TOKEN: token };
    expect(parseConfig({ KITE_MODE: 'hub' }).upstream).toBeUndefined();
    expect(
      parseConfig({ ...hub, KITE_UPSTREAM_URL: 'https://kite.example.org/' }).upstream,
    ).toEqual({ url: 'https://kite.example.org', hubId: 'hub-abcdefgh', token });
    expect(() =>
      parseConfig({
        KITE_UPSTREAM_URL: 'https://kite.example.org',
        KITE_HUB_ID: 'hub-abcdefgh',
        KITE_HUB_TOKEN: token,
      }),
    ).toThrow(/are for a school hub; set KITE_MODE=hub/);
    expect(() =>
      parseConfig({
        ...hub,
        KITE_HUB_TOKEN: undefined,
        KITE_UPSTREAM_URL: 'https://kite.example.org',
      }),
    ).toThrow(/needs all of KITE_UPSTREAM_URL, KITE_HUB_ID and KITE_HUB_TOKEN/);
    expect(() => parseConfig(hub)).toThrow(/needs all of/);
    // A malformed credential is refused without being shown.
    let message = '';
    try {
      parseConfig({ ...hub, KITE_HUB_TOKEN: 'short-secret!' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/KITE_HUB_TOKEN must be the credential/);
    expect(message).not.toContain('short-secret');
  });

  it('works on KITE_HUB_UPLOADS hub uploads at once (4 by default)', () => {
    expect(parseConfig({}).hubUploads).toBe(4);
    expect(parseConfig({ KITE_HUB_UPLOADS: '16' }).hubUploads).toBe(16);
  });

  it('purges acknowledged events on a hub after KITE_HUB_KEEP_DAYS (0, keep every event, by default)', () => {
    const hub = {
      KITE_MODE: 'hub',
      KITE_UPSTREAM_URL: 'https://kite.example.org',
      KITE_HUB_ID: 'hub-abcdefgh',
      KITE_HUB_TOKEN: 'A'.repeat(43),
    };
    expect(parseConfig({}).hubKeepDays).toBe(0);
    expect(parseConfig(hub).hubKeepDays).toBe(0);
    expect(parseConfig({ ...hub, KITE_HUB_KEEP_DAYS: '90' }).hubKeepDays).toBe(90);
    expect(parseConfig({ ...hub, KITE_HUB_KEEP_DAYS: '0' }).hubKeepDays).toBe(0);
    for (const bad of ['7', '29', '3651', '-1', '30.5', 'ninety'])
      expect(() => parseConfig({ ...hub, KITE_HUB_KEEP_DAYS: bad })).toThrow(
        /^Invalid configuration: KITE_HUB_KEEP_DAYS /,
      );
    // Without a national server nothing is ever acknowledged: refused rather than ignored.
    expect(() => parseConfig({ KITE_MODE: 'hub', KITE_HUB_KEEP_DAYS: '90' })).toThrow(
      /KITE_HUB_KEEP_DAYS purges, on a school hub, events its national server acknowledged/,
    );
    expect(() => parseConfig({ KITE_HUB_KEEP_DAYS: '90' })).toThrow(/needs KITE_MODE=hub/);
  });

  it('drains for KITE_DRAIN_MS (0 by default, at most 8 s) before it stops on SIGTERM', () => {
    expect(parseConfig({}).drainMs).toBe(0);
    expect(parseConfig({ KITE_DRAIN_MS: '5000' }).drainMs).toBe(5000);
  });

  it('takes a host list in DATABASE_URL (a primary and its standbys) and a retry window', () => {
    const c = parseConfig({
      DATABASE_URL: 'postgres://kite:pw@127.0.0.1:5433,127.0.0.1:5434/kite',
      KITE_DB_RETRY_MS: '5000',
    });
    expect(c.databaseUrl).toBe('postgres://kite:pw@127.0.0.1:5433,127.0.0.1:5434/kite');
    expect(c.dbRetryMs).toBe(5000);
    expect(parseConfig({}).dbRetryMs).toBe(30_000);
  });

  it.each([
    ['postgres://kite:S3cr3t-9ab@127.0.0.1:5433,127.0.0.1:99999/kite', /host 2 .*port/],
    ['postgres://kite:S3cr3t-9ab@127.0.0.1:5433,,127.0.0.1:5434/kite', /host 2 .*empty/],
    ['postgres://kite:S3cr3t-9ab@127.0.0.1:5433,127.0.0.1:5433/kite', /names 127.0.0.1:5433 twice/],
    ['postgres://kite:S3cr3t-9ab@127.0.0.1:5433,db two:5434/kite', /space/],
  ])('refuses a bad host list with a clear message, password hidden: %s', (url, why) => {
    let message = '';
    try {
      parseConfig({ DATABASE_URL: url });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: DATABASE_URL /);
    expect(message).toMatch(why);
    expect(message).toContain('kite:***@127.0.0.1');
    expect(message).not.toContain('S3cr3t');
  });

  it('takes one host only in DATABASE_READ_URL', () => {
    expect(() =>
      parseConfig({
        DATABASE_URL: 'postgres://kite@127.0.0.1:5433/kite',
        DATABASE_READ_URL: 'postgres://kite@127.0.0.1:5434,127.0.0.1:5435/kite',
      }),
    ).toThrow(/DATABASE_READ_URL must name one host/);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number.*\(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    [{ PORT: '-1' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ KITE_COUNTRY: 'Cambodia!' }, /KITE_COUNTRY must be a country pack id/],
    [{ KITE_LOG_LEVEL: 'loud' }, /KITE_LOG_LEVEL/],
    [{ KITE_PACKS: 'core;sample' }, /KITE_PACKS must be pack ids separated by commas/],
    [{ KITE_DIGITS: 'khmer' }, /KITE_DIGITS must be latin or native/],
    [{ KITE_MEASUREMENT: 'no' }, /KITE_MEASUREMENT must be on or off/],
    [{ KITE_PG_PREPARED: 'false' }, /KITE_PG_PREPARED must be on or off/],
    [{ KITE_MODE: 'school' }, /KITE_MODE must be server or hub/],
    [{ KITE_DRAIN_MS: '9000' }, /KITE_DRAIN_MS must be a whole number from 0 to 8000/],
    [{ KITE_DRAIN_MS: '2s' }, /KITE_DRAIN_MS must be a whole number/],
    [{ KITE_HUB_UPLOADS: '0' }, /KITE_HUB_UPLOADS must be a whole number from 1 to 1000/],
    [{ KITE_UPSTREAM_URL: 'kite.example.org' }, /KITE_UPSTREAM_URL must be an http/],
    [{ KITE_HUB_ID: 'x' }, /KITE_HUB_ID must be the hub id/],

    [{ KITE_DB_RETRY_MS: '200000' }, /KITE_DB_RETRY_MS must be a whole number from 0 to 120000/],
    [{ DATABASE_URL: 'postgres://k:pw@h:port/k' }, /DATABASE_URL is not a valid URL/],
    [{ KITE_PUBLIC_URL: 'ftp://kite.example.org' }, /KITE_PUBLIC_URL must be an http/],
    [{ KITE_PUBLIC_URL: 'kite.example.org' }, /KITE_PUBLIC_URL must be an http/],
    [{ KITE_TRUST_PROXY: 'true' }, /KITE_TRUST_PROXY .*"true" is refused/],
    [{ KITE_TRUST_PROXY: 'nginx' }, /KITE_TRUST_PROXY must be the number of proxies/],
    [{ KITE_TRUST_PROXY: '10.0.0.0/33' }, /KITE_TRUST_PROXY/],
    [{ KITE_TRUST_PROXY: '10.0.0.1,,10.0.0.2' }, /KITE_TRUST_PROXY/],
    [{ KITE_REQUEST_TIMEOUT_MS: '0' }, /KITE_REQUEST_TIMEOUT_MS must be a whole number/],
    [{ KITE_MAX_CONNECTIONS: 'lots' }, /KITE_MAX_CONNECTIONS must be a whole number/],
    [
      { KITE_HEADERS_TIMEOUT_MS: '5000', KITE_REQUEST_TIMEOUT_MS: '1000' },
      /KITE_HEADERS_TIMEOUT_MS \(5000\) must not be more than KITE_REQUEST_TIMEOUT_MS \(1000\)/,
    ],
    [{ KITE_PDF_WORKERS: 'many' }, /KITE_PDF_WORKERS must be a whole number from 0 to 64/],
    [{ KITE_PDF_QUEUE: '0' }, /KITE_PDF_QUEUE must be a whole number from 1 to 10000/],
    [
      { KITE_RETAIN_AUDIT_DAYS: '0' },
      /KITE_RETAIN_AUDIT_DAYS must be a whole number from 1 to 3650/,
    ],
    [{ KITE_RETAIN_AUDIT_DAYS: '90d' }, /KITE_RETAIN_AUDIT_DAYS must be a whole number/],
    [{ KITE_RETAIN_AUDIT_DAYS: '3651' }, /KITE_RETAIN_AUDIT_DAYS must be a whole number/],
    [
      { KITE_RETAIN_CHILD_MONTHS: '0' },
      /KITE_RETAIN_CHILD_MONTHS must be a whole number from 1 to 120/,
    ],
    [{ KITE_RETAIN_CHILD_MONTHS: '1.5' }, /KITE_RETAIN_CHILD_MONTHS must be a whole number/],
    [{ KITE_RETAIN_CHILD_MONTHS: '121' }, /KITE_RETAIN_CHILD_MONTHS must be a whole number/],
    [
      { KITE_RETAIN_EVIDENCE_DAYS: '29' },
      /KITE_RETAIN_EVIDENCE_DAYS must be a whole number from 30 to 3650/,
    ],
    [{ KITE_RETAIN_EVIDENCE_DAYS: '2y' }, /KITE_RETAIN_EVIDENCE_DAYS must be a whole number/],
    [{ KITE_EVIDENCE_MAX_MB: '0' }, /KITE_EVIDENCE_MAX_MB must be a whole number from 1 to 100/],
    [{ KITE_EVIDENCE_MAX_MB: '10.5' }, /KITE_EVIDENCE_MAX_MB must be a whole number/],
  ])('rejects %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('parseConfig: proxy, public URL, limits, secrets', () => {
  it('defaults to trusting no proxy, no public URL and the documented limits', () => {
    const c = parseConfig({});
    expect(c.trustProxy).toBe(false);
    expect(c.publicUrl).toBeUndefined();
    expect(c.limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_LIMITS.requestTimeoutMs);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['0', false],
    ['false', false],
    ['10.0.0.1', ['10.0.0.1']],
    [
      ' 10.0.0.1 , 192.168.0.0/16,::1, fd00::/8 ',
      ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8'],
    ],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads KITE_TRUST_PROXY=%j', (value, expected) => {
    expect(parseConfig({ KITE_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads the public URL and the limits', () => {
    const c = parseConfig({
      KITE_PUBLIC_URL: 'https://kite.example.org',
      KITE_REQUEST_TIMEOUT_MS: '20000',
      KITE_HEADERS_TIMEOUT_MS: '5000',
      KITE_KEEP_ALIVE_TIMEOUT_MS: '4000',
      KITE_MAX_CONNECTIONS: '100',
    });
    expect(c.publicUrl).toBe('https://kite.example.org');
    expect(c.limits).toEqual({
      requestTimeoutMs: 20000,
      headersTimeoutMs: 5000,
      keepAliveTimeoutMs: 4000,
      maxConnections: 100,
    });
  });

  it.each([
    'postgres://kite:S3cr3t-9ab@127.0.0.1:5432/kite db',
    'postgres://kite:S3cr3t-9ab@127.0.0.1:nope/kite',
    'mysql://kite:S3cr3t-9ab@127.0.0.1/kite',
  ])('never shows the password of a bad DATABASE_URL: %s', (url) => {
    let message = '';
    try {
      parseConfig({ DATABASE_URL: url });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: DATABASE_URL /);
    expect(message).toContain('kite:***@127.0.0.1');
    expect(message).not.toContain('S3cr3t');
  });

  describe('account mail', () => {
    it('sends no mail by default', () => {
      expect(parseConfig({}).mail).toEqual({ kind: 'none' });
    });

    it('uses SMTP with a public URL and a sender, and never shows the SMTP password', () => {
      const c = parseConfig({
        KITE_SMTP_URL: 'smtps://kite:s3cret@mail.example.org:465',
        KITE_PUBLIC_URL: 'https://kite.example.org',
        KITE_MAIL_FROM: 'Kite <kite@example.org>',
      });
      expect(c.mail).toEqual({
        kind: 'smtp',
        url: 'smtps://kite:s3cret@mail.example.org:465',
        from: 'Kite <kite@example.org>',
      });
      expect(() =>
        parseConfig({ KITE_SMTP_URL: 'smtps://kite:s3cret@mail.example.org:465' }),
      ).toThrow(/KITE_SMTP_URL needs KITE_PUBLIC_URL/);
      try {
        parseConfig({ KITE_SMTP_URL: 'http://kite:s3cret@mail.example.org' });
        expect.unreachable();
      } catch (e) {
        expect((e as Error).message).toMatch(/KITE_SMTP_URL must be an smtp/);
        expect((e as Error).message).not.toContain('s3cret');
      }
    });

    it('prints mail on the console only when asked, and never in production', () => {
      expect(parseConfig({ KITE_DEV_MAIL: 'console' }).mail).toEqual({ kind: 'console' });
      expect(() => parseConfig({ KITE_DEV_MAIL: 'console', NODE_ENV: 'production' })).toThrow(
        ConfigError,
      );
      expect(() => parseConfig({ KITE_DEV_MAIL: 'yes' })).toThrow(/KITE_DEV_MAIL/);
      expect(parseConfig({ NODE_ENV: 'production' }).production).toBe(true);
    });
  });
});
