import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { helpCommand } from './commands/help';
import { runCli } from './run';

// The frame of the command line, in process, with commands of the test's own: finding the
// command, the options parser, the command's schema, exit statuses, and what each command is
// given. The real commands run as a child process in test/integration/cli.test.ts.

const dataDir = mkdtempSync(join(tmpdir(), 'kite-cli-unit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const seen: unknown[] = [];
const invite: Command<{ email: string; role: string; dryRun: boolean; note: string[] }> = {
  words: ['invite'],
  args: '[note…]',
  summary: 'invite someone',
  options: {
    email: { kind: 'value', value: '<address>', describe: 'who' },
    role: { kind: 'value', describe: 'their role' },
    'dry-run': { kind: 'flag', describe: 'only say what would happen' },
  },
  needs: 'config',
  input: z
    .object({
      args: z.array(z.string()),
      options: z.object({
        email: z.email('must be an e-mail address').optional(),
        role: z.enum(['teacher', 'parent'], 'must be teacher or parent').default('parent'),
        'dry-run': z.literal(true).optional(),
      }),
    })
    .refine((v) => v.options.email !== undefined, {
      path: ['options', 'email'],
      message: 'is required',
    })
    .transform(({ args, options }) => ({
      email: options.email!,
      role: options.role,
      dryRun: options['dry-run'] === true,
      note: [...args],
    })),
  async run(ctx, input) {
    seen.push({ input, retention: ctx.config.retention });
    ctx.out(`invited ${input.email}`);
    return 0;
  },
};
const userApprove: Command = {
  words: ['user', 'approve'],
  summary: 'approve an account',
  needs: 'db',
  input: z.object({ args: z.array(z.string()), options: z.object({}) }),
  async run(ctx) {
    await ctx.db.ping();
    seen.push(ctx.db.dialect);
    return 0;
  },
};
const greedy: Command = {
  words: ['greedy'],
  summary: 'reaches for what it did not ask for',
  needs: 'nothing',
  input: z.object({ args: z.array(z.string()), options: z.object({}) }),
  async run(ctx) {
    return ctx.db ? 0 : 3;
  },
};
const commands = [invite, userApprove, greedy, helpCommand] as readonly Command[];

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { KITE_DATA_DIR: dataDir, ...env },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    commands,
  });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('gives a command its checked options and arguments, and the configuration', async () => {
    seen.length = 0;
    const r = await cli(
      ['invite', '--email', 'a@example.org', '--role=teacher', '--dry-run', 'hello', '--', '--x'],
      { KITE_RETAIN_AUDIT_DAYS: '30' },
    );
    expect(r).toEqual({ code: 0, stdout: 'invited a@example.org\n', stderr: '' });
    expect(seen).toEqual([
      {
        input: { email: 'a@example.org', role: 'teacher', dryRun: true, note: ['hello', '--x'] },
        retention: { auditDays: 30, childMonths: 12, evidenceDays: 730 },
      },
    ]);
  });

  it('opens and migrates the database for a command that needs it, and closes it', async () => {
    seen.length = 0;
    expect((await cli(['user', 'approve'])).code).toBe(0);
    expect(seen).toEqual(['sqlite']);
    expect(readdirSync(dataDir)).toContain('kite.sqlite');
  });

  it('never hands a command what it did not ask for', async () => {
    const r = await cli(['greedy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kite greedy: unexpected error: greedy did not ask for the database/);
  });

  it.each([
    [['frobnicate'], 'kite: unknown command "frobnicate" (commands: invite, user, greedy, help)'],
    [['--verbose'], 'kite: unknown option --verbose before a command'],
    [['user'], 'kite: "user" needs one of "user approve"'],
    [['user', 'delete'], 'kite: "user" has no "delete"; it has "user approve"'],
    [['invite', '--mail', 'a@example.org'], 'kite invite: unknown option --mail'],
    [['invite', '-e', 'a@example.org'], 'kite invite: unknown option -e'],
    [['invite', '--email'], 'kite invite: --email needs a value (<address>)'],
    [['invite', '--email', '--dry-run'], 'kite invite: --email needs a value (<address>)'],
    [['invite', '--email=a@example.org', '--email=b@example.org'], '--email is given twice'],
    [['invite', '--email=x@example.org', '--dry-run=yes'], 'kite invite: --dry-run takes no value'],
    [['invite', '--email', 'not-an-address'], 'kite invite: --email must be an e-mail address'],
    [['invite', '--email=a@example.org', '--role', 'admin'], '--role must be teacher or parent'],
    [['invite'], 'kite invite: --email is required'],
    [['invite', '--constructor', 'x'], 'kite invite: unknown option --constructor'],
    [['help', 'nothing'], 'kite help: unknown command "nothing"'],
    [[], 'kite: which command?'],
  ])('refuses %j with one clear line and status 2, running nothing', async (argv, message) => {
    seen.length = 0;
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr.split('\n')[1] ?? '').toMatch(/^(see: npm run kite -- help|$)/);
    expect(seen).toEqual([]);
  });

  it('stops with status 1 and one line on a bad configuration, never showing a password', async () => {
    const r = await cli(['user', 'approve'], {
      DATABASE_URL: 'postgres://kite:Sup3rSecret@127.0.0.1:port/kite',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kite user approve: Invalid configuration: DATABASE_URL /);
    expect(r.stderr).not.toContain('Sup3rSecret');
  });

  it('lists the commands and shows one command’s options', async () => {
    const list = await cli(['help']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^usage: npm run kite -- <command> \[options\]/);
    for (const line of [
      '  invite [note…]  invite someone',
      '  user approve    approve an account',
    ]) {
      expect(list.stdout).toContain(line);
    }
    const one = await cli(['invite', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('usage: npm run kite -- invite [note…] [options]');
    expect(one.stdout).toContain('  --email <address>  who');
    expect(one.stdout).toContain('  --dry-run          only say what would happen');
    expect((await cli(['help', 'user', 'approve'])).stdout).toContain(
      'usage: npm run kite -- user approve',
    );
  });

  it('has purge and help, and help works with a broken configuration', async () => {
    const names = COMMANDS.map((c) => c.words.join(' '));
    expect(names).toEqual(expect.arrayContaining(['purge', 'help']));
    expect(new Set(names).size).toBe(names.length);
    let stdout = '';
    const code = await runCli(['help'], {
      env: { PORT: 'not a port' },
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}purge +delete the data past its retention period now/);
  });
});
