// Account tasks for the people who run a deployment, above all one without mail: the first
// admin, approvals, password resets and invitations. No password ever passes on a command line
// (other users of the machine could read it): each command that gives someone access prints a
// one-time link, and the person chooses their own password there.

import { z } from 'zod';
import type { CliContext, Command } from '../command';
import { accountsContext } from '../../accounts/context';
import type { AccountsContext } from '../../accounts/context';
import { approveUser, disableUser } from '../../accounts/admin';
import { invite, issueResetLink } from '../../accounts/credentials';
import { normalizeEmail } from '../../accounts/users';
import { HttpError } from '../../http/errors';
import { ROLES } from '../../accounts/policy';
import type { Role } from '../../../db/schema';

/** The console acts as an admin that no person is: audit entries name no actor. */
const CONSOLE_ACTOR = { id: 'console', role: 'admin', stage: 'full' } as const;

function accounts(ctx: CliContext): AccountsContext {
  const c = ctx.config;
  const host = c.host === '0.0.0.0' ? '127.0.0.1' : c.host;
  return accountsContext(ctx.db, {
    now: () => ctx.now(),
    publicUrl: c.publicUrl ?? `http://${host}:${c.port}`,
  });
}

const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
const oneEmail = z
  .object({
    args: z.tuple([email], { message: 'takes one email address' }),
    options: z.object({}),
  })
  .transform(({ args }) => ({ email: normalizeEmail(args[0]) }));

async function failIfMissing(ctx: CliContext, a: AccountsContext, address: string, name: string) {
  const user = await a.users.byEmail(address);
  if (!user) ctx.err(`kite ${name}: no account has the address ${address}`);
  return user;
}

function explain(ctx: CliContext, name: string, e: unknown): number {
  if (e instanceof HttpError) {
    ctx.err(`kite ${name}: ${e.message}`);
    return 1;
  }
  throw e;
}

export const adminCreateCommand: Command<{ email: string }> = {
  words: ['admin', 'create'],
  summary: 'print a one-time link (7 days) where a new admin chooses their password',
  args: '<email>',
  needs: 'db',
  input: oneEmail,
  async run(ctx, { email: address }) {
    const a = accounts(ctx);
    try {
      const { link } = await invite(a, { id: null }, address, 'admin');
      ctx.out(`Open this one-time link to make the admin account for ${address}:`);
      ctx.out(`  ${link}`);
      return 0;
    } catch (e) {
      return explain(ctx, 'admin create', e);
    }
  },
};

export const inviteCommand: Command<{ email: string; role: Role }> = {
  words: ['invite'],
  summary: 'print a one-time link (7 days) inviting a person with a role',
  args: '<email>',
  options: { role: { kind: 'value', value: `<${ROLES.join('|')}>`, describe: 'their role' } },
  needs: 'db',
  input: z
    .object({
      args: z.tuple([email], { message: 'takes one email address' }),
      options: z.object({
        role: z.enum(ROLES as unknown as [Role, ...Role[]], {
          message: `must be one of ${ROLES.join(', ')}`,
        }),
      }),
    })
    .transform(({ args, options }) => ({ email: normalizeEmail(args[0]), role: options.role })),
  async run(ctx, { email: address, role }) {
    try {
      const { link, mailed } = await invite(accounts(ctx), { id: null }, address, role);
      ctx.out(`Invitation for ${address} as ${role}${mailed ? ' (also mailed)' : ''}:`);
      ctx.out(`  ${link}`);
      return 0;
    } catch (e) {
      return explain(ctx, 'invite', e);
    }
  },
};

export const userApproveCommand: Command<{ email: string }> = {
  words: ['user', 'approve'],
  summary: 'let an account that waits for approval sign in',
  args: '<email>',
  needs: 'db',
  input: oneEmail,
  async run(ctx, { email: address }) {
    const a = accounts(ctx);
    const user = await failIfMissing(ctx, a, address, 'user approve');
    if (!user) return 1;
    try {
      await approveUser(a, { ...CONSOLE_ACTOR }, user.id);
      ctx.out(`${address} (${user.role}) can sign in now.`);
      return 0;
    } catch (e) {
      return explain(ctx, 'user approve', e);
    }
  },
};

export const userDisableCommand: Command<{ email: string }> = {
  words: ['user', 'disable'],
  summary: 'switch an account off and end its sessions',
  args: '<email>',
  needs: 'db',
  input: oneEmail,
  async run(ctx, { email: address }) {
    const a = accounts(ctx);
    const user = await failIfMissing(ctx, a, address, 'user disable');
    if (!user) return 1;
    await disableUser(a, { ...CONSOLE_ACTOR }, user.id);
    ctx.out(`${address} is switched off; its sessions have ended.`);
    return 0;
  },
};

export const userResetPasswordCommand: Command<{ email: string }> = {
  words: ['user', 'reset-password'],
  summary: 'print a one-time link (1 hour) where a person chooses a new password',
  args: '<email>',
  needs: 'db',
  input: oneEmail,
  async run(ctx, { email: address }) {
    const link = await issueResetLink(accounts(ctx), address, null);
    if (!link) {
      ctx.err(`kite user reset-password: no account has the address ${address}`);
      return 1;
    }
    ctx.out(`Give this one-time link (1 hour) to ${address}, in person or by a channel you trust:`);
    ctx.out(`  ${link}`);
    return 0;
  },
};

export const userListCommand: Command<{ status: string | undefined }> = {
  words: ['user', 'list'],
  summary: 'list accounts (all, or those with one status)',
  options: {
    status: {
      kind: 'value',
      value: '<unverified|pending_approval|active|disabled>',
      describe: 'only accounts with this status',
    },
  },
  needs: 'db',
  input: z
    .object({
      args: z.array(z.string()).max(0, 'takes no arguments'),
      options: z.object({
        status: z
          .enum(['unverified', 'pending_approval', 'active', 'disabled'], {
            message: 'must be unverified, pending_approval, active or disabled',
          })
          .optional(),
      }),
    })
    .transform(({ options }) => ({ status: options.status })),
  async run(ctx, { status }) {
    let q = ctx.db.kysely
      .selectFrom('kite_user')
      .select(['email', 'role', 'status', 'mfa_secret'])
      .orderBy('email');
    if (status) q = q.where('status', '=', status as 'active');
    const rows = await q.execute();
    for (const r of rows) {
      ctx.out(`${r.email}  ${r.role}  ${r.status}${r.mfa_secret ? '  two-step' : ''}`);
    }
    ctx.out(`${rows.length} ${rows.length === 1 ? 'account' : 'accounts'}`);
    return 0;
  },
};
