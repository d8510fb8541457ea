import { join } from 'node:path';
import type { Config } from '../config/config';
import type { Mailer } from '../accounts/mailer';
import { noMailer } from '../accounts/mailer';
import type { Job } from './job';
import { purgeJob } from './purge';
import { retentionSteps } from './purge-steps';
import { remindersJob } from './reminders';
import { settingsDefaults } from '../deployment/context';
import { readEffective } from '../deployment/store';

/** Where industry evidence documents are written: outside the web root, under the data folder. */
export const evidenceDirOf = (dataDir: string): string => join(dataDir, 'evidence');

/**
 * Every background job of a Kite process, from its configuration: the retention purge (its
 * periods the deployment settings' in force at each run, docs/national.md; with the
 * evidence documents when the data folder is known) and the industry deadline reminders, sent
 * with `mailer`. Later features (termly releases) add theirs here.
 */
export function kiteJobs(
  config: Pick<Config, 'retention'> & Partial<Pick<Config, 'dataDir' | 'publicUrl' | 'country'>>,
  mailer: Mailer = noMailer,
): Job[] {
  const evidence = config.dataDir === undefined ? undefined : evidenceDirOf(config.dataDir);
  return [
    // The periods in force at each run: the environment's, or a coordinator's within bounds.
    purgeJob(async (db) => {
      const defaults = settingsDefaults(undefined, config.country ?? 'intl', config.retention);
      const { retention } = await readEffective(db, defaults);
      return retentionSteps({ ...config.retention, ...retention }, evidence);
    }),
    remindersJob(mailer, config.publicUrl),
  ];
}
