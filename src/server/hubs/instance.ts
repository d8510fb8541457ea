// Which copy of a hub's database this is (issue #18, SCALE-06). The hub id is fixed at
// provisioning, but a hub's SQLite file can be copied to a second machine or restored from an
// old backup; both copies would then upload the same sequence numbers under the same id. So the
// database holds an instance id (random, made when first used) with the fingerprint of the file
// it was made in: the file's device and inode, which a copy or a restore does not keep. At start,
// before the hub serves a device, a fingerprint that does not match makes a new instance id: the
// copy uploads as a new stream from its first event, which the server takes as its own (its own
// high-water mark) and dedupes by event id, so nothing is stored twice and neither copy is stuck.

import { statSync } from 'node:fs';
import { randomToken } from '../accounts/tokens';
import type { Db } from '../../db/connect';

/** What {@link ensureInstance} found. */
export interface InstanceCheck {
  readonly instance: string;
  /** `made`: first use; `copy`: the fingerprint did not match (a new id); `same`: unchanged. */
  readonly outcome: 'made' | 'copy' | 'same';
}

/**
 * The fingerprint of the database file: `device:inode`. Moving the file within one file system
 * keeps it; a copy, a restore or a move to another disk does not. `memory` for SQLite in memory.
 */
export function fileFingerprint(file: string | undefined): string {
  if (file === undefined || file === ':memory:') return 'memory';
  const s = statSync(file, { bigint: true });
  return `${s.dev}:${s.ino}`;
}

/** A new instance id. */
export const newInstanceId = (): string => `inst-${randomToken(12)}`;

/**
 * Makes sure the hub database has an instance id for hub `hubId` that was made in this very
 * file; otherwise makes a new one, which starts a new upload stream from sequence 0 (the row's
 * acknowledgement and backlog start again). A hub from before instance ids (instance `initial`,
 * no fingerprint) keeps its id and takes this file's fingerprint.
 */
export async function ensureInstance(db: Db, hubId: string): Promise<InstanceCheck> {
  const fingerprint = fileFingerprint(db.reopen?.sqliteFile);
  const k = db.kysely;
  const row = await k
    .selectFrom('kite_hub_upstream')
    .select(['instance_id', 'fingerprint'])
    .where('hub_id', '=', hubId)
    .executeTakeFirst();
  if (!row) {
    const instance = newInstanceId();
    await k
      .insertInto('kite_hub_upstream')
      .values({
        hub_id: hubId,
        acked: 0,
        backlog: null,
        last_sync_at: null,
        last_error: null,
        instance_id: instance,
        fingerprint,
      })
      .execute();
    return { instance, outcome: 'made' };
  }
  if (row.instance_id !== null && row.fingerprint === fingerprint)
    return { instance: row.instance_id, outcome: 'same' };
  if (row.instance_id !== null && row.fingerprint === null) {
    await k
      .updateTable('kite_hub_upstream')
      .set({ fingerprint })
      .where('hub_id', '=', hubId)
      .execute();
    return { instance: row.instance_id, outcome: 'same' };
  }
  const instance = newInstanceId();
  await k
    .updateTable('kite_hub_upstream')
    .set({
      instance_id: instance,
      fingerprint,
      acked: 0,
      backlog: null,
      last_sync_at: null,
      last_error: null,
    })
    .where('hub_id', '=', hubId)
    .execute();
  return { instance, outcome: row.instance_id === null ? 'made' : 'copy' };
}
