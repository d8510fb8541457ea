import type { z } from 'zod';
import type { Db } from '../../db/connect';
import type { Config } from '../config/config';

/** An option a command takes: `flag` alone (`--dry-run`), `value` with one value (`--email x`). */
export interface CommandOption {
  readonly kind: 'flag' | 'value';
  /** For help: what the value is, such as `<address>`. */
  readonly value?: string;
  readonly describe: string;
}

/** What the parser read for a command, before the command's own schema checks it. */
export interface ParsedInput {
  readonly args: readonly string[];
  /** By option name without the dashes; `true` for a flag. */
  readonly options: Readonly<Record<string, string | true>>;
}

/** What a command needs before it runs: nothing, the configuration, or also the database. */
export type CommandNeeds = 'nothing' | 'config' | 'db';

/** Where a command writes and what it may use. */
export interface CliContext {
  /** Writes one line to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  /** The clock (epoch ms). */
  now(): number;
  /** Every command, for `help`. */
  readonly commands: readonly Command[];
  /** The server's configuration (commands that need `config` or `db`). */
  readonly config: Config;
  /** The open, migrated database (commands that need `db`); closed after the command. */
  readonly db: Db;
}

/**
 * One CLI command. To add one, write it under `commands/` and list it in `commands.ts`; the
 * parser, `help`, the configuration and the database come from the frame.
 */
export interface Command<I = unknown> {
  /** The words that name it: `['purge']`, `['admin', 'create']`. */
  readonly words: readonly string[];
  /** One line for the list of commands. */
  readonly summary: string;
  /** Its positional arguments for help, such as `<email>`; none when absent. */
  readonly args?: string;
  /** The options it takes, by name without the dashes. */
  readonly options?: Readonly<Record<string, CommandOption>>;
  /**
   * Checks what was parsed and turns it into the command's input. An issue's message is shown
   * after the command's name (or the option's, for an issue under `options.<name>`), so write it
   * as the rest of a sentence: `takes no arguments`, `must be an e-mail address`.
   */
  readonly input: z.ZodType<I, ParsedInput>;
  readonly needs: CommandNeeds;
  /** Does the work; resolves to the exit status (0 done, 1 failed). */
  run(ctx: CliContext, input: I): Promise<number>;
}

/** Bad command-line input: shown as `kite <command>: <message>`, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command it concerns, when known (its help is pointed to). */
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** A command's name as typed: `admin create`. */
export const commandName = (c: Command): string => c.words.join(' ');
