// Who may do what: the one place access is decided. Every route declares an `Access` (checked
// before its handler by the session guard); handlers that touch another person's record ask
// `mayManageUser`. A pure module: no I/O, so the table-driven tests read it directly.

import type { Role, SessionStage, UserStatus } from '../../db/schema';

export const ROLES: readonly Role[] = ['admin', 'coordinator', 'teacher', 'parent', 'company'];

/** Roles that must use a second factor (they see many children's or the nation's data). */
export const MFA_REQUIRED: ReadonlySet<Role> = new Set<Role>(['admin', 'coordinator', 'teacher']);

/** Roles a person may give themselves at sign-up (a company's sign-up is a request). */
export const SELF_SIGNUP: readonly Role[] = ['parent', 'teacher', 'company'];

/** The signed-in person, as the guard sees them. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly stage: SessionStage;
}

/**
 * What a route requires:
 * - `public`: anyone, signed in or not;
 * - `session`: any session, even one that has still to give its second factor (sign-out, the
 *   code step);
 * - `enrolling`: a session past its password and second factor, or one whose role requires a
 *   second factor it has not set up yet (the enrolment pages);
 * - `account`: a fully signed-in person of any role;
 * - a list of roles: a fully signed-in person with one of them.
 */
export type Access = 'public' | 'session' | 'enrolling' | 'account' | readonly Role[];

/** The outcome of a check: allowed, or the status and code to answer. */
export type Decision =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly code: 'unauthenticated' | 'forbidden' | 'mfa_required';
    };

const ALLOW: Decision = { ok: true };

export function decide(access: Access, actor: Actor | null): Decision {
  if (access === 'public') return ALLOW;
  if (!actor) return { ok: false, status: 401, code: 'unauthenticated' };
  if (access === 'session') return ALLOW;
  if (actor.stage === 'mfa') return { ok: false, status: 401, code: 'unauthenticated' };
  if (access === 'enrolling') return ALLOW;
  if (actor.stage === 'enrol') return { ok: false, status: 403, code: 'mfa_required' };
  if (access === 'account') return ALLOW;
  return access.includes(actor.role) ? ALLOW : { ok: false, status: 403, code: 'forbidden' };
}

/** Actions on another person's account. */
export type UserAction = 'view' | 'approve' | 'disable' | 'set_role';

/** The account acted on. */
export interface TargetUser {
  readonly id: string;
  readonly role: Role;
  readonly status: UserStatus;
}

/**
 * Whether `actor` may act on `target`. Admins manage everyone but themselves (so an admin
 * cannot lock themselves out); coordinators see and approve companies only (GOV-03: the
 * national programme answers for companies, not for teachers or parents).
 */
export function mayManageUser(actor: Actor, target: TargetUser, action: UserAction): boolean {
  if (actor.stage !== 'full') return false;
  if (actor.role === 'admin') return action === 'view' || target.id !== actor.id;
  if (actor.role === 'coordinator') {
    return target.role === 'company' && (action === 'view' || action === 'approve');
  }
  return false;
}

/** Roles `actor` may invite: admins any role, coordinators companies. */
export function invitableRoles(actor: Actor): readonly Role[] {
  if (actor.stage !== 'full') return [];
  if (actor.role === 'admin') return ROLES;
  if (actor.role === 'coordinator') return ['company'];
  return [];
}

/** Roles whose accounts may see the user list and who the list shows. */
export function visibleRoles(actor: Actor): readonly Role[] {
  if (actor.role === 'admin') return ROLES;
  if (actor.role === 'coordinator') return ['company'];
  return [];
}
