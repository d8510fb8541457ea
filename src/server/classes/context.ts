import type { Db } from '../../db/connect';
import { rateLimitCounters } from '../../db/rate-limit';
import type { Catalogue } from '../../engine';
import { auditLog } from '../accounts/audit';
import type { AuditLog } from '../accounts/audit';
import { throttle } from '../accounts/throttle';
import type { Throttle } from '../accounts/throttle';
import { secureRandomInt } from './codes';
import type { RandomInt } from './codes';

/** What classes, children's sign-in and sync need; built once per app. */
export interface ClassesContext {
  readonly db: Db;
  readonly now: () => number;
  readonly throttle: Throttle;
  readonly audit: AuditLog;
  /** The avatar pictures (ids of content/art/avatars): avatars and picture passwords. */
  readonly pictures: readonly string[];
  /** The checked content: reports fold events with it, assignments name its activities. */
  readonly catalogue: Catalogue | undefined;
  readonly random: RandomInt;
}

export interface ClassesOptions {
  readonly now?: () => number;
  readonly pictures: readonly string[];
  readonly catalogue?: Catalogue | undefined;
  readonly random?: RandomInt;
}

export function classesContext(db: Db, o: ClassesOptions): ClassesContext {
  return {
    db,
    now: o.now ?? Date.now,
    throttle: throttle(rateLimitCounters(db)),
    audit: auditLog(db),
    pictures: o.pictures,
    catalogue: o.catalogue,
    random: o.random ?? secureRandomInt,
  };
}
