import { z } from 'zod';
import { defaultPoolSize } from '../pdf/pool';

/** The parsed, validated and frozen configuration of one Kite process. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `postgres://…` switches the database to PostgreSQL; absent means embedded SQLite. */
  readonly databaseUrl: string | undefined;
  readonly country: string;
  readonly contentDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where the built web app lives (served at `/`). */
  readonly webDir: string;
  /** Topics this deployment switches off (KITE_DISABLED_TOPICS, comma-separated ids). */
  readonly disabledTopics: readonly string[];
  /** PDF worker threads (KITE_PDF_WORKERS; default cores − 1, at least 1; 0 renders in-thread). */
  readonly pdfWorkers: number;
  /** PDFs that may wait for a worker before more are refused with 503 (KITE_PDF_QUEUE). */
  readonly pdfQueue: number;
}

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

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: nonEmpty.default('127.0.0.1'),
  KITE_DATA_DIR: nonEmpty.default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: 'must start with postgres:// (leave it unset for the embedded SQLite database)',
    })
    .optional(),
  KITE_COUNTRY: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/, 'must be a country pack id such as intl or kh')
    .default('intl'),
  KITE_CONTENT_DIR: nonEmpty.default('./content'),
  KITE_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  KITE_WEB_DIR: nonEmpty.default('./dist'),
  KITE_DISABLED_TOPICS: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*$/, 'must be topic ids separated by commas')
    .optional(),
  KITE_PDF_WORKERS: wholeNumber(0, 64).optional(),
  KITE_PDF_QUEUE: wholeNumber(1, 10_000).default(100),
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
    const shown = env[name] === undefined ? '' : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${shown}`,
    );
  }
  const e = result.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.KITE_DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    country: e.KITE_COUNTRY,
    contentDir: e.KITE_CONTENT_DIR,
    logLevel: e.KITE_LOG_LEVEL,
    webDir: e.KITE_WEB_DIR,
    disabledTopics: Object.freeze(
      e.KITE_DISABLED_TOPICS ? e.KITE_DISABLED_TOPICS.split(',').map((s) => s.trim()) : [],
    ),
    pdfWorkers: e.KITE_PDF_WORKERS ?? defaultPoolSize(),
    pdfQueue: e.KITE_PDF_QUEUE,
  });
}
