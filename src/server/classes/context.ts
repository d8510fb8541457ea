import type { Db } from '../../db/connect';
import { pgSyncGroups } from '../../db/pg-sync-groups';
import type { PgSyncGroups } from '../../db/pg-sync-groups';
import { rateLimitCounters } from '../../db/rate-limit';
import type { Catalogue } from '../../engine';
import { auditLog } from '../accounts/audit';
import type { AuditLog } from '../accounts/audit';
import { throttle } from '../accounts/throttle';
import type { Throttle } from '../accounts/throttle';
import { secureRandomInt } from './codes';
import type { RandomInt } from './codes';
import type { PdfRenderer } from '../pdf/renderer';
import type { ClassPrintContext } from '../worksheets/class-print-context';

/** What printing class documents needs (absent: those routes answer 503). */
export interface ClassPrinting {
  readonly renderer: PdfRenderer;
  readonly context: ClassPrintContext;
}

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
  readonly printing: ClassPrinting | undefined;
  /** Months after which an inactive child is erased, as now in force (the families' letter). */
  readonly retainChildMonths: () => Promise<number>;
  /** Outcome measurement on: sync stores measurement events (off: acknowledged, not kept). */
  readonly measurement: boolean;
  /**
   * PostgreSQL: credential checks and syncs that wait together go as one call each
   * (pg-sync-groups.ts).
   */
  readonly syncGroups: PgSyncGroups | undefined;
}

export interface ClassesOptions {
  readonly now?: () => number;
  readonly pictures: readonly string[];
  readonly catalogue?: Catalogue | undefined;
  readonly random?: RandomInt;
  readonly printing?: ClassPrinting | undefined;
  /** The period in force (deployment settings), or a fixed one; default 12 months. */
  readonly retainChildMonths?: number | (() => Promise<number>);
  readonly measurement?: boolean;
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
    printing: o.printing,
    retainChildMonths: monthsOf(o.retainChildMonths ?? 12),
    measurement: o.measurement ?? true,
    syncGroups:
      db.dialect === 'postgres' ? pgSyncGroups(db.kysely, { retrying: db.retrying }) : undefined,
  };
}

const monthsOf = (m: number | (() => Promise<number>)): (() => Promise<number>) =>
  typeof m === 'number' ? () => Promise.resolve(m) : m;
