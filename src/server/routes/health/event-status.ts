import type { Db } from '../../../db/connect';
import { MONTHS_AHEAD } from '../../../db/event-partitions';
import { partitionStatus } from '../../jobs/event-partitions';

/** What `/api/ready` says of the event log's months on PostgreSQL (SCALE-13). */
export interface EventLogStatus {
  /** Whole months after the current one with their partition (-1: not even this month). */
  readonly monthsAhead: number;
  /** Events in the default partition (counted up to 10,000). */
  readonly defaultPartition: number;
  /** Something to look at: events in the default partition, or too few months ahead. */
  readonly alert: boolean;
}

/**
 * The event log's status, read at most once per `maxAgeMs` (a minute) and shared by the callers
 * meanwhile, like the readiness probe; undefined on SQLite, or when it could not be read (the
 * readiness answer does not depend on it).
 */
export class EventLogProbe {
  private last: { at: number; status: EventLogStatus | undefined } | undefined;
  private running: Promise<EventLogStatus | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = 60_000,
  ) {}

  status(): Promise<EventLogStatus | undefined> {
    if (this.db.dialect !== 'postgres') return Promise.resolve(undefined);
    const last = this.last;
    if (last && this.now() - last.at <= this.maxAgeMs) return Promise.resolve(last.status);
    this.running ??= this.read();
    return this.running;
  }

  private async read(): Promise<EventLogStatus | undefined> {
    const at = this.now();
    let status: EventLogStatus | undefined;
    try {
      const s = await partitionStatus(this.db, at);
      status = {
        monthsAhead: s.monthsAhead,
        defaultPartition: s.defaultPartition.events,
        alert: s.defaultPartition.events > 0 || s.monthsAhead < MONTHS_AHEAD,
      };
    } catch {
      status = undefined;
    }
    this.last = { at, status };
    this.running = undefined;
    return status;
  }
}
