// A PostgreSQL URL that may name several hosts, as libpq allows
// (`postgres://kite@10.0.0.1:5432,10.0.0.2:5432/kite`): node-postgres takes one host only, so
// the list is split here into one single-host URL per node, in the order given. Which of them
// is the primary is found at run time (primary-pool.ts). A one-host URL gives itself back.

/** One node of a host list, and the single-host URL that reaches it. */
export interface PgNode {
  /** `host:port` as written (IPv6 in brackets), for messages; never holds a password. */
  readonly label: string;
  /** The URL of this node alone: the same user, password, database and parameters. */
  readonly url: string;
}

/** A URL that does not describe PostgreSQL nodes; its message never holds the password. */
export class PgUrlError extends Error {
  override readonly name = 'PgUrlError';
}

// scheme :// [userinfo @] hosts [/database] [?parameters]; the userinfo runs to the last "@"
// before the path, so a password holding "@" (percent-encoding it is still better) is kept whole.
const SHAPE = /^(postgres(?:ql)?:\/\/)(?:([^/?#]*)@)?([^/?#@]*)(\/[^?#]*)?(\?[^#]*)?$/;
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]*)(?::(\d*))?$/;

/** Most hosts a list may name: a primary and its standbys, not a fleet. */
export const MAX_HOSTS = 8;

/**
 * The nodes of a `postgres://` URL, one per host of its host list (a one-host URL gives one
 * node whose URL is the URL itself). Throws {@link PgUrlError} naming what is wrong.
 */
export function pgNodes(url: string): PgNode[] {
  const m = SHAPE.exec(url);
  if (!m) throw new PgUrlError('is not a postgres:// URL such as postgres://kite@127.0.0.1/kite');
  const [, scheme = '', userinfo, hostList = '', path = '', query = ''] = m;
  const entries = hostList.split(',');
  if (entries.length === 1) {
    if (!URL.canParse(url)) throw new PgUrlError('is not a valid URL');
    return [{ label: labelOf(url), url }];
  }
  if (entries.length > MAX_HOSTS) {
    throw new PgUrlError(`names ${entries.length} hosts; at most ${MAX_HOSTS} are allowed`);
  }
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const h = HOST.exec(entry.trim());
    const host = h?.[1] ?? '';
    const port = h?.[2];
    if (!h || host === '') {
      throw new PgUrlError(
        `host ${i + 1} of the list is empty or malformed (use host:port,host:port)`,
      );
    }
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && +port >= 1 && +port <= 65535)) {
      throw new PgUrlError(`host ${i + 1} of the list has a port that is not from 1 to 65535`);
    }
    const label = `${host}:${port ?? 5432}`;
    if (seen.has(label)) throw new PgUrlError(`names ${label} twice`);
    seen.add(label);
    const single = `${scheme}${userinfo === undefined ? '' : `${userinfo}@`}${label}${path}${query}`;
    if (!URL.canParse(single)) throw new PgUrlError(`host ${i + 1} of the list is not valid`);
    return { label, url: single };
  });
}

/** `host:port` of a one-host URL, without credentials. */
function labelOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname || 'localhost'}:${u.port || 5432}`;
}
