// What a signed-in person does with their own account: name, password, second factor, sessions.

import QRCode from 'qrcode';
import { HttpError } from '../http/errors';
import type { AccountsContext } from './context';
import { checkSecondFactor, hasSecondFactor, requireStrongPassword } from './credentials';
import { PASSWORD_MIN_SINGLE_FACTOR } from './passwords';
import { MFA_REQUIRED } from './policy';
import { toDbTime } from '../../db/time';
import { acceptTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './totp';
import { publicUser } from './users';
import type { PublicUser, UserRow } from './users';

export interface Me {
  readonly userId: string;
  readonly sessionId: string;
}

async function load(ctx: AccountsContext, me: Me): Promise<UserRow> {
  const user = await ctx.users.byId(me.userId);
  if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in again');
  return user;
}

async function requirePassword(ctx: AccountsContext, user: UserRow, password: string) {
  if (!(await ctx.hasher.verify(user.password_hash, password))) {
    throw new HttpError(400, 'password_incorrect', 'Your current password is not right');
  }
}

export async function me(ctx: AccountsContext, m: Me): Promise<PublicUser> {
  return publicUser(await load(ctx, m));
}

export async function rename(
  ctx: AccountsContext,
  m: Me,
  displayName: string,
): Promise<PublicUser> {
  const now = ctx.now();
  await ctx.users.update(m.userId, { display_name: displayName }, now);
  return publicUser(await load(ctx, m));
}

/** Changes the password; every other session ends, and this one gets a new token. */
export async function changePassword(
  ctx: AccountsContext,
  m: Me,
  current: string,
  next: string,
  device: string,
): Promise<{ token: string }> {
  const now = ctx.now();
  const user = await load(ctx, m);
  await requirePassword(ctx, user, current);
  await requireStrongPassword(
    next,
    [user.email, user.display_name],
    hasSecondFactor(user.role, user.mfa_secret),
  );
  await ctx.users.update(user.id, { password_hash: await ctx.hasher.hash(next) }, now);
  await ctx.sessions.revokeAll(user.id);
  const { token } = await ctx.sessions.create(user.id, 'full', device, now);
  await ctx.audit.record(
    { event: 'password.changed', outcome: 'ok', actorId: user.id, subjectId: user.id },
    now,
  );
  return { token };
}

// ---- second factor ------------------------------------------------------------------------

export async function mfaSetup(
  ctx: AccountsContext,
  m: Me,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const now = ctx.now();
  const user = await load(ctx, m);
  if (user.mfa_secret)
    throw new HttpError(
      400,
      'bad_request',
      'Two-step sign-in is already on; switch it off first to change the app',
    );
  const secret = newTotpSecret();
  await ctx.users.update(user.id, { mfa_pending_secret: secret }, now);
  const uri = totpUri(secret, user.email, ctx.issuer);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * Turns the second factor on when the code from the app is right; returns ten recovery codes,
 * shown once. A session that was waiting to enrol becomes a full one (a new token).
 */
export async function mfaConfirm(
  ctx: AccountsContext,
  m: Me,
  code: string,
  device: string,
): Promise<{ recoveryCodes: string[]; token: string | null }> {
  const now = ctx.now();
  const user = await load(ctx, m);
  if (!user.mfa_pending_secret)
    throw new HttpError(400, 'mfa_not_set', 'Start again: the set-up step has not been done');
  const step = await acceptTotp(user.mfa_pending_secret, code.replace(/\s/g, ''), now, null);
  if (step === null)
    throw new HttpError(
      400,
      'mfa_invalid',
      'That code is not right; check the clock of your phone and try the newest code',
    );
  await ctx.users.update(
    user.id,
    {
      mfa_secret: user.mfa_pending_secret,
      mfa_pending_secret: null,
      mfa_enabled_at: toDbTime(now),
      mfa_last_step: step,
    },
    now,
  );
  const recoveryCodes = await replaceRecoveryCodes(ctx, user.id);
  await ctx.audit.record(
    { event: 'mfa.enabled', outcome: 'ok', actorId: user.id, subjectId: user.id },
    now,
  );
  // Every session now rests on the old, weaker sign-in: end them and start a full one.
  await ctx.sessions.revokeAll(user.id);
  const { token } = await ctx.sessions.create(user.id, 'full', device, now);
  return { recoveryCodes, token };
}

async function replaceRecoveryCodes(ctx: AccountsContext, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await tx.deleteFrom('kite_recovery_code').where('user_id', '=', userId).execute();
    await tx
      .insertInto('kite_recovery_code')
      .values(
        codes.map((c) => ({ user_id: userId, code_hash: recoveryCodeHash(c), used_at: null })),
      )
      .execute();
  });
  return codes;
}

export async function mfaDisable(ctx: AccountsContext, m: Me, password: string): Promise<void> {
  const now = ctx.now();
  const user = await load(ctx, m);
  if (MFA_REQUIRED.has(user.role)) {
    throw new HttpError(
      403,
      'mfa_required',
      'Your role needs two-step sign-in; it cannot be switched off',
    );
  }
  await requirePassword(ctx, user, password);
  if ([...password].length < PASSWORD_MIN_SINGLE_FACTOR) {
    throw new HttpError(
      400,
      'weak_password',
      `Without two-step sign-in a password needs at least ${PASSWORD_MIN_SINGLE_FACTOR} characters: choose a longer one first, then switch it off`,
    );
  }
  await ctx.users.update(
    user.id,
    { mfa_secret: null, mfa_pending_secret: null, mfa_enabled_at: null, mfa_last_step: null },
    now,
  );
  await ctx.db.kysely.deleteFrom('kite_recovery_code').where('user_id', '=', user.id).execute();
  await ctx.audit.record(
    { event: 'mfa.disabled', outcome: 'ok', actorId: user.id, subjectId: user.id },
    now,
  );
}

export async function regenerateRecoveryCodes(
  ctx: AccountsContext,
  m: Me,
  code: string,
): Promise<string[]> {
  const now = ctx.now();
  const user = await load(ctx, m);
  if (!user.mfa_secret) throw new HttpError(400, 'mfa_not_set', 'Two-step sign-in is off');
  if (!(await checkSecondFactor(ctx, user, code, now))) {
    throw new HttpError(400, 'mfa_invalid', 'That code is not right');
  }
  const codes = await replaceRecoveryCodes(ctx, user.id);
  await ctx.audit.record(
    { event: 'mfa.recovery_regenerated', outcome: 'ok', actorId: user.id, subjectId: user.id },
    now,
  );
  return codes;
}
