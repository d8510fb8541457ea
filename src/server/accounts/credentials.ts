// Signing up, in and out; email verification, password reset, invitations and the first
// admin. Each answer is the same whether or not an account exists, and each path spends an
// Argon2 computation either way (a dummy hash for an unknown email), so neither the answer nor
// its timing tells an attacker which emails have accounts.

import type { Role, SessionStage } from '../../db/schema';
import { HttpError } from '../http/errors';
import type { AccountsContext } from './context';
import { pageLink } from './context';
import { minimumLength, passwordProblem } from './passwords';
import type { PasswordProblem } from './passwords';
import { MFA_REQUIRED } from './policy';
import { PER_ACCOUNT, PER_CLIENT } from './throttle';
import type { ThrottleKey } from './throttle';
import type { Mail } from './mailer';
import { acceptTotp, isRecoveryCodeShape, recoveryCodeHash } from './totp';
import { normalizeEmail, publicUser } from './users';
import type { PublicUser, UserRow } from './users';
import { toDbTime } from '../../db/time';

/** Who is asking: the client address (for throttling) and the browser's label. */
export interface Client {
  readonly ip: string;
  readonly device: string;
}

export interface SignedIn {
  readonly user: PublicUser;
  readonly stage: SessionStage;
  /** For the cookie. */
  readonly token: string;
  readonly sessionId: string;
}

const PASSWORD_MESSAGES: Readonly<Record<Exclude<PasswordProblem, 'too_short'>, string>> = {
  too_long: 'Choose a password of at most 200 characters',
  too_weak:
    'This password is too easy to guess (a common password, a word, or close to your name or email); try a few unrelated words',
};

/**
 * Refuses a weak new password with `weak_password` and a message in words. `secondFactor`:
 * whether the account has (or, by its role, must have) a second factor, which sets the
 * shortest length (SEC-03).
 */
export async function requireStrongPassword(
  password: string,
  personal: readonly string[],
  secondFactor: boolean,
) {
  const min = minimumLength(secondFactor);
  const problem = await passwordProblem(password, personal, min);
  if (problem === 'too_short') {
    throw new HttpError(
      400,
      'weak_password',
      `Choose a password of at least ${min} characters; a few words together work well`,
    );
  }
  if (problem) throw new HttpError(400, 'weak_password', PASSWORD_MESSAGES[problem]);
}

/** Whether an account of `role` has, or must have, a second factor. */
export function hasSecondFactor(role: Role, mfaSecret: string | null): boolean {
  return MFA_REQUIRED.has(role) || mfaSecret !== null;
}

