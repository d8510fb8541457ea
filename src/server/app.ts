import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler } from './http/serializer';
import { validatorCompiler } from './http/compiled-input';
import type { Db } from '../db/connect';
import { frameworkErrorHandler, installErrorHandling } from './http/error-handler';
import { clientErrorHandler, installRequestChecks } from './http/client-errors';
import { KiteLogController, loggerOptions } from './http/logging';
import { installOpenApi, openApiRoute } from './http/openapi';
import { RouteTable } from './http/route-table';
import { responseHeaders } from './http/security-headers';
import type { TlsCredentials } from './http/tls';
import type { ServerOptions } from 'node:http';
import { dbRateLimitStore } from './http/rate-limit-store';
import { rateLimitCounters } from '../db/rate-limit';
import { installWebApp } from './http/web-app';
import { DEFAULT_LIMITS } from './config/config';
import type { ServerLimits, TrustProxy } from './config/config';
import { Lifecycle } from './http/lifecycle';
import { healthRoutes } from './routes/health';
import { clientConfigRoutes } from './routes/client-config';
import { createLibraryRoutes } from './routes/library';
import type { LibrarySetup } from './routes/library';
import type { Catalogue } from '../engine';
import { KITE_VERSION } from './version';
import type { JobRunner } from './jobs/runner';
import { accountsContext } from './accounts/context';
import type { AccountsContext, AccountsOptions } from './accounts/context';
import { accountsPlugin } from './routes/accounts';
import { installationSecret } from '../db/installation-secret';
import { classesContext } from './classes/context';
import { childRoutes } from './routes/classes/child';
import { avatarIds } from '../content/avatars';
import { createPdfRenderPool, defaultPoolSize } from './pdf/pool';
import type { PdfPoolOptions, PdfRenderPool } from './pdf/pool';
import { loadClassPrintContext } from './worksheets/class-print-context';
import { DEFAULT_RETENTION } from './config/config';
import { feedbackRoutes } from './routes/feedback';
import { bundleLanguages } from '../content/bundle';
import { studioContext } from './studio/context';
import type { StudioOptions } from './studio/context';
import { loadStudioDocument } from './routes/studio/document';
import { industryContext } from './industry/context';
import type { IndustryOptions } from './industry/context';
import { deploymentContext } from './deployment/context';
import { nationContext } from './nation/context';
import type { Retention } from './config/config';
import { hubRoutes } from './routes/hubs';
import { DEFAULT_HUB_UPLOADS } from './hubs/context';
import { HubUploader } from './hubs/uploader';
import type { UploaderOptions } from './hubs/uploader';

export interface AppDeps {
  db: Db;
  /** Folder of the built web app; when absent (or missing on disk) `/` is not served. */
  webDir?: string | undefined;
  /** pino level; `silent` in tests. */
  logLevel?: string;
  /** Largest request body accepted, in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Shown in the OpenAPI document (default: package.json's version). */
  version?: string;
  /** Country pack and topics switched off, for the app (default `intl`, none). */
  country?: string;
  disabledTopics?: readonly string[];
  /** Numbers in Latin digits or the language's own (KITE_DIGITS, default latin), for the app. */
  digits?: 'latin' | 'native';
  /** Outcome measurement on (KITE_MEASUREMENT, default on); off, sync keeps no measurement event. */
  measurement?: boolean;
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: NodeJS.WritableStream | undefined;
  /** The checked content, loaded once at start; the library's PDF routes need it. */
  catalogue?: Catalogue | undefined;
  /** A PDF renderer to share (tests, benches); when absent, a worker pool (`pdfPool`) is made. */
  pdfRenderer?: LibrarySetup['renderer'];
  /** The PDF worker pool when no renderer is given (default: cores − 1 workers, 100 waiting). */
  pdfPool?: PdfPoolOptions;
  /** Rate limit of the PDF routes per client address (default 60 a minute). */
  pdfRateLimit?: LibrarySetup['rateLimit'];
  /** The deployment's public URL; https adds `Strict-Transport-Security`. */
  publicUrl?: string | undefined;
  /** Which proxies' `X-Forwarded-For` to believe (default none). */
  trustProxy?: TrustProxy;
  /** Timeouts and connection cap of the HTTP server (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<ServerLimits>;
  /** The clock of the readiness cache, in ms (default `Date.now`); tests inject one. */
  now?: () => number;
  /**
   * Background jobs (server/jobs/runner.ts): started once the app is ready, logging to its log,
   * and stopped (running jobs waited for) when it closes. Absent in most tests.
   */
  jobs?: JobRunner | undefined;
  /** Accounts: Argon2 cost, mailer, clock, session timing (defaults: production values). */
  accounts?: AccountsOptions;
  /** The avatar pictures (avatars and children's picture passwords); default: `content/`'s. */
  pictures?: readonly string[];
  /** The content folder (print texts of class documents, avatars); default `content`. */
  contentDir?: string;
  /**
   * The recording studio (docs/audio.md): the content folder it writes recordings into. Needs
   * `catalogue`; when absent, the studio's routes and page are not served.
   */
  studio?: StudioOptions | undefined;
  /**
   * Industry self-assessment (docs/industry.md): where evidence documents are written (absent:
   * they cannot be uploaded), their size limit and retention. Needs `catalogue`.
   */
  industry?: IndustryOptions;
  /**
   * The environment's retention periods (KITE_RETAIN_*): the defaults of the deployment
   * settings, which coordinators may change within bounds (docs/national.md).
   */
  retention?: Retention;
  /** How long a process keeps the deployment settings before reading them again (default 2 s). */
  settingsTtlMs?: number;
  /** Serving or draining (main.ts starts the drain on SIGTERM); a new one when not given. */
  lifecycle?: Lifecycle;
  /** HTTPS with this certificate and key (a school hub, KITE_TLS_CERT/KEY); plain HTTP when absent. */
  tls?: TlsCredentials | undefined;
  /**
   * School hubs' uploads this process works on at once; more are answered 429 with
   * `Retry-After` (KITE_HUB_UPLOADS, default 4; docs/deploy.md "A school hub").
   */
  hubUploads?: number;
  /**
   * A school hub's national server (KITE_UPSTREAM_URL…): the app uploads its events there in
   * the background once ready, and stops when it closes (docs/deploy.md "A school hub"). Tests
   * inject fetch, clock, randomness and sleep here.
   */
  hubUpload?: Omit<UploaderOptions, 'db' | 'log'> | undefined;
}

