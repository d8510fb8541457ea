import { isIP } from 'node:net';
import { z } from 'zod';
import { PACK_LIST, parsePackList } from '../../content/packs';
import { redactSecrets } from '../../db/redact';
import { PgUrlError, pgNodes } from '../../db/pg-hosts';
import { DEFAULT_DB_RETRY_MS } from '../../db/retry';
import { defaultPoolSize } from '../pdf/pool';
import { DEFAULT_HUB_UPLOADS } from '../hubs/context';

/** The parsed, validated and frozen configuration of one Kite process. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /**
   * `postgres://…` switches the database to PostgreSQL; absent means embedded SQLite. It may
   * list a primary and its standbys (`postgres://kite@10.0.0.1,10.0.0.2/kite`): writes go to
   * whichever of them is the primary (src/db/primary-pool.ts, docs/deploy.md).
   */
  readonly databaseUrl: string | undefined;
  /**
   * A PostgreSQL read replica for dashboards and reports (DATABASE_READ_URL, docs/deploy.md);
   * needs DATABASE_URL.
   */
  readonly databaseReadUrl: string | undefined;
  readonly country: string;
  readonly contentDir: string;
  /**
   * The content folder the recording studio writes recordings into (KITE_STUDIO_DIR; default
   * the content folder). When this process may not write it, the studio only shows what is
   * recorded and missing.
   */
  readonly studioDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built web app lives (served at `/`). */
  readonly webDir: string;
  /** Topics this deployment switches off (KITE_DISABLED_TOPICS, comma-separated ids). */
  readonly disabledTopics: readonly string[];
  /** Numbers in the app in Latin digits or the language's own, e.g. Khmer ០–៩ (KITE_DIGITS). */
  readonly digits: 'latin' | 'native';
  /**
   * Outcome measurement (NATION-3, docs/measurement.md): on, class children meet short checks
   * per topic; off, none is offered and the server keeps no measurement event (KITE_MEASUREMENT).
   */
  readonly measurement: boolean;
  /** Packs under `<contentDir>/packs/` this deployment serves (KITE_PACKS; default `core`). */
  readonly packs: readonly string[];
  /** The address people use to reach Kite (KITE_PUBLIC_URL); https turns on HSTS. */
  readonly publicUrl: string | undefined;
  /**
   * Which proxies' `X-Forwarded-For` to believe (KITE_TRUST_PROXY): a hop count, or their
   * addresses and CIDR ranges; `false` (the default) believes none.
   */
  readonly trustProxy: TrustProxy;
  readonly limits: ServerLimits;
  /** PDF worker threads (KITE_PDF_WORKERS; default cores − 1, at least 1; 0 renders in-thread). */
  readonly pdfWorkers: number;
  /** PDFs that may wait for a worker before more are refused with 503 (KITE_PDF_QUEUE). */
  readonly pdfQueue: number;
  /** How account mails leave: SMTP (KITE_SMTP_URL), the development console, or not at all. */
  readonly mail: MailConfig;
  /** NODE_ENV=production: development conveniences (console mail) are refused. */
  readonly production: boolean;
  /** How long data is kept before the purge job deletes it (PRIV-18). */
  readonly retention: Retention;
  /**
   * Months of children's events kept on PostgreSQL (KITE_RETAIN_EVENT_MONTHS): older months of
   * the event log are dropped, each child's progress folded first (docs/classes.md); 0 keeps
   * every event.
   */
  readonly eventMonths: number;
  /** The largest industry evidence document accepted, in bytes (KITE_EVIDENCE_MAX_MB). */
  readonly evidenceMaxBytes: number;
  /**
   * What this process is (KITE_MODE, docs/deploy.md): `server` (one machine, or one of several
   * behind a proxy) or `hub` (a school's own box: SQLite that syncs every commit to the disk
   * before an answer is acknowledged, so a power cut loses nothing a device was told is kept).
   */
  readonly mode: 'server' | 'hub';
  /**
   * On SIGTERM, how long `/api/ready` answers 503 `draining` while requests are still served,
   * before the process stops taking new ones (KITE_DRAIN_MS): the time a proxy or orchestrator
   * needs to see it and send no more. With the wait for requests in flight, within 10 s.
   */
  readonly drainMs: number;
  /**
   * HTTPS served by Kite itself (KITE_TLS_CERT and KITE_TLS_KEY, files in PEM): a school hub,
   * whose devices need a secure context for offline play (docs/deploy.md "HTTPS on a hub"). Behind
   * a proxy that ends TLS, unset.
   */
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  /**
   * A school hub's national server (KITE_UPSTREAM_URL, KITE_HUB_ID, KITE_HUB_TOKEN; only with
   * KITE_MODE=hub): the hub uploads its events there (docs/deploy.md "A school hub"). Absent,
   * a hub keeps everything to itself.
   */
  readonly upstream: HubUpstream | undefined;
  /**
   * On the national server: hub uploads one process works on at once, more answered 429 with
   * `Retry-After` (KITE_HUB_UPLOADS).
   */
  readonly hubUploads: number;
  /**
   * On a school hub with a national server: days of events kept; older ones the server
   * acknowledged are folded and deleted by the purge (KITE_HUB_KEEP_DAYS; 0, the default, keeps
   * every event; docs/deploy.md "A school hub").
   */
  readonly hubKeepDays: number;
  /**
   * PostgreSQL: how long idempotent database work (a device's sync) is sent again while the
   * primary fails over, in ms, before the client is answered 503 (KITE_DB_RETRY_MS).
   */
  readonly dbRetryMs: number;
  /**
   * PostgreSQL: each connection keeps the sync's statements prepared under a name
   * (KITE_PG_PREPARED, default on; off behind a pooler that cannot carry them).
   */
  readonly pgPrepared: boolean;
}