function throttled(waitMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError(
    429,
    'throttled',
    `Too many tries. Wait ${seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`} and try again`,
    { 'retry-after': String(seconds) },
  );
}

async function checkThrottle(ctx: AccountsContext, keys: readonly ThrottleKey[], now: number) {
  const wait = await ctx.throttle.waitMs(keys, now);
  if (wait > 0) {
    await ctx.audit.record(
      { event: 'throttled', outcome: 'fail', detail: { scope: keys[0]!.scope } },
      now,
    );
    throw throttled(wait);
  }
}

/**
 * Sends a mail; a failure (an SMTP server down) is recorded in the security log and does not
 * change the answer: the account or link already exists, and the same request is never a 500.
 * The person can ask again (a new link) or an admin can act through the CLI.
 */
async function deliver(ctx: AccountsContext, mail: Mail): Promise<void> {
  try {
    await ctx.mailer.send(mail);
  } catch {
    await ctx.audit.record(
      { event: 'mail.failed', outcome: 'fail', detail: { kind: mail.kind } },
      ctx.now(),
    );
  }
}

const badCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'The email or the password is not right');

// ---- sign-up and verification -----------------------------------------------------------

export interface SignupInput {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly role: Role;
}

export type SignupStatus = 'verify_email' | 'pending_approval';

export async function signup(
  ctx: AccountsContext,
  input: SignupInput,
  client: Client,
): Promise<SignupStatus> {
  const now = ctx.now();
  await checkThrottle(ctx, [{ scope: 'signup', key: client.ip, rule: PER_CLIENT }], now);
  await requireStrongPassword(
    input.password,
    [input.email, input.displayName],
    MFA_REQUIRED.has(input.role),
  );
  // Hashed before looking the email up, so a taken email costs the same.
  const passwordHash = await ctx.hasher.hash(input.password);
  const needsApproval = input.role === 'company' || !ctx.mailer.delivers;
  const status: SignupStatus = ctx.mailer.delivers ? 'verify_email' : 'pending_approval';
  const created = await ctx.users.create(
    {
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      status: ctx.mailer.delivers ? 'unverified' : 'pending_approval',
      passwordHash,
    },
    now,
  );
  await ctx.throttle.fail([{ scope: 'signup', key: client.ip, rule: PER_CLIENT }], now);
  if (!created) {
    // The address has an account: tell its owner, and answer as for a new one.
    if (ctx.mailer.delivers) {
      await deliver(ctx, {
        to: normalizeEmail(input.email),
        kind: 'signup_taken',
        values: { link: `${ctx.publicUrl ?? ''}/account/signin` },
      });
    }
    return status;
  }
  await ctx.audit.record(
    {
      event: 'signup',
      outcome: 'ok',
      actorId: created.id,
      subjectId: created.id,
      detail: { role: input.role, approval: needsApproval },
    },
    now,
  );
  if (ctx.mailer.delivers) {
    const token = await ctx.tokens.issue(
      {
        kind: 'verify_email',
        userId: created.id,
        email: created.email,
        role: null,
        createdBy: null,
      },
      now,
    );
    await deliver(ctx, {
      to: created.email,
      kind: 'verify_email',
      values: { name: created.display_name, link: pageLink(ctx, '/account/verify', token) },
    });
  }
  return status;
}

export async function verifyEmail(
  ctx: AccountsContext,
  token: string,
): Promise<'active' | 'pending_approval'> {
  const now = ctx.now();
  const t = await ctx.tokens.consume(token, 'verify_email', now);
  const user = t?.userId ? await ctx.users.byId(t.userId) : undefined;
  if (!user || user.status !== 'unverified') {
    throw new HttpError(
      400,
      'token_invalid',
      'This link has expired or was already used; sign in, or ask for a new one',
    );
  }
  // A company's access is a request a coordinator approves (GOV-03).
  const status = user.role === 'company' ? 'pending_approval' : 'active';
  await ctx.users.update(user.id, { status }, now);
  await ctx.audit.record(
    { event: 'email.verified', outcome: 'ok', actorId: user.id, subjectId: user.id },
    now,
  );
  return status;
}

// ---- sign-in ---------------------------------------------------------------------------

export interface SigninInput {
  readonly email: string;
  readonly password: string;
}

function stageFor(user: UserRow): SessionStage {
  if (user.mfa_secret) return 'mfa';
  return MFA_REQUIRED.has(user.role) ? 'enrol' : 'full';
}

export async function signin(
  ctx: AccountsContext,
  input: SigninInput,
  client: Client,
): Promise<SignedIn> {
  const now = ctx.now();
  const email = normalizeEmail(input.email);
  const keys: ThrottleKey[] = [
    { scope: 'signin', key: email, rule: PER_ACCOUNT },
    { scope: 'signin', key: client.ip, rule: PER_CLIENT },
  ];
  await checkThrottle(ctx, keys, now);
  const user = await ctx.users.byEmail(email);
  const ok = user
    ? await ctx.hasher.verify(user.password_hash, input.password)
    : await ctx.hasher.verifyDummy(input.password);
  if (!user || !ok) {
    await ctx.throttle.fail(keys, now);
    await ctx.audit.record(
      {
        event: 'signin',
        outcome: 'fail',
        subjectId: user?.id ?? null,
        detail: { reason: 'credentials' },
      },
      now,
    );
    throw badCredentials();
  }
  if (user.status !== 'active') {
    // The password was right, so saying why does not help a guesser.
    await ctx.audit.record(
      { event: 'signin', outcome: 'fail', subjectId: user.id, detail: { reason: user.status } },
      now,
    );
    throw new HttpError(
      403,
      'account_pending',
      user.status === 'unverified'
        ? 'Confirm your email address first: open the link in the mail we sent'
        : user.status === 'pending_approval'
          ? 'Your account is waiting for approval by the people who run Kite here'
          : 'This account is switched off; ask the people who run Kite here',
    );
  }
  if (ctx.hasher.needsRehash(user.password_hash)) {
    await ctx.users.update(user.id, { password_hash: await ctx.hasher.hash(input.password) }, now);
  }
  const stage = stageFor(user);
  const { id, token } = await ctx.sessions.create(user.id, stage, client.device, now);
  await ctx.users.update(user.id, { last_active_at: toDbTime(now) }, now);
  await ctx.audit.record(
    { event: 'signin', outcome: 'ok', actorId: user.id, subjectId: user.id, detail: { stage } },
    now,
  );
  return { user: publicUser(user), stage, token, sessionId: id };
}

/** The second step: a TOTP code or a recovery code for a session at the `mfa` stage. */
export async function signinMfa(
  ctx: AccountsContext,
  session: { id: string; userId: string },
  code: string,
  client: Client,
): Promise<SignedIn> {
  const now = ctx.now();
  const keys: ThrottleKey[] = [
    { scope: 'mfa', key: session.userId, rule: PER_ACCOUNT },
    { scope: 'mfa', key: client.ip, rule: PER_CLIENT },
  ];
  await checkThrottle(ctx, keys, now);
  const user = await ctx.users.byId(session.userId);
  if (!user?.mfa_secret) throw new HttpError(400, 'mfa_not_set', 'This account has no second step');
  const used = await checkSecondFactor(ctx, user, code, now);
  if (!used) {
    await ctx.throttle.fail(keys, now);
    await ctx.audit.record({ event: 'signin.mfa', outcome: 'fail', subjectId: user.id }, now);
    throw new HttpError(
      401,
      'mfa_invalid',
      'That code is not right; codes change every 30 seconds',
    );
  }
  // A new session for the full sign-in: the token that passed only the password ends.
  await ctx.sessions.revoke(user.id, session.id);
  const { id, token } = await ctx.sessions.create(user.id, 'full', client.device, now);
  await ctx.audit.record(
    {
      event: used === 'recovery' ? 'mfa.recovery_used' : 'signin.mfa',
      outcome: 'ok',
      actorId: user.id,
      subjectId: user.id,
    },
    now,
  );
  return { user: publicUser(user), stage: 'full', token, sessionId: id };
}

/**
 * Checks a TOTP code (once per time step) or an unused recovery code (used up by this check).
 * Returns which matched, or null.
 */
export async function checkSecondFactor(
  ctx: AccountsContext,
  user: UserRow,
  code: string,
  now: number,
): Promise<'totp' | 'recovery' | null> {
  const input = code.replace(/\s/g, '');
  if (user.mfa_secret && /^\d{6}$/.test(input)) {
    const last = user.mfa_last_step === null ? null : Number(user.mfa_last_step);
    const step = await acceptTotp(user.mfa_secret, input, now, last);
    if (step === null) return null;
    await ctx.users.update(user.id, { mfa_last_step: step }, now);
    return 'totp';
  }
  if (isRecoveryCodeShape(input)) {
    const r = await ctx.db.kysely
      .updateTable('kite_recovery_code')
      .set({ used_at: toDbTime(now) })
      .where('user_id', '=', user.id)
      .where('code_hash', '=', recoveryCodeHash(input))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'recovery' : null;
  }
  return null;
}

// ---- password reset -----------------------------------------------------------------------

export async function requestReset(
  ctx: AccountsContext,
  email: string,
  client: Client,
): Promise<void> {
  const now = ctx.now();
  const e = normalizeEmail(email);
  const keys: ThrottleKey[] = [
    {
      scope: 'reset',
      key: e,
      rule: { allowed: 3, baseWindowMs: 15 * 60_000, maxWindowMs: 24 * 60 * 60_000 },
    },
    { scope: 'reset', key: client.ip, rule: PER_CLIENT },
  ];
  await checkThrottle(ctx, keys, now);
  // Every request counts, found or not: the limit is on mails sent to one address.
  await ctx.throttle.fail(keys, now);
  const user = await ctx.users.byEmail(e);
  await ctx.audit.record(
    {
      event: 'password.reset_requested',
      outcome: user ? 'ok' : 'fail',
      subjectId: user?.id ?? null,
    },
    now,
  );
  if (!user || user.status === 'disabled' || !ctx.mailer.delivers) return;
  const token = await ctx.tokens.issue(
    { kind: 'reset_password', userId: user.id, email: user.email, role: null, createdBy: null },
    now,
  );
  await deliver(ctx, {
    to: user.email,
    kind: 'reset_password',
    values: { name: user.display_name, link: pageLink(ctx, '/account/reset', token) },
  });
}

/** Issues a reset link without mail (the CLI, for deployments without SMTP). */
export async function issueResetLink(
  ctx: AccountsContext,
  email: string,
  byAdmin: string | null,
): Promise<string | null> {
  const now = ctx.now();
  const user = await ctx.users.byEmail(email);
  if (!user) return null;
  const token = await ctx.tokens.issue(
    { kind: 'reset_password', userId: user.id, email: user.email, role: null, createdBy: byAdmin },
    now,
  );
  await ctx.audit.record(
    {
      event: 'password.reset_requested',
      outcome: 'ok',
      actorId: byAdmin,
      subjectId: user.id,
      detail: { via: 'cli' },
    },
    now,
  );
  return pageLink(ctx, '/account/reset', token);
}

export async function resetPassword(
  ctx: AccountsContext,
  token: string,
  password: string,
): Promise<void> {
  const now = ctx.now();
  const facts = await ctx.tokens.peek(token, 'reset_password', now);
  const user = facts?.userId ? await ctx.users.byId(facts.userId) : undefined;
  if (!user)
    throw new HttpError(
      400,
      'token_invalid',
      'This link has expired or was already used; ask for a new one',
    );
  await requireStrongPassword(
    password,
    [user.email, user.display_name],
    hasSecondFactor(user.role, user.mfa_secret),
  );
  if (!(await ctx.tokens.consume(token, 'reset_password', now))) {
    throw new HttpError(
      400,
      'token_invalid',
      'This link has expired or was already used; ask for a new one',
    );
  }
  const changes = { password_hash: await ctx.hasher.hash(password) } as const;
  // Opening the mailed link proves the address, so an unverified account becomes verified.
  await ctx.users.update(
    user.id,
    user.status === 'unverified' && user.role !== 'company'
      ? { ...changes, status: 'active' }
      : changes,
    now,
  );
  await ctx.sessions.revokeAll(user.id);
  await ctx.audit.record({ event: 'password.reset', outcome: 'ok', subjectId: user.id }, now);
}

// ---- invitations and the first admin ---------------------------------------------------------

export async function invite(
  ctx: AccountsContext,
  /** The inviting person; `null` for the console (`npm run kite -- invite`). */
  by: { id: string | null },
  email: string,
  role: Role,
): Promise<{ link: string; mailed: boolean }> {
  const now = ctx.now();
  if (await ctx.users.byEmail(email)) {
    throw new HttpError(409, 'email_taken', 'This email address already has an account');
  }
  const token = await ctx.tokens.issue(
    { kind: 'invite', userId: null, email: normalizeEmail(email), role, createdBy: by.id },
    now,
  );
  const link = pageLink(ctx, '/account/invite', token);
  await ctx.audit.record(
    { event: 'invite.created', outcome: 'ok', actorId: by.id, detail: { role } },
    now,
  );
  if (ctx.mailer.delivers) {
    await deliver(ctx, { to: normalizeEmail(email), kind: 'invite', values: { role, link } });
  }
  return { link, mailed: ctx.mailer.delivers };
}

export async function acceptInvite(
  ctx: AccountsContext,
  token: string,
  displayName: string,
  password: string,
): Promise<PublicUser> {
  const now = ctx.now();
  const facts = await ctx.tokens.peek(token, 'invite', now);
  if (!facts?.email || !facts.role) {
    throw new HttpError(
      400,
      'token_invalid',
      'This invitation has expired or was already used; ask for a new one',
    );
  }
  await requireStrongPassword(password, [facts.email, displayName], MFA_REQUIRED.has(facts.role));
  const passwordHash = await ctx.hasher.hash(password);
  if (!(await ctx.tokens.consume(token, 'invite', now))) {
    throw new HttpError(
      400,
      'token_invalid',
      'This invitation has expired or was already used; ask for a new one',
    );
  }
  const user = await ctx.users.create(
    {
      email: facts.email,
      displayName,
      role: facts.role,
      status: 'active',
      passwordHash,
      invitedBy: facts.createdBy,
    },
    now,
  );
  if (!user)
    throw new HttpError(
      409,
      'email_taken',
      'This email address already has an account; sign in instead',
    );
  await ctx.audit.record(
    {
      event: 'invite.accepted',
      outcome: 'ok',
      actorId: user.id,
      subjectId: user.id,
      detail: { role: user.role },
    },
    now,
  );
  return publicUser(user);
}

/** Creates an admin directly (the CLI) or through the one-time setup link. */
export async function createAdmin(
  ctx: AccountsContext,
  input: { email: string; displayName: string; password: string },
): Promise<PublicUser> {
  const now = ctx.now();
  await requireStrongPassword(input.password, [input.email, input.displayName], true);
  const user = await ctx.users.create(
    {
      email: input.email,
      displayName: input.displayName,
      role: 'admin',
      status: 'active',
      passwordHash: await ctx.hasher.hash(input.password),
    },
    now,
  );
  if (!user) throw new HttpError(409, 'email_taken', 'This email address already has an account');
  await ctx.audit.record({ event: 'admin.created', outcome: 'ok', subjectId: user.id }, now);
  return publicUser(user);
}

export async function setupAdmin(
  ctx: AccountsContext,
  token: string,
  input: { email: string; displayName: string; password: string },
): Promise<PublicUser> {
  const now = ctx.now();
  if (!(await ctx.tokens.peek(token, 'setup', now)) || (await ctx.users.countActive('admin')) > 0) {
    throw new HttpError(
      400,
      'token_invalid',
      'This setup link has expired or was already used; use `npm run kite -- admin create`',
    );
  }
  await requireStrongPassword(input.password, [input.email, input.displayName], true);
  if (!(await ctx.tokens.consume(token, 'setup', now))) {
    throw new HttpError(400, 'token_invalid', 'This setup link has expired or was already used');
  }
  return createAdmin(ctx, input);
}

/**
 * At start: when no admin exists and no setup link is alive, a new one (24 hours), which the
 * caller writes to the console, outside the JSON log. `waiting` when a link printed earlier is
 * still alive (it is not shown again: only its hash is kept); `none` when an admin exists.
 */
export async function setupLinkIfNeeded(
  ctx: AccountsContext,
): Promise<{ link: string } | 'waiting' | 'none'> {
  const now = ctx.now();
  if ((await ctx.users.countActive('admin')) > 0) return 'none';
  if (await ctx.tokens.anyLive('setup', now)) return 'waiting';
  const token = await ctx.tokens.issue(
    { kind: 'setup', userId: null, email: null, role: 'admin', createdBy: null },
    now,
  );
  return { link: pageLink(ctx, '/account/setup', token) };
}
