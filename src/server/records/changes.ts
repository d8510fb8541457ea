// Pages of the shared records changed after a change number, for a peer (records.ts).

import { loadFields } from './records';
import type { RecordKind, SharedRecord, Trx } from './records';

/** One page of changes: records changed after a change number, in order. */
export interface Changes {
  readonly records: SharedRecord[];
  /** The change number of the last record (`after` when there is none). */
  readonly through: number;
  readonly more: boolean;
}

/**
 * Records changed here after change number `after` (of `school` only, when given). A number
 * beyond this database's last (it was restored from a backup older than what the peer read)
 * starts again from 0: everything is sent again, which changes nothing where the peer has it,
 * rather than the changes made since the restore being skipped until their numbers pass it.
 */
export async function changesAfter(
  trx: Trx,
  given: number,
  limit: number,
  school?: string,
): Promise<Changes> {
  const clock = await trx
    .selectFrom('kite_record_clock')
    .select('seq')
    .where('id', '=', 'local')
    .executeTakeFirstOrThrow();
  const after = given > Number(clock.seq) ? 0 : given;
  let q = trx
    .selectFrom('kite_record')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1);
  if (school !== undefined) q = q.where('school_id', '=', school);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const records: SharedRecord[] = [];
  for (const r of page) {
    const kind = r.kind as RecordKind;
    const fields = await loadFields(trx, kind, r.record_id);
    records.push({
      kind,
      id: r.record_id,
      school: r.school_id,
      fields: Object.fromEntries(fields),
    });
  }
  return {
    records,
    through: page.length > 0 ? Number(page[page.length - 1]!.seq) : after,
    more: rows.length > limit,
  };
}