/** Where and as whom a school hub uploads. */
export interface HubUpstream {
  /** The national server's address, such as https://kite.example.org. */
  readonly url: string;
  /** The hub's id, fixed when it was provisioned (`kite hub add`). */
  readonly hubId: string;
  /** The hub's credential, printed once by `kite hub add`. Never log it. */
  readonly token: string;
}

/** Retention periods of the purge job (server/jobs/purge-steps.ts). */
export interface Retention {
  /** Security audit rows older than this many days are deleted (KITE_RETAIN_AUDIT_DAYS). */
  readonly auditDays: number;
  /**
   * Child accounts inactive this many months are deleted (KITE_RETAIN_CHILD_MONTHS). No child
   * accounts exist yet: the classes issue adds them and their purge step.
   */
  readonly childMonths: number;
  /**
   * Industry evidence documents are deleted this many days after their upload
   * (KITE_RETAIN_EVIDENCE_DAYS; docs/industry.md).
   */
  readonly evidenceDays: number;
}

export const DEFAULT_RETENTION: Retention = Object.freeze({
  auditDays: 90,
  childMonths: 12,
  evidenceDays: 730,
});

/**
 * The fewest months of events a deployment may keep when it drops older ones: a school year's
 * terms, so a term's release is built from events that are all still there.
 */
export const MIN_EVENT_MONTHS = 13;

/**
 * The fewest days of events a hub's purge keeps (KITE_HUB_KEEP_DAYS): an event a device sends
 * after its time was folded counts in no view of the hub (docs/deploy.md), so the history kept
 * must outlast a device's longest time away from the hub by far.
 */
export const MIN_HUB_KEEP_DAYS = 30;

/** The largest evidence document a company may upload, in MB (KITE_EVIDENCE_MAX_MB). */
export const DEFAULT_EVIDENCE_MAX_MB = 10;

export type MailConfig =
  | { readonly kind: 'smtp'; readonly url: string; readonly from: string }
  | { readonly kind: 'console' }
  | { readonly kind: 'none' };

/** Fastify's `trustProxy`: off, the number of proxies in front, or the proxies' addresses. */
export type TrustProxy = false | number | readonly string[];

/** Timeouts (ms) and the connection cap of the HTTP server. */
export interface ServerLimits {
  /** Time to receive a whole request, headers and body. */
  readonly requestTimeoutMs: number;
  /** Time to receive the request headers. */
  readonly headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at most; more are refused. */
  readonly maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = Object.freeze({
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 10_000,
  maxConnections: 800,
});

/** Thrown when the environment does not describe a valid configuration; its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const PORT_MESSAGE = 'must be a whole number from 1 to 65535';
const port = z
  .string()
  .trim()
  .regex(/^\d+$/, PORT_MESSAGE)
  .transform(Number)
  .pipe(z.number().int().min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE));

const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));
};

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const HOUR_MS = 3_600_000;

/** An address or CIDR range as proxy-addr (Fastify's trust proxy) reads it. */
function isAddressOrRange(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

const TRUST_PROXY_MESSAGE =
  'must be the number of proxies in front of Kite (such as 1) or their addresses and CIDR ranges separated by commas (such as 10.0.0.1,192.168.0.0/16); "true" is refused because it would believe any client';

const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    if (v === 'false' || v === '0') return false;
    if (/^\d+$/.test(v) && Number(v) <= 32) return Number(v);
    const entries = v.split(',').map((e) => e.trim());
    if (v !== 'true' && entries.every(isAddressOrRange)) return Object.freeze(entries);
    ctx.addIssue({ code: 'custom', message: TRUST_PROXY_MESSAGE });
    return z.NEVER;
  });

