import { join } from 'node:path';
import type { Config } from '../config/config';
import type { Mailer } from '../accounts/mailer';
import { noMailer } from '../accounts/mailer';
import type { Catalogue } from '../../engine';
import { eventHistoryStep } from './event-history-step';
import { eventPartitionsJob } from './event-partitions';
import { hubEventsStep } from './hub-events-step';
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
 * evidence documents when the data folder is known, and the months of children's events past
 * `eventMonths` when the content is loaded to fold their progress) and the industry deadline
 * reminders, sent with `mailer`; on PostgreSQL the months of the event log (event-partitions.ts);
 * on a school hub with `hubKeepDays`, its acknowledged events past them (hub-events-step.ts).
 * Later features (termly releases) add theirs here.
 */
export function kiteJobs(
  config: Pick<Config, 'retention'> &
    Partial<
      Pick<
        Config,
        | 'dataDir'
        | 'publicUrl'
        | 'country'
        | 'databaseUrl'
        | 'eventMonths'
        | 'upstream'
        | 'hubKeepDays'
      >
    >,
  mailer: Mailer = noMailer,
  catalogue?: Catalogue,
): Job[] {
  const evidence = config.dataDir === undefined ? undefined : evidenceDirOf(config.dataDir);
  const events =
    catalogue && config.eventMonths ? [eventHistoryStep(config.eventMonths, catalogue)] : [];
  if (catalogue && config.upstream && config.hubKeepDays)
    events.push(hubEventsStep(config.upstream.hubId, config.hubKeepDays, catalogue));
  return [
    // The periods in force at each run: the environment's, or a coordinator's within bounds.
    purgeJob(async (db) => {
      const defaults = settingsDefaults(undefined, config.country ?? 'intl', config.retention);
      const { retention } = await readEffective(db, defaults);
      return [...retentionSteps({ ...config.retention, ...retention }, evidence), ...events];
    }),
    remindersJob(mailer, config.publicUrl),
    ...(config.databaseUrl ? [eventPartitionsJob()] : []),
  ];
}
