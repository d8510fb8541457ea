import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect';
import type { KiteUserTable, Role, UserStatus } from '../../db/schema';
import { MFA_REQUIRED } from './policy';
import { randomToken } from './tokens';
import { fromDbTime, toDbTime } from '../../db/time';

export type UserRow = Selectable<KiteUserTable>;

/** An account as the API shows it: never the hash or the second factor's secret. */
export interface PublicUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly mfaEnabled: boolean;
  readonly mfaRequired: boolean;
  readonly createdAt: string;
}

export function publicUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    status: u.status,
    mfaEnabled: u.mfa_secret !== null,
    mfaRequired: MFA_REQUIRED.has(u.role),
    createdAt: toDbTime(fromDbTime(u.created_at)),
  };
}

/** Emails are compared as typed, trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly passwordHash: string;
  readonly invitedBy?: string | null;
}

export interface Users {
  byEmail(email: string): Promise<UserRow | undefined>;
  byId(id: string): Promise<UserRow | undefined>;
  /** Creates the account; undefined when the email is taken (a race lost to another request). */
  create(u: NewUser, now: number): Promise<UserRow | undefined>;
  update(
    id: string,
    changes: Partial<Omit<KiteUserTable, 'id' | 'created_at'>>,
    now: number,
  ): Promise<void>;
  countActive(role: Role): Promise<number>;
}

export function users(db: Db): Users {
  const k = db.kysely;
  return {
    byEmail: (email) =>
      k
        .selectFrom('kite_user')
        .selectAll()
        .where('email', '=', normalizeEmail(email))
        .executeTakeFirst(),
    byId: (id) => k.selectFrom('kite_user').selectAll().where('id', '=', id).executeTakeFirst(),
    async create(u, now) {
      const row: UserRow = {
        id: randomToken(),
        email: normalizeEmail(u.email),
        display_name: u.displayName,
        role: u.role,
        status: u.status,
        password_hash: u.passwordHash,
        mfa_secret: null,
        mfa_pending_secret: null,
        mfa_enabled_at: null,
        mfa_last_step: null,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
        last_active_at: toDbTime(now),
        invited_by: u.invitedBy ?? null,
      };
      const r = await k
        .insertInto('kite_user')
        .values(row)
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1 ? row : undefined;
    },
    async update(id, changes, now) {
      await k
        .updateTable('kite_user')
        .set({ ...changes, updated_at: toDbTime(now) })
        .where('id', '=', id)
        .execute();
    },
    async countActive(role) {
      const r = await k
        .selectFrom('kite_user')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('role', '=', role)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