/**
 * The Node server's options: plain HTTP, or HTTPS when a certificate is given (Node's HTTPS server
 * takes the HTTP server's options beside the TLS ones; Fastify's `https` option is passed to it
 * whole, and its `http` option is then not used).
 */
function serverOptions(http: ServerOptions, tls: TlsCredentials | undefined) {
  // Fastify's types tie `https` to another server type; the server is used as an http.Server
  // either way (https.Server extends tls.Server, whose requests and responses are Node's).
  return tls ? ({ https: { ...http, ...tls } } as unknown as { http: ServerOptions }) : { http };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The account services, for the CLI-like tasks main.ts does at start (the setup link). */
    accounts: AccountsContext;
    /** Serving or draining: `/api/ready` answers 503 while it drains (docs/deploy.md). */
    lifecycle: Lifecycle;
    /** A school hub's uploader to its national server, when it has one. */
    hubUploader: HubUploader | undefined;
  }
}

/**
 * Fastify's `trustProxy` from ours. A hop count is given as a function, since Fastify treats a
 * bare number as "trust nothing": believe the `n` nearest addresses of the chain (the socket's
 * peer, then `X-Forwarded-For` from the right), which holds only when Kite is reachable through
 * those proxies alone (README).
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((a: string, i: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

/** How often Node looks for requests over their header or request timeout, in ms. */
function checkingInterval(limits: ServerLimits): number {
  return Math.min(1000, Math.max(25, Math.floor(limits.headersTimeoutMs / 4)));
}

/**
 * Builds the Kite HTTP app without listening, so tests can call it in memory with `inject`.
 * `main.ts` adds configuration, migrations and the network.
 */
