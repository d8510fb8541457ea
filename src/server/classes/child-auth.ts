// Children's sign-in (SEC-04, docs/classes.md): class code → nickname → three pictures, on any
// device, throttled; a signed-in device keeps a long-lived, revocable credential for that child.

import type { Kysely } from 'kysely';
import { credentialByHash } from '../../db/device-credentials';
import type { CredentialRow } from '../../db/device-credentials';
import type { Runner } from '../../db/raw-sql';
import type { Database } from '../../db/schema';
import { fromDbTime, toDbTime } from '../../db/time';
import type { Band } from '../../engine';
import { HttpError } from '../http/errors';
import { randomToken, sameSecret, tokenHash } from '../accounts/tokens';
import type { ThrottleKey, ThrottleRule } from '../accounts/throttle';
import { PER_CLIENT } from '../accounts/throttle';
import type { ClassesContext } from './context';
import { normalizeClassCode } from './codes';
import { picturesOf } from './roster';
import { erasedForGood } from './sync';

/** Wrong class codes from one client address: enough for a class typing with small fingers. */
export const CODE_TRIES: ThrottleRule = {
  allowed: 20,
  baseWindowMs: 5 * 60_000,
  maxWindowMs: 60 * 60_000,
};
/** Wrong pictures for one child: stricter than adults' passwords, since there are 1,320 sequences. */
export const PICTURE_TRIES: ThrottleRule = {
  allowed: 5,
  baseWindowMs: 15 * 60_000,
  maxWindowMs: 4 * 60 * 60_000,
};

const codeKeys = (client: string): ThrottleKey[] => [
  { scope: 'child-code', key: client, rule: CODE_TRIES },
];
const pictureKeys = (learner: string, client: string): ThrottleKey[] => [
  { scope: 'child-pictures', key: learner, rule: PICTURE_TRIES },
  { scope: 'child-pictures-client', key: client, rule: PER_CLIENT },
];

async function refuseWhileThrottled(ctx: ClassesContext, keys: ThrottleKey[]): Promise<void> {
  const wait = await ctx.throttle.waitMs(keys, ctx.now());
  if (wait > 0) {
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    throw new HttpError(429, 'throttled', 'Too many tries. Ask your teacher for help', {
      'retry-after': String(seconds),
    });
  }
}

const wrongCode = () =>
  new HttpError(404, 'class_not_found', 'No class has this code. Check the card and try again');

async function classByCode(ctx: ClassesContext, typed: string, client: string) {
  await refuseWhileThrottled(ctx, codeKeys(client));
  const code = normalizeClassCode(typed);
  const cls = code
    ? await ctx.db.kysely
        .selectFrom('kite_class')
        .select(['id', 'name', 'band', 'lang'])
        .where('code', '=', code)
        .executeTakeFirst()
    : undefined;
  if (!cls) {
    await ctx.throttle.fail(codeKeys(client), ctx.now());
    throw wrongCode();
  }
  return cls;
}

/** The first step: the class of a code and its children's nicknames and avatars. */
export async function lookUpClass(ctx: ClassesContext, code: string, client: string) {
  const cls = await classByCode(ctx, code, client);
  const children = await ctx.db.kysely
    .selectFrom('kite_learner')
    .select(['id', 'nickname', 'avatar'])
    .where('class_id', '=', cls.id)
    .orderBy('nickname')
    .execute();
  return { class: { name: cls.name, band: cls.band as Band, lang: cls.lang }, children };
}

export interface ChildLearner {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly band: Band;
  readonly lang: string;
  readonly epoch: number;
}

