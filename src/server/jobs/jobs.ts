import type { Config } from '../config/config';
import type { Job } from './job';
import { purgeJob } from './purge';
import { retentionSteps } from './purge-steps';

/**
 * Every background job of a Kite process, from its configuration. Later features (reminders,
 * termly releases) add theirs here.
 */
export function kiteJobs(config: Pick<Config, 'retention'>): Job[] {
  return [purgeJob(retentionSteps(config.retention))];
}
