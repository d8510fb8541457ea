import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, parseConfig } from './config/config';
import { DbConnectError, openDb } from '../db/connect';
import { MigrationError, migrateToLatest } from '../db/migrate';
import { Lifecycle } from './http/lifecycle';
import { TlsError, loadTls } from './http/tls';
import { createApp } from './app';
import { avatarIds } from '../content/avatars';
import { ContentLoadError, loadServerContent } from './content/load';
import { webContentMismatch } from './content/web-bundles';
import { redactSecrets } from '../db/redact';
import { createJobRunner } from './jobs/runner';
import { evidenceDirOf, kiteJobs } from './jobs/jobs';
import {
  consoleMailer,
  loadMailTexts,
  MailTextsError,
  noMailer,
  smtpMailer,
} from './accounts/mailer';
import type { Mailer } from './accounts/mailer';
import { setupLinkIfNeeded } from './accounts/credentials';
import type { MailConfig } from './config/config';

/** The mailer of the configuration; its texts are checked now, so a broken file stops the start. */
function mailerFor(mail: MailConfig, contentDir: string): Mailer {
  if (mail.kind === 'none') return noMailer;
  const texts = loadMailTexts(contentDir);
  return mail.kind === 'smtp'
    ? smtpMailer(mail.url, mail.from, texts)
    : consoleMailer(process.stdout, texts);
}

/**
 * Starts Kite: configuration, database, migrations, HTTP. Any startup failure prints one clear
 * line and exits with status 1. SIGTERM and SIGINT drain (KITE_DRAIN_MS: `/api/ready` answers
 * 503 while requests are still served), let in-flight requests finish, close the database and
 * exit, within 10 s.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  // Until the app (and its log) exists, the first choice of a primary is not news.
  let primaryLog: (label: string | undefined) => void = () => {};
  // The database first: an unreachable one is reported within its connect timeout, however
  // long the content takes to check.
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    dataDir: config.dataDir,
    synchronous: config.mode === 'hub' ? 'full' : 'normal',
    retryMs: config.dbRetryMs,
    namedStatements: config.pgPrepared,
    // A change of primary is worth a line in the log (a host:port, never a password).
    onPrimary: (label) => primaryLog(label),
  });
  let catalogue;
  try {
    await migrateToLatest(db);
    catalogue = await loadServerContent(config.contentDir, config.country, config.packs);
    if (!existsSync(join(config.studioDir, 'packs')))
      throw new StartupError(
        `KITE_STUDIO_DIR "${config.studioDir}" is not a content folder (it has no packs/ folder)`,
      );
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  // A certificate that cannot be served stops the start now, not at the first connection.
  let tls;
  try {
    tls = config.tls ? loadTls(config.tls) : undefined;
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  const mailer = mailerFor(config.mail, config.contentDir);
  const lifecycle = new Lifecycle();
  const app = await createApp({
    lifecycle,
    db,
    webDir: config.webDir,
    logLevel: config.logLevel,
    country: config.country,
    disabledTopics: config.disabledTopics,
    digits: config.digits,
    measurement: config.measurement,
    catalogue,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    limits: config.limits,
    pdfPool: { size: config.pdfWorkers, maxQueue: config.pdfQueue },
    // The retention purge and any later background job, run by whichever process wins its lease.
    jobs: createJobRunner({ db, jobs: kiteJobs(config, mailer, catalogue) }),
    accounts: { mailer },
    industry: {
      evidenceDir: evidenceDirOf(config.dataDir),
      evidenceMaxBytes: config.evidenceMaxBytes,
      retainEvidenceDays: config.retention.evidenceDays,
    },
    pictures: avatarIds(config.contentDir),
    retention: config.retention,
    studio: { dir: config.studioDir },
    tls,

    hubUploads: config.hubUploads,
    // A school hub with a national server uploads its events there in the background, one
    // chunk at a time (docs/deploy.md "A school hub").
    hubUpload: config.upstream ? { upstream: config.upstream } : undefined,
  });

  primaryLog = (label) =>
    label
      ? app.log.warn({ primary: label }, 'database: writes go to this primary')
      : app.log.warn('database: the primary was lost; looking for it again');
  const mismatch = webContentMismatch(config.webDir, catalogue);
  if (mismatch) app.log.warn(mismatch);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, drainMs: config.drainMs }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      // Draining: still serving, while /api/ready tells the proxy to send no more.
      lifecycle.startDraining();
      if (config.drainMs > 0) await new Promise((r) => setTimeout(r, config.drainMs));
      await app.close();
      await db.close();
    } finally {
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await db.close().catch(() => {});
    const err = e as Error & { code?: string };
    const why =
      err.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (set PORT to another port)`
        : err.message;
    throw new StartupError(`Cannot listen on ${config.host}:${config.port}: ${why}`);
  }
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  process.stdout.write(
    `Kite is running at ${tls ? 'https' : 'http'}://${shownHost}:${config.port} (database: ${where}). Press Ctrl+C to stop.\n`,
  );
  // The first admin: a one-time link on the console (never in the JSON log), while none exists.
  const setup = await setupLinkIfNeeded(app.accounts);
  if (typeof setup === 'object') {
    const base = config.publicUrl ? '' : `${tls ? 'https' : 'http'}://${shownHost}:${config.port}`;
    process.stdout.write(
      `\nNo admin yet. Make the first one within 24 hours at this one-time address (or run: npm run kite -- admin create):\n  ${base}${setup.link}\n\n`,
    );
  } else if (setup === 'waiting') {
    process.stdout.write(
      '\nNo admin yet. Use the one-time address printed at the first start (alive 24 hours), or run: npm run kite -- admin create\n\n',
    );
  }
}

class StartupError extends Error {}

main().catch((e: unknown) => {
  const expected =
    e instanceof ConfigError ||
    e instanceof DbConnectError ||
    e instanceof MigrationError ||
    e instanceof ContentLoadError ||
    e instanceof MailTextsError ||
    e instanceof StartupError ||
    e instanceof TlsError;
  // Every startup message passes through redactSecrets: a DATABASE_URL may hold a password.
  const message = redactSecrets(e instanceof Error ? e.message : String(e));
  process.stderr.write(`kite: ${expected ? message : `unexpected error: ${message}`}\n`);
  process.exit(1);
});
