// Children's events older than KITE_RETAIN_EVENT_MONTHS months, on PostgreSQL: whole months of
// the event log dropped, each learner's progress folded first (classes/event-history.ts), so no
// view of progress changes. Left out when every event is kept (0, the default) and on SQLite.

import type { Catalogue } from '../../engine';
import { dropOldMonths } from '../classes/event-history';
import type { PurgeStep } from './purge';

export function eventHistoryStep(months: number, catalogue: Catalogue): PurgeStep {
  return {
    name: 'event-history',
    describe: `months of children's events older than ${months} months (PostgreSQL; progress folded first)`,
    async run(db, now) {
      return (await dropOldMonths(db, catalogue, months, now)).events;
    },
  };
}
