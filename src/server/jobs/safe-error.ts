import { redactSecrets } from '../../db/redact';

/** Longest message kept of a failed job (kite_job.last_error and the log line). */
export const MAX_SAFE_ERROR = 200;

/**
 * A failed job's error as one short line fit for kite_job.last_error and the log, without
 * personal data: credentials are redacted, e-mail addresses and quoted values (PostgreSQL quotes
 * the value it could not read) are cut, keeping only quoted names of Kite's own tables and
 * constraints (`"kite_audit"`). Jobs should throw messages that say what failed, never whom.
 */
export function safeErrorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const message = redactSecrets(raw)
    .replace(/[^\s@"'<>()[\],;:/]+@[^\s@"'<>()[\],;:/]+\.[^\s@"'<>()[\],;:/]+/g, '…@…')
    .replace(/"([^"]*)"|'([^']*)'/g, (all, dq?: string, sq?: string) =>
      /^kite_[a-z0-9_.]*$/.test(dq ?? sq ?? '') ? all : '"…"',
    )
    .replace(/\s+/g, ' ')
    .trim();
  const head =
    typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `${name} ${code}` : name;
  const line = message ? `${head}: ${message}` : head;
  return line.length <= MAX_SAFE_ERROR ? line : `${line.slice(0, MAX_SAFE_ERROR - 1)}…`;
}