const publicUrl = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (
          (u.protocol === 'http:' || u.protocol === 'https:') &&
          u.username === '' &&
          u.password === ''
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// address, such as https://kite.example.org' },
  );

/**
 * The longest drain a deployment may ask for: the process must stop within 10 s of SIGTERM
 * (orchestrators kill it then), and requests in flight need the rest.
 */
export const MAX_DRAIN_MS = 8000;

/** A `postgres://` URL; `hosts: 'many'` also takes a host list (`host:port,host:port`). */
const postgresUrl = (hosts: 'one' | 'many') =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with postgres:// (leave it unset for the embedded SQLite database)',
    })
    .superRefine((v, ctx) => {
      if (v === '' || !/^postgres(ql)?:\/\//.test(v)) return;
      if (/\s/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'is not a valid URL: it holds a space' });
        return;
      }
      try {
        const nodes = pgNodes(v);
        if (hosts === 'one' && nodes.length > 1) {
          ctx.addIssue({
            code: 'custom',
            message:
              'must name one host (a replica, or a load balancer in front of replicas); only DATABASE_URL takes a list of hosts',
          });
        }
      } catch (e) {
        const why = e instanceof PgUrlError ? e.message : 'is not valid';
        ctx.addIssue({
          code: 'custom',
          message: `${why} (such as postgres://kite@127.0.0.1:5432/kite, or postgres://kite@10.0.0.1:5432,10.0.0.2:5432/kite for a primary and its standby)`,
        });
      }
    });

/** Variables whose value is never shown in an error message. */
const SECRET_VARIABLES = new Set(['KITE_HUB_TOKEN']);

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: nonEmpty.default('127.0.0.1'),
  KITE_DATA_DIR: nonEmpty.default('./data'),
  DATABASE_URL: postgresUrl('many').optional(),
  DATABASE_READ_URL: postgresUrl('one').optional(),
  KITE_DB_RETRY_MS: wholeNumber(0, 120_000).default(DEFAULT_DB_RETRY_MS),
  KITE_PG_PREPARED: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  KITE_COUNTRY: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/, 'must be a country pack id such as intl or kh')
    .default('intl'),
  KITE_CONTENT_DIR: nonEmpty.default('./content'),
  KITE_STUDIO_DIR: nonEmpty.optional(),
  KITE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  KITE_WEB_DIR: nonEmpty.default('./dist'),
  KITE_DISABLED_TOPICS: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*$/, 'must be topic ids separated by commas')
    .optional(),
  KITE_PACKS: z.string().trim().regex(PACK_LIST, 'must be pack ids separated by commas').optional(),
  KITE_DIGITS: z.enum(['latin', 'native'], { message: 'must be latin or native' }).default('latin'),
  KITE_MEASUREMENT: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  KITE_PUBLIC_URL: publicUrl.optional(),
  KITE_TRUST_PROXY: trustProxy.optional(),
  KITE_REQUEST_TIMEOUT_MS: wholeNumber(1, HOUR_MS).default(DEFAULT_LIMITS.requestTimeoutMs),
  KITE_HEADERS_TIMEOUT_MS: wholeNumber(1, HOUR_MS).default(DEFAULT_LIMITS.headersTimeoutMs),
  KITE_KEEP_ALIVE_TIMEOUT_MS: wholeNumber(1, HOUR_MS).default(DEFAULT_LIMITS.keepAliveTimeoutMs),
  KITE_MAX_CONNECTIONS: wholeNumber(1, 1_000_000).default(DEFAULT_LIMITS.maxConnections),
  KITE_PDF_WORKERS: wholeNumber(0, 64).optional(),
  KITE_PDF_QUEUE: wholeNumber(1, 10_000).default(100),
  KITE_RETAIN_AUDIT_DAYS: wholeNumber(1, 3650).default(DEFAULT_RETENTION.auditDays),
  KITE_RETAIN_CHILD_MONTHS: wholeNumber(1, 120).default(DEFAULT_RETENTION.childMonths),
  KITE_RETAIN_EVIDENCE_DAYS: wholeNumber(30, 3650).default(DEFAULT_RETENTION.evidenceDays),
  KITE_RETAIN_EVENT_MONTHS: wholeNumber(0, 120)
    .refine((n) => n === 0 || n >= MIN_EVENT_MONTHS, {
      message: `must be 0 (keep every event) or a whole number of months from ${MIN_EVENT_MONTHS} to 120`,
    })
    .default(0),
  KITE_EVIDENCE_MAX_MB: wholeNumber(1, 100).default(DEFAULT_EVIDENCE_MAX_MB),
  KITE_SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
      message:
        'must be an smtp:// or smtps:// address, such as smtps://user:password@mail.example.org:465',
    })
    .optional(),
  KITE_MAIL_FROM: z
    .string()
    .trim()
    .max(200)
    .regex(
      /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/,
      'must be a sender address such as "Kite <kite@example.org>"',
    )
    .optional(),
  KITE_DEV_MAIL: z.enum(['console', 'off']).optional(),
  KITE_MODE: z.enum(['server', 'hub'], { message: 'must be server or hub' }).default('server'),
  KITE_DRAIN_MS: wholeNumber(0, MAX_DRAIN_MS).default(0),
  KITE_TLS_CERT: nonEmpty.optional(),
  KITE_TLS_KEY: nonEmpty.optional(),

  KITE_UPSTREAM_URL: publicUrl.optional(),
  KITE_HUB_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,40}$/, 'must be the hub id `kite hub add` printed (such as hub-…)')
    .optional(),
  KITE_HUB_TOKEN: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{32,100}$/, 'must be the credential `kite hub add` printed')
    .optional(),
  KITE_HUB_UPLOADS: wholeNumber(1, 1000).default(DEFAULT_HUB_UPLOADS),
  KITE_HUB_KEEP_DAYS: wholeNumber(0, 3650)
    .refine((n) => n === 0 || n >= MIN_HUB_KEEP_DAYS, {
      message: `must be 0 (keep every event) or a whole number of days from ${MIN_HUB_KEEP_DAYS} to 3650`,
    })
    .default(0),
  NODE_ENV: z.string().trim().optional(),
});

