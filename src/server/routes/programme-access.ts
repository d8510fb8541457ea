// Who may use the programme's pages (deployment settings and places, national releases):
// coordinators and admins, with writes rate-limited per route and client. The limit's counters
// live in the database, so it holds across app processes.
import { guarded } from './accounts/guard';

/** Coordinators and admins (NATION-1, NATION-2). */
export const programmeReaders = guarded(['coordinator', 'admin']);

/** The same people, at most 60 writes a minute per route and client. */
export const programmeWriters = {
  config: { ...programmeReaders.config, rateLimit: { max: 60, timeWindow: '1 minute' } },
};
