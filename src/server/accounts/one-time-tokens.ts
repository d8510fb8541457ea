import type { Db } from '../../db/connect';
import type { Role, TokenKind } from '../../db/schema';
import { randomToken, tokenHash } from './tokens';
import { fromDbTime, toDbTime } from '../../db/time';

/** How long each kind of link lives. */
export const TOKEN_LIFE_MS: Readonly<Record<TokenKind, number>> = {
  verify_email: 24 * 60 * 60_000,
  reset_password: 60 * 60_000,
  invite: 7 * 24 * 60 * 60_000,
  setup: 24 * 60 * 60_000,
};

export interface IssuedToken {
  readonly kind: TokenKind;
  readonly userId: string | null;
  readonly email: string | null;
  readonly role: Role | null;
  readonly createdBy: string | null;
}

export interface OneTimeTokens {
  /** A new token (256 bits); only its hash is stored. Earlier unused ones of the same kind for the same user end. */
  issue(t: IssuedToken, now: number): Promise<string>;
  /** Uses a token once: its facts when it is of `kind`, unused and alive, else null. */
  consume(token: string, kind: TokenKind, now: number): Promise<IssuedToken | null>;
  /** A token's facts without using it (e.g. to show whom an invitation is for). */
  peek(token: string, kind: TokenKind, now: number): Promise<IssuedToken | null>;
  /** Whether a live unused token of `kind` exists (the first admin's setup link). */
  anyLive(kind: TokenKind, now: number): Promise<boolean>;
}

export function oneTimeTokens(db: Db): OneTimeTokens {
  const k = db.kysely;
  const find = async (token: string, kind: TokenKind, now: number) => {
    if (!token || token.length > 100) return null;
    const row = await k
      .selectFrom('kite_token')
      .selectAll()
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.kind !== kind || row.used_at !== null || fromDbTime(row.expires_at) <= now)
      return null;
    return row;
  };
  const facts = (row: NonNullable<Awaited<ReturnType<typeof find>>>): IssuedToken => ({
    kind: row.kind,
    userId: row.user_id,
    email: row.email,
    role: row.role,
    createdBy: row.created_by,
  });
  return {
    async issue(t, now) {
      const token = randomToken(32);
      if (t.userId) {
        await k
          .deleteFrom('kite_token')
          .where('user_id', '=', t.userId)
          .where('kind', '=', t.kind)
          .execute();
      }
      await k
        .insertInto('kite_token')
        .values({
          token_hash: tokenHash(token),
          kind: t.kind,
          user_id: t.userId,
          email: t.email,
          role: t.role,
          created_by: t.createdBy,
          created_at: toDbTime(now),
          expires_at: toDbTime(now + TOKEN_LIFE_MS[t.kind]),
          used_at: null,
        })
        .execute();
      return token;
    },
    async consume(token, kind, now) {
      const row = await find(token, kind, now);
      if (!row) return null;
      // One statement decides a race between two uses of the same link.
      const r = await k
        .updateTable('kite_token')
        .set({ used_at: toDbTime(now) })
        .where('token_hash', '=', row.token_hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? facts(row) : null;
    },
    async peek(token, kind, now) {
      const row = await find(token, kind, now);
      return row ? facts(row) : null;
    },
    async anyLive(kind, now) {
      const row = await k
        .selectFrom('kite_token')
        .select('token_hash')
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .where('expires_at', '>', toDbTime(now))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
