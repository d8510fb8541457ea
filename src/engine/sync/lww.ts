// Last-writer-wins records (research/scale.md §1, SCALE-08): a roster entry or an assignment
// whose fields a school hub and the national server may both change while apart. Each field
// keeps the clock reading of its last write; merging keeps, field by field, the later write.
// Deleting is a write too (a tombstone), so a delete and an edit made apart end the same way
// everywhere. The merge is commutative, associative and idempotent: records can arrive in any
// order, twice, or by different paths, and every machine ends with the same record.

import { compareHlc } from './hlc';
import type { Hlc } from './hlc';

/** A JSON value a field may hold. */
export type FieldValue = string | number | boolean | null;

/** One field's value and the reading of the write that set it. */
export interface Stamped {
  readonly value: FieldValue;
  readonly at: Hlc;
}

/**
 * A mutable record: its fields, and `deleted`, whose value says whether the record is removed
 * (a tombstone that outlives the other fields' writes only if it is later than them all).
 */
export interface LwwRecord {
  readonly fields: Readonly<Record<string, Stamped>>;
}

/** The later of two writes; equal readings with different values keep the greater value. */
function later(a: Stamped, b: Stamped): Stamped {
  const order = compareHlc(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  // The same reading means the same write, unless a machine reused one: keep a fixed winner.
  const x = JSON.stringify(a.value);
  const y = JSON.stringify(b.value);
  return x >= y ? a : b;
}

/** Merges two versions of a record: each field takes its later write. */
export function mergeRecords(a: LwwRecord, b: LwwRecord): LwwRecord {
  const fields: Record<string, Stamped> = {};
  const names = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  for (const name of [...names].sort()) {
    const x = a.fields[name];
    const y = b.fields[name];
    fields[name] = x && y ? later(x, y) : (x ?? y)!;
  }
  return { fields };
}

/** A record with `name` set to `value` by a write at `at` (kept only if later than the last). */
export function writeField(r: LwwRecord, name: string, value: FieldValue, at: Hlc): LwwRecord {
  return mergeRecords(r, { fields: { [name]: { value, at } } });
}

/** The record removed by a write at `at` (a tombstone: the field `deleted` set to true). */
export const deleteRecord = (r: LwwRecord, at: Hlc): LwwRecord =>
  writeField(r, 'deleted', true, at);

/**
 * What the record says now: its fields' values, or null when it is removed. A write later than
 * the removal brings it back (an edit made apart from a delete, after it, wins), which is why
 * the tombstone is a field with its own clock rather than the end of the record.
 */
export function recordValue(r: LwwRecord): Readonly<Record<string, FieldValue>> | null {
  const deleted = r.fields.deleted;
  if (deleted?.value === true) {
    const revived = Object.entries(r.fields).some(
      ([name, f]) => name !== 'deleted' && compareHlc(f.at, deleted.at) > 0,
    );
    if (!revived) return null;
  }
  const out: Record<string, FieldValue> = {};
  for (const [name, f] of Object.entries(r.fields)) if (name !== 'deleted') out[name] = f.value;
  return out;
}
