import { describe, expect, it } from 'vitest';
import { decide, invitableRoles, mayManageUser, ROLES, visibleRoles } from './policy';
import type { Access, Actor, UserAction } from './policy';
import type { Role } from '../../db/schema';

const actor = (role: Role, stage: Actor['stage'] = 'full', id = `${role}-1`): Actor => ({
  id,
  role,
  stage,
});

describe('decide', () => {
  it('lets anyone through a public route and nobody unsigned through the others', () => {
    expect(decide('public', null)).toEqual({ ok: true });
    for (const access of ['session', 'enrolling', 'account', ['admin']] as Access[]) {
      expect(decide(access, null)).toEqual({ ok: false, status: 401, code: 'unauthenticated' });
    }
  });

  it('holds a half-signed-in session (password only) to the code step and sign-out', () => {
    const half = actor('teacher', 'mfa');
    expect(decide('session', half).ok).toBe(true);
    for (const access of ['enrolling', 'account', ['teacher']] as Access[]) {
      expect(decide(access, half)).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('holds a session that must enrol a second factor to the enrolment routes', () => {
    const enrol = actor('admin', 'enrol');
    expect(decide('enrolling', enrol).ok).toBe(true);
    expect(decide('account', enrol)).toEqual({ ok: false, status: 403, code: 'mfa_required' });
    expect(decide(['admin'], enrol)).toEqual({ ok: false, status: 403, code: 'mfa_required' });
  });

  it('lets a full session through by role', () => {
    for (const role of ROLES) {
      expect(decide('account', actor(role)).ok).toBe(true);
      expect(decide(['admin'], actor(role)).ok).toBe(role === 'admin');
      expect(decide(['admin', 'coordinator'], actor(role)).ok).toBe(
        role === 'admin' || role === 'coordinator',
      );
    }
  });
});

describe('mayManageUser', () => {
  const target = (role: Role, id = `${role}-9`) => ({ id, role, status: 'active' as const });
  const actions: UserAction[] = ['view', 'approve', 'disable', 'set_role'];

  it('lets an admin manage everyone but themselves (they may only view themselves)', () => {
    const admin = actor('admin');
    for (const role of ROLES) {
      for (const a of actions) expect(mayManageUser(admin, target(role), a)).toBe(true);
    }
    for (const a of actions) {
      expect(mayManageUser(admin, target('admin', admin.id), a)).toBe(a === 'view');
    }
  });

  it('lets a coordinator see and approve companies only', () => {
    const co = actor('coordinator');
    for (const role of ROLES) {
      for (const a of actions) {
        expect(mayManageUser(co, target(role), a), `${role} ${a}`).toBe(
          role === 'company' && (a === 'view' || a === 'approve'),
        );
      }
    }
  });

  it('lets teachers, parents and companies manage nobody, and nobody before the second step', () => {
    for (const role of ['teacher', 'parent', 'company'] as Role[]) {
      for (const t of ROLES)
        for (const a of actions) expect(mayManageUser(actor(role), target(t), a)).toBe(false);
    }
    expect(mayManageUser(actor('admin', 'mfa'), target('parent'), 'view')).toBe(false);
  });

  it('says who may invite and list whom', () => {
    expect(invitableRoles(actor('admin'))).toEqual(ROLES);
    expect(invitableRoles(actor('coordinator'))).toEqual(['company']);
    expect(invitableRoles(actor('teacher'))).toEqual([]);
    expect(invitableRoles(actor('admin', 'enrol'))).toEqual([]);
    expect(visibleRoles(actor('coordinator'))).toEqual(['company']);
    expect(visibleRoles(actor('parent'))).toEqual([]);
  });
});
