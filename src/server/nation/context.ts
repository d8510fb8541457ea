import type { Db } from '../../db/connect';
import type { Catalogue } from '../../engine';
import { auditLog } from '../accounts/audit';
import type { AuditLog } from '../accounts/audit';
import type { SettingsReader } from '../deployment/store';
import { defaultFoldWorkers } from './fold-workers';
import { ReleaseCache } from './store';

/** What the national releases need (docs/national.md "Releases"); built once per app. */
export interface NationContext {
  readonly db: Db;
  readonly now: () => number;
  readonly audit: AuditLog;
  /** The checked content: topics, activities, item banks and the `nation` UI strings. */
  readonly catalogue: Catalogue;
  /** Outcome measurement on (KITE_MEASUREMENT): off, no gains or most-missed table is built. */
  readonly measurement: boolean;
  /** Topics switched off in this deployment: no table of theirs. */
  readonly disabledTopics: readonly string[];
  /** The deployment settings in force (the country pack names the national area). */
  readonly settings: SettingsReader;
  /** Parsed releases of this process. */
  readonly cache: ReleaseCache;
  /** Worker threads a build folds learners on (1: this thread). */
  readonly foldWorkers: number;
}

export function nationContext(
  db: Db,
  catalogue: Catalogue,
  now: () => number,
  o: {
    readonly measurement: boolean;
    readonly disabledTopics: readonly string[];
    readonly settings: SettingsReader;
    readonly foldWorkers?: number;
  },
): NationContext {
  return {
    db,
    now,
    audit: auditLog(db),
    catalogue,
    ...o,
    cache: new ReleaseCache(),
    foldWorkers: o.foldWorkers ?? defaultFoldWorkers(),
  };
}
