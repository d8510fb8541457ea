// Stored releases (kite_nation_release, kite_nation_release_table) and the per-process cache of
// their parsed tables: a release never changes once built (STAT-06), so a process parses each
// one once and serves it from memory after that; only the builder's name is read each time
// (an account may be renamed or deleted).

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { fromDbTime, toDbTime } from '../../db/time';
import type { PublishedTable, ReleaseArea, Term } from '../../engine';

/** A release as stored: its term, when and by whom (an account id) it was built, and the tables. */
export interface StoredRelease extends Term {
  /** ISO 8601, UTC. */
  readonly builtAt: string;
  readonly areas: readonly ReleaseArea[];
  readonly tables: readonly PublishedTable[];
}

/** A table of a release as its list names it. */
export interface TableMeta {
  readonly id: string;
  readonly kind: PublishedTable['kind'];
  readonly columns: readonly string[];
}

/**
 * The parsed releases of this process, by term: a few whole (a national one is about a
 * megabyte), and the list of every table of each release seen (a few hundred bytes each).
 */
export class ReleaseCache {
  private readonly kept = new Map<string, StoredRelease>();
  private readonly metas = new Map<string, readonly TableMeta[]>();
  constructor(private readonly size = 8) {}

  /** The tables of a release seen by this process, without their cells. */
  tables(term: string): readonly TableMeta[] | undefined {
    return this.metas.get(term);
  }

  get(term: string): StoredRelease | undefined {
    const found = this.kept.get(term);
    if (found) {
      this.kept.delete(term);
      this.kept.set(term, found);
    }
    return found;
  }

  set(release: StoredRelease): void {
    this.metas.set(
      release.term,
      release.tables.map((t) => ({ id: t.id, kind: t.kind, columns: t.columns })),
    );
    this.kept.set(release.term, release);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value as string);
  }
}

/** A release's row with the builder's name, as the API shows it. */
export interface ReleaseHeader extends Term {
  readonly builtAt: string;
  /** The builder's display name; null once their account is deleted. */
  readonly builtBy: string | null;
}

const header = (db: Db) =>
  db.kysely
    .selectFrom('kite_nation_release as r')
    .leftJoin('kite_user as u', 'u.id', 'r.built_by')
    .select(['r.term', 'r.term_from', 'r.term_to', 'r.built_at', 'u.display_name']);

type HeaderRow = {
  term: string;
  term_from: string;
  term_to: string;
  built_at: string | Date;
  display_name: string | null;
};
const toHeader = (r: HeaderRow): ReleaseHeader => ({
  term: r.term,
  from: r.term_from,
  to: r.term_to,
  builtAt: new Date(fromDbTime(r.built_at)).toISOString(),
  builtBy: r.display_name,
});

/** Every release's header, newest term first (by its first day). */
export async function releaseHeaders(db: Db): Promise<ReleaseHeader[]> {
  const rows = await header(db).orderBy('r.term_from', 'desc').orderBy('r.term').execute();
  return rows.map(toHeader);
}

/** One release's header, or undefined when no release has this term. */
export async function releaseHeader(db: Db, term: string): Promise<ReleaseHeader | undefined> {
  const row = await header(db).where('r.term', '=', term).executeTakeFirst();
  return row ? toHeader(row) : undefined;
}

/** A release's areas and tables, parsed once per process (the cache), or undefined. */
export async function loadRelease(
  db: Db,
  cache: ReleaseCache,
  term: string,
): Promise<StoredRelease | undefined> {
  const kept = cache.get(term);
  if (kept) return kept;
  const row = await db.kysely
    .selectFrom('kite_nation_release')
    .select(['term', 'term_from', 'term_to', 'built_at', 'areas'])
    .where('term', '=', term)
    .executeTakeFirst();
  if (!row) return undefined;
  const tables = await db.kysely
    .selectFrom('kite_nation_release_table')
    .select('body')
    .where('term', '=', term)
    .orderBy('position')
    .execute();
  const release: StoredRelease = {
    term: row.term,
    from: row.term_from,
    to: row.term_to,
    builtAt: new Date(fromDbTime(row.built_at)).toISOString(),
    areas: JSON.parse(row.areas) as ReleaseArea[],
    tables: tables.map((t) => JSON.parse(t.body) as PublishedTable),
  };
  cache.set(release);
  return release;
}

/** The terms of every release (the builder checks a new term against them). */
export async function builtTerms(db: Db | Transaction<Database>): Promise<Term[]> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const rows = await kysely
    .selectFrom('kite_nation_release')
    .select(['term', 'term_from', 'term_to'])
    .execute();
  return rows.map((r) => ({ term: r.term, from: r.term_from, to: r.term_to }));
}

/** Releases are built one at a time (PostgreSQL: this lock until the transaction ends). */
const BUILD_LOCK = 0x6b697465;

/**
 * Stores a release in one transaction, after `check` (given the terms built so far, inside the
 * transaction) raises nothing: the last word on "once per term, never overlapping".
 */
export async function storeRelease(
  db: Db,
  release: StoredRelease,
  builtBy: string | null,
  check: (built: Term[]) => void,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(${BUILD_LOCK})`.execute(trx);
    check(await builtTerms(trx));
    await trx
      .insertInto('kite_nation_release')
      .values({
        term: release.term,
        term_from: release.from,
        term_to: release.to,
        built_at: toDbTime(Date.parse(release.builtAt)),
        built_by: builtBy,
        areas: JSON.stringify(release.areas),
      })
      .execute();
    for (const [position, table] of release.tables.entries())
      await trx
        .insertInto('kite_nation_release_table')
        .values({ term: release.term, table_id: table.id, position, body: JSON.stringify(table) })
        .execute();
  });
}
