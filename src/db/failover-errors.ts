// Which database errors mean "the primary is gone or is not the primary any more" (a restart,
// a crash, a failover under way) rather than "this statement is wrong": work that failed so may
// succeed when sent again, on this node once it is back or on the node promoted in its place.

/** SQLSTATEs of a node that stopped or is not (or no longer) the primary. */
const FAILOVER_SQLSTATES: ReadonlySet<string> = new Set([
  // read_only_sql_transaction: a standby, or a demoted primary, was asked to write.
  '25006',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or in recovery).
  '57P01',
  '57P02',
  '57P03',
  // connection_exception and its kinds (class 08).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // protocol_violation: PgBouncer's code for its own errors, such as a server connection lost.
  '08P01',
]);

/** Socket errors of a connection that broke or could not be made. */
const FAILOVER_ERRNOS: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);

// node-postgres reports a connection it lost, or could not finish in time ("Connection
// terminated due to connection timeout"), with an Error without a code. Not among them: the
// pool's "timeout exceeded when trying to connect", which says every connection was busy for
// the whole wait (a saturated pool, not a lost primary); sending the work again would only add
// to the queue (bench:ingest --via nginx on a loaded machine showed it).
const FAILOVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * No node of the host list is the primary at the moment (a standby not yet promoted, or every
 * node unreachable). Its message names the nodes and what each said, never a password.
 */
export class NoPrimaryError extends Error {
  override readonly name = 'NoPrimaryError';
  readonly code = 'KITE_NO_PRIMARY';
}

/** Whether `e` is an error after which the same work may succeed on the (new) primary. */
export function isFailoverError(e: unknown): boolean {
  if (e instanceof NoPrimaryError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (FAILOVER_SQLSTATES.has(code) || FAILOVER_ERRNOS.has(code))) {
    return true;
  }
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && FAILOVER_MESSAGES.some((m) => message.includes(m));
}
