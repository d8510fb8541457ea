// On a school hub with KITE_HUB_KEEP_DAYS: events older than that which the national server
// acknowledged, folded per learner and deleted (hubs/purge.ts). Never an unacknowledged event.

import type { Catalogue } from '../../engine';
import { purgeAcknowledged } from '../hubs/purge';
import type { PurgeStep } from './purge';

export function hubEventsStep(hubId: string, keepDays: number, catalogue: Catalogue): PurgeStep {
  return {
    name: 'hub-events',
    describe: `children's events older than ${keepDays} days that the national server acknowledged (hub; progress folded first)`,
    async run(db, now) {
      return (await purgeAcknowledged(db, catalogue, hubId, keepDays, now)).deleted;
    },
  };
}
