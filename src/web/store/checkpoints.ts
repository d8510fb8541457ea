import { makeCheckpoint, resumeCheckpoint } from '../../engine/play/checkpoint';
import type { Checkpoint, ResumeMode } from '../../engine/play/checkpoint';
import type { PlayState } from '../../engine/play/state';
import type { Activity } from '../../engine/types/activity';
import { get, put, remove } from './idb';

const key = (learner: string, activity: string) => `checkpoint:${learner}:${activity}`;

/** Saves where the child is, when the path has passed a checkpoint scene. */
export async function saveCheckpoint(learner: string, activity: Activity, state: PlayState) {
  const cp = makeCheckpoint(activity, state);
  if (cp) await put('meta', cp, key(learner, activity.id));
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

export async function clearCheckpoint(learner: string, activity: string): Promise<void> {
  await remove('meta', key(learner, activity));
}