export async function createApp({
  db,
  webDir,
  logLevel = 'silent',
  bodyLimit = 256 * 1024,
  version = KITE_VERSION,
  logStream,
  country = 'intl',
  disabledTopics = [],
  digits = 'latin',
  measurement = true,
  catalogue,
  pdfRenderer,
  pdfPool,
  pdfRateLimit,
  publicUrl,
  trustProxy = false,
  limits: given = {},
  now = Date.now,
  jobs,
  accounts = {},
  contentDir = 'content',
  pictures = avatarIds(contentDir),
  studio,
  industry,
  retention = DEFAULT_RETENTION,
  settingsTtlMs,
  lifecycle = new Lifecycle(),
  tls,

  hubUploads = DEFAULT_HUB_UPLOADS,
  hubUpload,
}: AppDeps): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...given };
  // Every answer carries its kind's headers (API or document), computed once: the handlers of
  // errors that happen before routing (frameworkErrors) or before Fastify (clientError) answer
  // JSON, with the API's.
  const headers = responseHeaders({ publicUrl });
  const app = Fastify({
    logger: loggerOptions(logLevel, logStream),
    logController: new KiteLogController(),
    // No child logger per request: our one line per request carries what it needs, and a
    // pino child per request was a measurable share of a small request's cost (bench:http).
    childLoggerFactory: (logger) => logger,
    bodyLimit,
    // Answered by installRequestChecks instead, in the one error shape.
    return503OnClosing: false,
    trustProxy: fastifyTrustProxy(trustProxy),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    ...serverOptions(
      {
        headersTimeout: limits.headersTimeoutMs,
        // Checked by installRequestChecks, so that the answer has the one error shape.
        requireHostHeader: false,
        connectionsCheckingInterval: checkingInterval(limits),
      },
      tls,
    ),
    frameworkErrors: frameworkErrorHandler(headers.api),
    clientErrorHandler: clientErrorHandler(headers.api),
  });
  app.server.maxConnections = limits.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes = new RouteTable();
  routes.install(app);
  installRequestChecks(app, headers);
  installErrorHandling(app, routes);
  await installOpenApi(app, version);

  // Limits are set per route (`config.rateLimit`); their counters live in the database, so
  // they hold across processes and restarts.
  await app.register(rateLimit, { global: false, store: dbRateLimitStore(rateLimitCounters(db)) });

  app.decorate('lifecycle', lifecycle);
  await app.register(healthRoutes(db, { now, lifecycle }));
  // The deployment settings over the environment's (docs/national.md), read by the app's config.
  const deployment = deploymentContext(db, catalogue, accounts.now ?? now, {
    country,
    retention,
    ...(settingsTtlMs === undefined ? {} : { ttlMs: settingsTtlMs }),
  });
  await app.register(
    clientConfigRoutes({ disabledTopics, digits, measurement, settings: deployment.settings }),
  );
  // One renderer for every printed document: the one given (tests, benches), or a worker pool
  // once there is content to print.
  let pool: PdfRenderPool | undefined;
  const renderer =
    pdfRenderer ??
    (catalogue
      ? (pool = await createPdfRenderPool(pdfPool ?? { size: defaultPoolSize(), maxQueue: 100 }))
      : undefined);
  if (pool) app.addHook('onClose', () => pool.close());
  if (catalogue && renderer) {
    const setup = { catalogue, country, disabledTopics, renderer };
    await app.register(
      createLibraryRoutes(pdfRateLimit ? { ...setup, rateLimit: pdfRateLimit } : setup),
    );
  }
  const ctx = accountsContext(db, { now, publicUrl, ...accounts });
  app.decorate('accounts', ctx);
  const classes = classesContext(db, {
    now: accounts.now ?? now,
    pictures,
    catalogue,
    printing: renderer ? { renderer, context: loadClassPrintContext(contentDir) } : undefined,
    // Told in the families' letter: the period in force, which a coordinator may change.
    retainChildMonths: async () => (await deployment.settings.current()).retention.childMonths,
    measurement,
  });
  const studioSetup =
    catalogue && studio
      ? {
          context: await studioContext(catalogue, studio, accounts.now ?? now),
          document: loadStudioDocument(webDir),
        }
      : undefined;
  if (studioSetup && !studioSetup.context.writable)
    app.log.warn(
      { studioDir: studio?.dir },
      'the recording studio cannot write this content folder: it only shows what is missing',
    );
  await app.register(
    accountsPlugin(
      ctx,
      {
        secure: publicUrl?.startsWith('https:') ?? false,
        secret: await installationSecret(db, 'cookie'),
      },
      classes,
      studioSetup,
      catalogue
        ? industryContext(db, catalogue, accounts.now ?? now, renderer, industry)
        : undefined,
      deployment,
      catalogue
        ? nationContext(db, catalogue, accounts.now ?? now, {
            measurement,
            disabledTopics,
            settings: deployment.settings,
          })
        : undefined,
    ),
  );
  await app.register(childRoutes(classes));
  await app.register(
    hubRoutes({ db, now: accounts.now ?? now, measurement, uploadsInFlight: hubUploads }),
  );
  if (catalogue) {
    const content = { catalogue, languages: bundleLanguages(catalogue) };
    await app.register(feedbackRoutes(db, content, accounts.now ?? now));
  }
  openApiRoute(app);
  await installWebApp(app, webDir, disabledTopics);

  if (jobs) app.addHook('onClose', () => jobs.stop());
  const uploader = hubUpload ? new HubUploader({ ...hubUpload, db, log: app.log }) : undefined;
  app.decorate('hubUploader', uploader);
  if (uploader) app.addHook('onClose', () => uploader.stop());
  // Before any device is served: a copied or restored hub database takes a new instance id.
  await uploader?.prepare();
  await app.ready();
  jobs?.start(app.log);
  if (uploader) {
    uploader.start();
    app.log.info(
      { hub: hubUpload?.upstream.hubId, upstream: hubUpload?.upstream.url },
      'this hub uploads to its national server',
    );
  }
  return app;
}
