import type { Command } from './command';
import { helpCommand } from './commands/help';
import { purgeCommand } from './commands/purge';

/**
 * Every command of `npm run kite -- <command>`, in the order `help` lists them. Add a command
 * here (the accounts issue adds `admin create`, `user approve`, `user reset-password`, `invite`).
 */
export const COMMANDS: readonly Command[] = [purgeCommand, helpCommand];
