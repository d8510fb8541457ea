import { makeCheckpoint, resumeCheckpoint } from '../../engine/play/checkpoint';
import type { Checkpoint, ResumeMode } from '../../engine/play/checkpoint';
import type { PlayState } from '../../engine/play/state';
import type { Activity } from '../../engine/types/activity';
import { get, inTransaction } from './idb';

/** Checkpoints live in `meta` under a key that names the learner (see store/erase.ts). */
const key = (learner: string, activity: string) => `checkpoint:${learner}:${activity}`;

/**
 * Writes, inside `tx` (which must cover `meta`), where the child is now: the checkpoint of
 * `state`, or nothing kept once the activity has ended or has passed no checkpoint scene yet.
 */
export function writeCheckpoint(
  tx: IDBTransaction,
  learner: string,
  activity: Activity,
  state: PlayState,
): void {
  const meta = tx.objectStore('meta');
  const cp = state.ending ? null : makeCheckpoint(activity, state);
  if (cp) meta.put(cp, key(learner, activity.id));
  else if (state.ending) meta.delete(key(learner, activity.id));
}

/** Saves where the child is, in a transaction of its own (see {@link writeCheckpoint}). */
export function saveCheckpoint(learner: string, activity: Activity, state: PlayState) {
  return inTransaction(['meta'], 'readwrite', async (tx) =>
    writeCheckpoint(tx, learner, activity, state),
  );
}

/**
 * The saved place in an activity, replayed against the activity as it is now (content may have
 * a new version): resumed, replayed or restarted — never a crash.
 */
export async function loadCheckpoint(
  learner: string,
  activity: Activity,
): Promise<{ state: PlayState; mode: ResumeMode } | null> {
  const cp = await get<Checkpoint>('meta', key(learner, activity.id));
  return cp ? resumeCheckpoint(activity, cp) : null;
}
