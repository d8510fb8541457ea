// The national server's side of the records a hub shares (issue #18, SCALE-07/08/09;
// src/server/records/records.ts): a page of its school's changes for the hub, and the hub's own
// changes merged in one transaction, refused whole when one is outside its school.

import type { Db } from '../../db/connect';
import { fromDbTime, toDbTime } from '../../db/time';
import { HttpError } from '../http/errors';
import { applyRecords } from '../records/apply';
import type { Applied } from '../records/apply';
import { changesAfter } from '../records/changes';
import type { SharedRecord } from '../records/records';
import type { Stamped } from '../../engine';
import { MAX_RECORDS } from './protocol';
import type { RecordsPage, RecordsPush, SharedRecordWire } from './protocol';
import type { HubIdentity } from './provisioning';

/** A record as it came over the wire, its absent fields left out. */
export function fromWire(r: SharedRecordWire): SharedRecord {
  const fields: Record<string, Stamped> = {};
  for (const [name, f] of Object.entries(r.fields) as [string, Stamped | undefined][])
    if (f !== undefined) fields[name] = f;
  return { kind: r.kind, id: r.id, school: r.school, fields };
}

/** The changes of the hub's school's records after the server's change number `after`. */
export async function recordsPage(db: Db, hub: HubIdentity, after: number): Promise<RecordsPage> {
  return db.kysely.transaction().execute(async (trx) => {
    const school = await trx
      .selectFrom('kite_school')
      .selectAll()
      .where('id', '=', hub.schoolId)
      .executeTakeFirstOrThrow();
    const page = await changesAfter(trx, after, MAX_RECORDS, hub.schoolId);
    return {
      school: {
        id: school.id,
        name: school.name,
        agreedBy: school.agreed_by,
        agreedAt:
          school.agreed_at === null ? null : new Date(fromDbTime(school.agreed_at)).toISOString(),
        agreementNotice: school.agreement_notice,
      },
      records: page.records as SharedRecordWire[],
      through: page.through,
      more: page.more,
    };
  });
}

/** A hub's changes merged here, in one transaction; 403 `record_out_of_scope` for another school's. */
export async function takeRecords(
  db: Db,
  hub: HubIdentity,
  push: RecordsPush,
  now: number,
): Promise<Applied> {
  if (push.hub !== hub.id)
    throw new HttpError(403, 'forbidden', 'This credential is not the credential of that hub');
  return db.kysely
    .transaction()
    .execute((trx) => applyRecords(trx, db.dialect, push.records.map(fromWire), now, hub.schoolId));
}

/**
 * On the hub: a page of the server's changes merged into the hub's records in one transaction,
 * with the school's row as the server has it, and the page's end recorded as pulled.
 */
export async function takePage(
  db: Db,
  hubId: string,
  page: RecordsPage,
  now: number,
): Promise<Applied> {
  return db.kysely.transaction().execute(async (trx) => {
    const s = page.school;
    const school = {
      name: s.name,
      agreed_by: s.agreedBy,
      agreed_at: s.agreedAt === null ? null : toDbTime(new Date(s.agreedAt).getTime()),
      agreement_notice: s.agreementNotice,
    };
    await trx
      .insertInto('kite_school')
      .values({
        id: s.id,
        created_by: null,
        created_at: toDbTime(now),
        agreement_recorded_by: null,
        district_id: null,
        ...school,
      })
      // The server's agreement replaces the hub's; a school the server has no agreement for
      // keeps one a teacher recorded on the hub (it does not go up).
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(s.agreedBy === null ? { name: s.name } : school),
      )
      .execute();
    const applied = await applyRecords(trx, db.dialect, page.records.map(fromWire), now);
    await trx
      .updateTable('kite_hub_upstream')
      .set({ records_pulled: page.through })
      .where('hub_id', '=', hubId)
      .execute();
    return applied;
  });
}

/** On the hub: its own changes after its change number `after` (at most 500). */
export async function localChanges(db: Db, after: number) {
  return db.kysely.transaction().execute((trx) => changesAfter(trx, after, MAX_RECORDS));
}
