import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/db/schema';
import { setupLinkIfNeeded } from '../../src/server/accounts/credentials';
import { totpCode } from '../../src/server/accounts/totp';
import { AccountClient } from './account-client';
import type { Outbox } from './account-client';
import { newPassword } from './new-password';

export { newPassword };

/**
 * Who an authorization test speaks of: nobody signed in, a signed-in person of a role, or a
 * child's device signed in with their pictures (a device credential, docs/classes.md).
 */
export const WHO = [
  'anonymous',
  'parent',
  'teacher',
  'coordinator',
  'admin',
  'company',
  'child',
] as const;

/** Whether `who` is an adult with an account (and so a person and a session). */
export const isAdult = (who: Who): who is Role => who !== 'anonymous' && who !== 'child';
export type Who = (typeof WHO)[number];

/** The app's clock, moved by the tests (TOTP codes are accepted once per 30-second step). */
export interface Clock {
  now: number;
}

/**
 * The wall clock as a {@link Clock}, for a server that keeps real time (the browser suites):
 * the TOTP codes People makes follow it, and moving it does nothing.
 */
export function wallClock(): Clock {
  return {
    get now() {
      return Date.now();
    },
    set now(_: number) {},
  };
}

/** An account made through the API, and what signing it in needs. */
export interface Person {
  readonly role: Role;
  readonly email: string;
  readonly displayName: string;
  password: string;
  id: string;
  /** The TOTP secret, once two-step sign-in is on. */
  secret: string | null;
  /** The time step of the last code given, so the next code waits for a newer step. */
  lastStep: number;
}

/** A person and a client signed in as them. */
export interface Signed {
  readonly person: Person;
  readonly client: AccountClient;
}

const STEP_MS = 30_000;

/**
 * Makes real accounts of every role through the API, as people would: the first admin with the
 * one-time setup link, admins, coordinators and teachers invited by the admin (and enrolled in
 * TOTP, which their roles require), parents and companies signing up and confirming their email
 * (a company then approved by a coordinator). Every client has its own address, so the
 * per-client throttles of one test do not add up across a suite.
 */
