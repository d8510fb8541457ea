import type { ProgressEvent } from './event';

function stable(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical order of events: time, then device, then sequence number, then id. */
export function compareEvents(a: ProgressEvent, b: ProgressEvent): number {
  return (
    cmp(a.at, b.at) ||
    cmp(a.device, b.device) ||
    cmp(a.seq, b.seq) ||
    cmp(a.id, b.id) ||
    // Two different records under one id (a corrupt resend): still decide the same way.
    cmp(stable(a), stable(b))
  );
}

/**
 * The events in canonical order with duplicate ids removed (the first in that order wins).
 * The result is the same for any arrival order and any number of resends.
 */
export function canonicalEvents(events: readonly ProgressEvent[]): ProgressEvent[] {
  const sorted = [...events].sort(compareEvents);
  const seen = new Set<string>();
  const out: ProgressEvent[] = [];
  for (const e of sorted) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}
