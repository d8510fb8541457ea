import { z } from 'zod';
import { findCommand } from '../args';
import type { Command } from '../command';
import { commandName } from '../command';

/** How the CLI is started, for usage lines. */
export const INVOCATION = 'npm run kite --';

function commandUsage(c: Command): string[] {
  const options = Object.entries(c.options ?? {});
  const lines = [
    `usage: ${INVOCATION} ${commandName(c)}${c.args ? ` ${c.args}` : ''}${options.length ? ' [options]' : ''}`,
    '',
    c.summary,
  ];
  const rows: [string, string][] = [
    ...options.map(([name, o]): [string, string] => [
      `--${name}${o.kind === 'value' ? ` ${o.value ?? '<value>'}` : ''}`,
      o.describe,
    ]),
    ['--help, -h', 'show this help'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  lines.push('', 'options:', ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`));
  return lines;
}

function overview(commands: readonly Command[]): string[] {
  const rows = commands.map((c) => [`${commandName(c)}${c.args ? ` ${c.args}` : ''}`, c.summary]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  return [
    `usage: ${INVOCATION} <command> [options]`,
    '',
    'commands:',
    ...rows.map(([l, r]) => `  ${l!.padEnd(width)}  ${r}`),
    '',
    `"${INVOCATION} help <command>" (or "<command> --help") shows a command's options.`,
    "The configuration is the server's: the environment variables in README.md (DATABASE_URL,",
    "KITE_DATA_DIR, KITE_RETAIN_*). In production, without npm's dev packages, run",
    '"node build/server/cli/main.js <command>" instead.',
  ];
}

/** `help [command]`: the list of commands, or one command's usage and options. */
export const helpCommand: Command<{ words: readonly string[] }> = {
  words: ['help'],
  args: '[command]',
  summary: 'show the commands, or the options of one',
  needs: 'nothing',
  input: z
    .object({
      args: z.array(z.string()).max(2, 'takes at most one command'),
      options: z.object({}),
    })
    .transform(({ args }) => ({ words: args })),
  async run(ctx, { words }) {
    const lines =
      words.length === 0
        ? overview(ctx.commands)
        : commandUsage(findCommand(ctx.commands, words).command);
    for (const line of lines) ctx.out(line);
    return 0;
  },
};

export { commandUsage };
