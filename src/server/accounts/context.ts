import type { Db } from '../../db/connect';
import { rateLimitCounters } from '../../db/rate-limit';
import { auditLog } from './audit';
import type { AuditLog } from './audit';
import type { Mailer } from './mailer';
import { noMailer } from './mailer';
import { oneTimeTokens } from './one-time-tokens';
import type { OneTimeTokens } from './one-time-tokens';
import { passwordHasher, PRODUCTION_ARGON2 } from './passwords';
import type { Argon2Cost, PasswordHasher } from './passwords';
import { sessions, SESSION_TIMING } from './sessions';
import type { SessionTiming, Sessions } from './sessions';
import { throttle } from './throttle';
import type { Throttle } from './throttle';
import { users } from './users';
import type { Users } from './users';

/** What the account services need; built once per app. */
export interface AccountsContext {
  readonly db: Db;
  readonly now: () => number;
  readonly users: Users;
  readonly sessions: Sessions;
  readonly tokens: OneTimeTokens;
  readonly audit: AuditLog;
  readonly throttle: Throttle;
  readonly hasher: PasswordHasher;
  readonly mailer: Mailer;
  /** Where links in mails point (`https://kite.example.org`); absent: links are relative. */
  readonly publicUrl: string | undefined;
  /** The issuer name authenticator apps show. */
  readonly issuer: string;
}

export interface AccountsOptions {
  readonly now?: () => number;
  readonly argon2?: Argon2Cost;
  /** A hasher to use instead of one made from `argon2` (tests count its calls). */
  readonly hasher?: PasswordHasher;
  readonly mailer?: Mailer;
  readonly publicUrl?: string | undefined;
  readonly sessionTiming?: SessionTiming;
}

export function accountsContext(db: Db, o: AccountsOptions = {}): AccountsContext {
  return {
    db,
    now: o.now ?? Date.now,
    users: users(db),
    sessions: sessions(db, o.sessionTiming ?? SESSION_TIMING),
    tokens: oneTimeTokens(db),
    audit: auditLog(db),
    throttle: throttle(rateLimitCounters(db)),
    hasher: o.hasher ?? passwordHasher(o.argon2 ?? PRODUCTION_ARGON2),
    mailer: o.mailer ?? noMailer,
    publicUrl: o.publicUrl?.replace(/\/+$/, ''),
    issuer: 'Kite',
  };
}

/** The address of an app page carrying a one-time token in its fragment (never sent to a server). */
export function pageLink(ctx: AccountsContext, path: string, token: string): string {
  return `${ctx.publicUrl ?? ''}${path}#token=${token}`;
}
