import type { Command } from './command';
import { helpCommand } from './commands/help';
import { purgeCommand } from './commands/purge';
import { feedbackReportCommand } from './commands/feedback';
import { i18nExportCommand, i18nImportCommand } from './commands/i18n';
import { nationBuildCommand, nationSeedCommand } from './commands/nation';
import { hubAddCommand, hubListCommand, hubStatusCommand, hubRevokeCommand } from './commands/hubs';
import {
  adminCreateCommand,
  inviteCommand,
  userApproveCommand,
  userDisableCommand,
  userListCommand,
  userResetPasswordCommand,
} from './commands/accounts';

/**
 * Every command of `npm run kite -- <command>`, in the order `help` lists them.. Add a command here.
 */
export const COMMANDS: readonly Command[] = [
  adminCreateCommand,
  inviteCommand,
  userListCommand,
  userApproveCommand,
  userResetPasswordCommand,
  userDisableCommand,
  purgeCommand,
  feedbackReportCommand,
  nationBuildCommand,
  nationSeedCommand,
  hubAddCommand,
  hubListCommand,
  hubStatusCommand,
  hubRevokeCommand,
  i18nExportCommand,
  i18nImportCommand,
  helpCommand,
] as readonly Command[];