/**
 * Parses the configuration once from an environment (normally `process.env`), validates it and
 * freezes it. Empty variables count as unset. Throws a {@link ConfigError} naming the first bad
 * variable in one line.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const value = env[name];
    // Values are shown to help, but never a password (a malformed DATABASE_URL holds one).
    const shown =
      value === undefined || SECRET_VARIABLES.has(name)
        ? ''
        : ` (got ${JSON.stringify(redactSecrets(value))})`;
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${shown}`,
    );
  }
  const e = result.data;
  if (e.KITE_HEADERS_TIMEOUT_MS > e.KITE_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      `Invalid configuration: KITE_HEADERS_TIMEOUT_MS (${e.KITE_HEADERS_TIMEOUT_MS}) must not be more than KITE_REQUEST_TIMEOUT_MS (${e.KITE_REQUEST_TIMEOUT_MS})`,
    );
  }
  const production = e.NODE_ENV === 'production';
  if (e.KITE_DEV_MAIL === 'console' && production) {
    throw new ConfigError(
      'Invalid configuration: KITE_DEV_MAIL=console prints sign-in links and is refused when NODE_ENV=production; configure KITE_SMTP_URL instead',
    );
  }
  if ((e.KITE_TLS_CERT === undefined) !== (e.KITE_TLS_KEY === undefined)) {
    throw new ConfigError(
      'Invalid configuration: KITE_TLS_CERT and KITE_TLS_KEY go together (the certificate and its private key, PEM files)',
    );
  }
  if (e.KITE_SMTP_URL && (!e.KITE_PUBLIC_URL || !e.KITE_MAIL_FROM)) {
    throw new ConfigError(
      'Invalid configuration: KITE_SMTP_URL needs KITE_PUBLIC_URL (the address links in mails point to) and KITE_MAIL_FROM (the sender)',
    );
  }
  if (e.KITE_RETAIN_EVENT_MONTHS > 0 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: KITE_RETAIN_EVENT_MONTHS drops months of the event log on PostgreSQL (DATABASE_URL); the embedded SQLite database keeps every event of an active child, so leave it unset or 0',
    );
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_READ_URL (a read replica) needs DATABASE_URL (its primary); the embedded SQLite database has no replica',
    );
  }
  if (e.KITE_MODE === 'hub' && e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: KITE_MODE=hub runs on the embedded SQLite database; leave DATABASE_URL unset on a school hub',
    );
  }
  const hubVariables = [e.KITE_UPSTREAM_URL, e.KITE_HUB_ID, e.KITE_HUB_TOKEN];
  if (hubVariables.some((v) => v !== undefined) && e.KITE_MODE !== 'hub') {
    throw new ConfigError(
      'Invalid configuration: KITE_UPSTREAM_URL, KITE_HUB_ID and KITE_HUB_TOKEN are for a school hub; set KITE_MODE=hub or leave them unset',
    );
  }
  if (hubVariables.some((v) => v !== undefined) && hubVariables.some((v) => v === undefined)) {
    throw new ConfigError(
      'Invalid configuration: a hub that uploads needs all of KITE_UPSTREAM_URL, KITE_HUB_ID and KITE_HUB_TOKEN (from `kite hub add` on the national server)',
    );
  }
  if (e.KITE_HUB_KEEP_DAYS > 0 && (e.KITE_MODE !== 'hub' || !e.KITE_UPSTREAM_URL)) {
    throw new ConfigError(
      'Invalid configuration: KITE_HUB_KEEP_DAYS purges, on a school hub, events its national server acknowledged; it needs KITE_MODE=hub with KITE_UPSTREAM_URL, KITE_HUB_ID and KITE_HUB_TOKEN, so leave it unset or 0',
    );
  }
  const mail: MailConfig = e.KITE_SMTP_URL
    ? { kind: 'smtp', url: e.KITE_SMTP_URL, from: e.KITE_MAIL_FROM! }
    : e.KITE_DEV_MAIL === 'console'
      ? { kind: 'console' }
      : { kind: 'none' };
  return Object.freeze({
    mail,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KITE_DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseReadUrl: e.DATABASE_READ_URL || undefined,
    country: e.KITE_COUNTRY,
    contentDir: e.KITE_CONTENT_DIR,
    studioDir: e.KITE_STUDIO_DIR ?? e.KITE_CONTENT_DIR,
    logLevel: e.KITE_LOG_LEVEL,
    webDir: e.KITE_WEB_DIR,
    disabledTopics: Object.freeze(
      e.KITE_DISABLED_TOPICS ? e.KITE_DISABLED_TOPICS.split(',').map((s) => s.trim()) : [],
    ),
    digits: e.KITE_DIGITS,
    measurement: e.KITE_MEASUREMENT === 'on',
    packs: parsePackList(e.KITE_PACKS),
    publicUrl: e.KITE_PUBLIC_URL,
    trustProxy: e.KITE_TRUST_PROXY ?? false,
    limits: Object.freeze({
      requestTimeoutMs: e.KITE_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.KITE_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KITE_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.KITE_MAX_CONNECTIONS,
    }),
    pdfWorkers: e.KITE_PDF_WORKERS ?? defaultPoolSize(),
    pdfQueue: e.KITE_PDF_QUEUE,
    retention: Object.freeze({
      auditDays: e.KITE_RETAIN_AUDIT_DAYS,
      childMonths: e.KITE_RETAIN_CHILD_MONTHS,
      evidenceDays: e.KITE_RETAIN_EVIDENCE_DAYS,
    }),
    eventMonths: e.KITE_RETAIN_EVENT_MONTHS,
    evidenceMaxBytes: e.KITE_EVIDENCE_MAX_MB * 1024 * 1024,
    mode: e.KITE_MODE,
    drainMs: e.KITE_DRAIN_MS,
    tls:
      e.KITE_TLS_CERT && e.KITE_TLS_KEY
        ? Object.freeze({ certFile: e.KITE_TLS_CERT, keyFile: e.KITE_TLS_KEY })
        : undefined,

    upstream:
      e.KITE_UPSTREAM_URL && e.KITE_HUB_ID && e.KITE_HUB_TOKEN
        ? Object.freeze({
            url: e.KITE_UPSTREAM_URL.replace(/\/+$/, ''),
            hubId: e.KITE_HUB_ID,
            token: e.KITE_HUB_TOKEN,
          })
        : undefined,
    hubUploads: e.KITE_HUB_UPLOADS,
    hubKeepDays: e.KITE_HUB_KEEP_DAYS,
    dbRetryMs: e.KITE_DB_RETRY_MS,
    pgPrepared: e.KITE_PG_PREPARED === 'on',
  });
}