export class People {
  private made = 0;
  private clients = 0;
  private adminOp: Signed | undefined;
  private coordinatorOp: Signed | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly mail: Outbox,
    readonly clock: Clock,
  ) {}

  /** A new browser with its own client address. */
  client(): AccountClient {
    const n = ++this.clients;
    return new AccountClient(
      this.app,
      undefined,
      `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    );
  }

  /** A code from `p`'s authenticator app, moving the clock on when the last one used this step. */
  async code(p: Person): Promise<string> {
    const step = () => Math.floor(this.clock.now / STEP_MS);
    if (step() <= p.lastStep) this.clock.now = (p.lastStep + 1) * STEP_MS + 1_000;
    p.lastStep = step();
    return totpCode(p.secret!, this.clock.now);
  }

  /** The first admin (setup link) and a coordinator (invited), who make and approve the rest. */
  async bootstrap(): Promise<void> {
    const setup = await setupLinkIfNeeded(this.app.accounts);
    if (typeof setup !== 'object') throw new Error(`no setup link: ${setup}`);
    const link = setup.link;
    const person = this.newPerson('admin');
    const c = this.client();
    const res = await c.post('/api/auth/setup', {
      token: link.split('#token=')[1],
      email: person.email,
      displayName: person.displayName,
      password: person.password,
    });
    expect(res.statusCode, res.body).toBe(201);
    person.id = res.json().user.id;
    this.adminOp = { person, client: await this.signIn(person) };
    this.coordinatorOp = await this.make('coordinator');
  }

  /** The first admin's client, signed in again when its session ended. */
  async admin(): Promise<AccountClient> {
    return this.alive(this.adminOp!);
  }

  /** The coordinator's client, signed in again when its session ended. */
  async coordinator(): Promise<AccountClient> {
    return this.alive(this.coordinatorOp!);
  }

  /** The admin's and the coordinator's accounts (targets of cross-account checks). */
  get operators(): { admin: Person; coordinator: Person } {
    return { admin: this.adminOp!.person, coordinator: this.coordinatorOp!.person };
  }

  private async alive(s: Signed): Promise<AccountClient> {
    const res = await s.client.get('/api/auth/session');
    if (res.json().stage === 'full') return s.client;
    const client = await this.signIn(s.person);
    Object.assign(s, { client });
    return client;
  }

  private newPerson(role: Role): Person {
    const n = ++this.made;
    return {
      role,
      email: `${role}.${n}@example.org`,
      displayName: `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
      password: newPassword(),
      id: '',
      secret: null,
      lastStep: -1,
    };
  }

  /**
   * A new account of `role`, signed in on its own client. Roles that require a second factor
   * are enrolled unless `mfa` is false (their session then waits at the `enrol` stage); parents
   * and companies are enrolled only when `mfa` is true.
   */
  async make(role: Role, { mfa }: { mfa?: boolean } = {}): Promise<Signed> {
    const person = this.newPerson(role);
    if (role === 'parent' || role === 'company') await this.signUp(person);
    else await this.invite(person);
    const client = this.client();
    const first = await this.password(client, person);
    const enrol = role === 'parent' || role === 'company' ? mfa === true : mfa !== false;
    if (enrol) await this.enrol(person, client);
    else expect(first).toBe(role === 'parent' || role === 'company' ? 'full' : 'enrol');
    return { person, client };
  }

  /** Turns two-step sign-in on for the person signed in on `client`. */
  async enrol(person: Person, client: AccountClient): Promise<void> {
    const setup = await client.post('/api/account/mfa/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    person.secret = setup.json().secret as string;
    const ok = await client.post('/api/account/mfa/confirm', { code: await this.code(person) });
    expect(ok.statusCode, ok.body).toBe(200);
  }

  /**
   * A new client signed in as `p`: through the second step too unless `finish` is false (the
   * session then waits at the `mfa` or `enrol` stage).
   */
  async signIn(p: Person, { finish = true }: { finish?: boolean } = {}): Promise<AccountClient> {
    const client = this.client();
    const stage = await this.password(client, p);
    if (finish && stage === 'mfa') {
      const res = await client.post('/api/auth/signin/mfa', { code: await this.code(p) });
      expect(res.statusCode, res.body).toBe(200);
    } else if (finish && stage === 'enrol') {
      await this.enrol(p, client);
    }
    return client;
  }

  private async password(client: AccountClient, p: Person): Promise<string> {
    const res = await client.post('/api/auth/signin', { email: p.email, password: p.password });
    expect(res.statusCode, res.body).toBe(200);
    p.id = res.json().user.id;
    return res.json().stage as string;
  }

  private async signUp(p: Person): Promise<void> {
    const c = this.client();
    const up = await c.post('/api/auth/signup', {
      email: p.email,
      displayName: p.displayName,
      password: p.password,
      role: p.role,
    });
    expect(up.statusCode, up.body).toBe(201);
    const verified = await c.post('/api/auth/verify-email', {
      token: this.mail.lastToken(p.email, '/account/verify'),
    });
    expect(verified.statusCode, verified.body).toBe(200);
    if (p.role !== 'company') return;
    const co = await this.coordinator();
    const waiting = await co.get('/api/admin/users?status=pending_approval&role=company');
    const id = (waiting.json().users as { id: string; email: string }[]).find(
      (u) => u.email === p.email,
    )?.id;
    const ok = await co.post(`/api/admin/users/${id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
  }

  private async invite(p: Person): Promise<void> {
    const admin = await this.admin();
    const inv = await admin.post('/api/admin/invites', { email: p.email, role: p.role });
    expect(inv.statusCode, inv.body).toBe(201);
    const accepted = await this.client().post('/api/auth/invite/accept', {
      token: this.mail.lastToken(p.email, '/account/invite'),
      displayName: p.displayName,
      password: p.password,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  }
}
