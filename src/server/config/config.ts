import { z } from 'zod';
import { PACK_LIST, parsePackList } from '../../content/packs';

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
  /** Packs under `<contentDir>/packs/` this deployment serves (KITE_PACKS; default `core`). */
  readonly packs: readonly string[];
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
  KITE_PACKS: z.string().trim().regex(PACK_LIST, 'must be pack ids separated by commas').optional(),
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
    packs: parsePackList(e.KITE_PACKS),
  });
}