/** Signs a child in with their pictures; answers a new device token (shown once). */
export async function signInChild(
  ctx: ClassesContext,
  input: { code: string; learner: string; pictures: readonly string[] },
  client: string,
): Promise<{ token: string; learner: ChildLearner }> {
  const cls = await classByCode(ctx, input.code, client);
  const keys = pictureKeys(input.learner, client);
  await refuseWhileThrottled(ctx, keys);
  const row = await ctx.db.kysely
    .selectFrom('kite_learner')
    .selectAll()
    .where('id', '=', input.learner)
    .where('class_id', '=', cls.id)
    .executeTakeFirst();
  const stored = row ? picturesOf(row).join(' ') : '';
  if (!row || stored === '' || !sameSecret(stored, input.pictures.join(' '))) {
    await ctx.throttle.fail(keys, ctx.now());
    await ctx.audit.record(
      { event: 'child.signin', outcome: 'fail', subjectId: row?.id ?? null },
      ctx.now(),
    );
    throw new HttpError(401, 'wrong_pictures', 'These are not your pictures. Try again');
  }
  const token = await issueDeviceCredential(ctx, row.id);
  await ctx.audit.record({ event: 'child.signin', outcome: 'ok', subjectId: row.id }, ctx.now());
  return { token, learner: learnerOf(row) };
}

export function learnerOf(row: {
  id: string;
  nickname: string;
  avatar: string;
  band: string;
  lang: string;
  epoch: number;
}): ChildLearner {
  return {
    id: row.id,
    nickname: row.nickname,
    avatar: row.avatar,
    band: row.band as Band,
    lang: row.lang,
    epoch: Number(row.epoch),
  };
}

/** A new device credential for a learner: 32 random bytes; only the SHA-256 is stored. */
export async function issueDeviceCredential(ctx: ClassesContext, learnerId: string) {
  const token = randomToken(32);
  const now = toDbTime(ctx.now());
  await ctx.db.kysely
    .insertInto('kite_device_credential')
    .values({
      token_hash: tokenHash(token),
      learner_id: learnerId,
      created_at: now,
      last_used_at: now,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** How often a credential's `last_used_at` is written (it feeds the inactivity purge). */
const TOUCH_EVERY_MS = 60 * 60_000;

/**
 * The learner a device token speaks for, or an error: 401 for an unknown or revoked token, 410
 * for a learner erased for good (the device must forget them).
 */
export async function learnerOfToken(ctx: ClassesContext, token: string): Promise<string> {
  if (token.length > 100) throw new HttpError(401, 'unauthenticated', 'Sign in first');
  const hash = tokenHash(token);
  // PostgreSQL: the checks that wait together go as one statement (pg-sync-groups.ts).
  if (ctx.syncGroups)
    return checked(ctx, hash, await ctx.syncGroups.credential(hash), ctx.db.kysely);
  // SQLite: inside the transaction of the syncs that arrive together (group-commit.ts). A
  // statement alone starts and ends a read transaction of its own (locks in the log's shared
  // index and a look at the file), which cost more than the lookup (docs/classes.md).
  const check = async (db: Kysely<Database>, raw: Runner) =>
    checked(ctx, hash, await credentialByHash(raw, ctx.db.dialect, hash), db);
  return ctx.db.groupCommit ? ctx.db.groupCommit.run(check) : check(ctx.db.kysely, ctx.db.kysely);
}

/** The learner of a credential as found, or the error; its last use written once an hour. */
async function checked(
  ctx: ClassesContext,
  hash: string,
  row: CredentialRow | undefined,
  db: Kysely<Database>,
): Promise<string> {
  if (!row) {
    throw new HttpError(401, 'unauthenticated', 'This device is not signed in');
  }
  if (row.erased_at !== null) throw erasedForGood();
  if (row.revoked_at !== null) {
    throw new HttpError(401, 'device_signed_out', 'This device was signed out. Sign in again');
  }
  const now = ctx.now();
  if (now - fromDbTime(row.last_used_at) >= TOUCH_EVERY_MS) {
    await db
      .updateTable('kite_device_credential')
      .set({ last_used_at: toDbTime(now) })
      .where('token_hash', '=', hash)
      .execute();
    await db
      .updateTable('kite_learner')
      .set({ last_active_at: toDbTime(now) })
      .where('id', '=', row.learner_id)
      .execute();
  }
  return row.learner_id;
}

/** Signs this device out (the child's "not you?" on a shared device). */
export async function signOutDevice(ctx: ClassesContext, token: string): Promise<void> {
  await ctx.db.kysely
    .updateTable('kite_device_credential')
    .set({ revoked_at: toDbTime(ctx.now()) })
    .where('token_hash', '=', tokenHash(token))
    .where('revoked_at', 'is', null)
    .execute();
}
