import type { Db } from '../../db/connect';

/** What the national server's side of hub uploads needs; built once per app. */
export interface HubsContext {
  readonly db: Db;
  readonly now: () => number;
  /** Outcome measurement on: measurement events are kept (off: acknowledged, not kept). */
  readonly measurement: boolean;
  /** Hub uploads one process works on at once; more are answered 429 (SCALE-11). */
  readonly uploadsInFlight: number;
}

/** Uploads in flight per process by default (KITE_HUB_UPLOADS). */
export const DEFAULT_HUB_UPLOADS = 4;
