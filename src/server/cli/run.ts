// The frame of `npm run kite -- <command>`: finds the command, checks its arguments, reads the
// server's configuration and opens and migrates the database when the command needs them, runs
// it and closes what it opened. Exit status: 0 done, 1 failed, 2 bad command line.

import { ConfigError, parseConfig } from '../config/config';
import type { Config } from '../config/config';
import { DbConnectError, openDb } from '../../db/connect';
import type { Db } from '../../db/connect';
import { MigrationError, migrateToLatest } from '../../db/migrate';
import { redactSecrets } from '../../db/redact';
import { checkInput, findCommand, parseCommandArgs } from './args';
import type { CliContext, Command } from './command';
import { UsageError, commandName } from './command';
import { COMMANDS } from './commands';
import { INVOCATION, commandUsage } from './commands/help';

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Epoch ms (default `Date.now`). */
  readonly now?: () => number;
  /** The commands (default {@link COMMANDS}); tests add their own. */
  readonly commands?: readonly Command[];
}

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const commands = io.commands ?? COMMANDS;
  const out = (line: string) => void io.stdout.write(`${line}\n`);
  const err = (line: string) => void io.stderr.write(`${line}\n`);
  let command: Command | undefined;
  let db: Db | undefined;
  try {
    if (argv.length === 0) {
      err(`kite: which command? (${INVOCATION} help lists them)`);
      return 2;
    }
    if (argv[0] === '--help' || argv[0] === '-h') argv = ['help'];
    const found = findCommand(commands, argv);
    command = found.command;
    const parsed = parseCommandArgs(command, found.rest);
    if (parsed === 'help') {
      for (const line of commandUsage(command)) out(line);
      return 0;
    }
    const input = checkInput(command, parsed);
    let config: Config | undefined;
    if (command.needs !== 'nothing') config = parseConfig(io.env);
    if (command.needs === 'db' && config) {
      // A command opens the database briefly; the server's checkpointer thread is not needed.
      db = await openDb({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        backgroundCheckpoints: false,
      });
      await migrateToLatest(db);
    }
    const ctx: CliContext = {
      out,
      err,
      now: io.now ?? Date.now,
      commands,
      get config(): Config {
        if (!config) throw new Error(`${commandName(command!)} did not ask for the configuration`);
        return config;
      },
      get db(): Db {
        if (!db) throw new Error(`${commandName(command!)} did not ask for the database`);
        return db;
      },
    };
    return await command.run(ctx, input);
  } catch (e) {
    const prefix = command ? `kite ${commandName(command)}` : 'kite';
    if (e instanceof UsageError) {
      const about = e.command ?? command;
      err(`${prefix}: ${e.message}`);
      err(`see: ${INVOCATION} help${about ? ` ${commandName(about)}` : ''}`);
      return 2;
    }
    const expected =
      e instanceof ConfigError || e instanceof DbConnectError || e instanceof MigrationError;
    // A DATABASE_URL may hold a password: every message passes through redactSecrets.
    const message = redactSecrets(e instanceof Error ? e.message : String(e));
    err(`${prefix}: ${expected ? message : `unexpected error: ${message}`}`);
    return 1;
  } finally {
    await db?.close().catch(() => {});
  }
}
