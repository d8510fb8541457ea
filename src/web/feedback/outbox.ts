import type { FeedbackRecord } from '../../engine';
import { feedbackDay } from '../../engine';
import { getAll, put, remove } from '../store/idb';
import { newLocalId } from '../store/ids';

/**
 * Makes the record of one answer. The id is a fresh random UUID v4 (`newLocalId`: the same as
 * `crypto.randomUUID()`, which a school hub served over plain HTTP does not have), so the
 * server counts a replay once and no two answers share anything.
 */
export function feedbackRecord(
  what: Omit<FeedbackRecord, 'id' | 'day'>,
  now: number = Date.now(),
): FeedbackRecord {
  return {
    id: newLocalId(),
    activity: what.activity,
    version: what.version,
    band: what.band,
    lang: what.lang,
    answer: what.answer,
    day: feedbackDay(now),
  };
}

type Sent = 'sent' | 'dropped' | 'wait';

/**
 * Sends one record. A 200 (stored, or a replay) or a refusal (4xx but 429: it will never be
 * taken) ends it; no network, a 429 or a server error keeps it for later. No cookie and no
 * credential go with it (`credentials: 'omit'`).
 */
async function sendOne(record: FeedbackRecord): Promise<Sent> {
  let res: Response;
  try {
    res = await fetch('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return 'wait';
  }
  if (res.ok) return 'sent';
  if (res.status === 429 || res.status >= 500) return 'wait';
  return 'dropped';
}

let flushing: Promise<void> | null = null;

/**
 * Sends every queued answer, oldest day first, one at a time; each leaves the queue once the
 * server has it (or refused it for good). Stops at the first that must wait. One flush at a
 * time: a flush asked for during one joins it.
 */
export function flushFeedback(): Promise<void> {
  flushing ??= (async () => {
    try {
      const queued = await getAll<FeedbackRecord>('feedback');
      queued.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      for (const record of queued) {
        const sent = await sendOne(record);
        if (sent === 'wait') return;
        await remove('feedback', record.id);
      }
    } catch {
      // Storage unavailable: the queue (if any) waits for the next try.
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/**
 * Keeps one answer: queued on the device first (so closing the page or having no network loses
 * nothing), then sent at once when there is a network; otherwise when it comes back
 * (`watchFeedback`).
 */
export async function giveFeedback(record: FeedbackRecord): Promise<void> {
  await put('feedback', record);
  void flushFeedback();
}
