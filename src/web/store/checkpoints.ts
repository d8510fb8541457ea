import { checkpointHere, resumeCheckpoint } from '../../engine';
import type { Activity, Checkpoint, PlayState, ResumeMode } from '../../engine';
import { get, inTransaction } from './idb';

/**
 * Checkpoints and drafts live in `meta` under keys that name the learner (see store/erase.ts):
 * `checkpoint:<learner>:<activity>` is where the child is, `draft:<learner>:<activity>` the
 * unfinished work on that scene (sort or sequence placements not yet checked).
 */
const key = (learner: string, activity: string) => `checkpoint:${learner}:${activity}`;
const draftKey = (learner: string, activity: string) => `draft:${learner}:${activity}`;

/** A scene's unfinished work, tied to the place it belongs to. */
interface SavedDraft {
  /** The scene and how many answers led there: a draft never lands on another visit. */
  readonly place: string;
  readonly value: unknown;
}

/** Names a place in a play-through: the scene and the number of answers before it. */
export const placeOf = (state: PlayState) => `${state.scene ?? ''}:${state.steps.length}`;

/**
 * Writes, inside `tx` (which must cover `meta`), where the child is now: the checkpoint of the
 * current scene (after every answer, so a reload returns to the same scene), or nothing kept
 * once the activity has ended. The last draft goes (an answer replaces it); `draft`, when
 * given, is the new scene's starting work (the right cards a try again keeps).
 */
export function writeCheckpoint(
  tx: IDBTransaction,
  learner: string,
  activity: Activity,
  state: PlayState,
  draft?: unknown,
): void {
  const meta = tx.objectStore('meta');
  const cp = checkpointHere(state);
  if (cp) meta.put(cp, key(learner, activity.id));
  else meta.delete(key(learner, activity.id));
  if (cp && draft !== undefined) {
    const saved: SavedDraft = { place: placeOf(state), value: draft };
    meta.put(saved, draftKey(learner, activity.id));
  } else meta.delete(draftKey(learner, activity.id));
}

/** Saves where the child is, in a transaction of its own (see {@link writeCheckpoint}). */
export function saveCheckpoint(learner: string, activity: Activity, state: PlayState) {
  return inTransaction(['meta'], 'readwrite', async (tx) =>
    writeCheckpoint(tx, learner, activity, state),
  );
}

/** Saves the unfinished work on the scene at `state` (it replaces the last draft). */
export function saveDraft(learner: string, activity: string, state: PlayState, value: unknown) {
  const saved: SavedDraft = { place: placeOf(state), value };
  return inTransaction(['meta'], 'readwrite', async (tx) => {
    tx.objectStore('meta').put(saved, draftKey(learner, activity));
  });
}

/**
 * The saved place in an activity, replayed against the activity as it is now (content may have
 * a new version): resumed, replayed or restarted — never a crash. `draft` is the unfinished
 * work on that scene when it was saved there (never after a replay or restart).
 */
export async function loadCheckpoint(
  learner: string,
  activity: Activity,
): Promise<{ state: PlayState; mode: ResumeMode; draft: unknown } | null> {
  const [cp, draft] = await Promise.all([
    get<Checkpoint>('meta', key(learner, activity.id)),
    get<SavedDraft>('meta', draftKey(learner, activity.id)),
  ]);
  if (!cp) return null;
  const resumed = resumeCheckpoint(activity, cp);
  const fits =
    resumed.mode === 'resumed' &&
    typeof draft === 'object' &&
    draft !== null &&
    draft.place === placeOf(resumed.state);
  return { ...resumed, draft: fits ? draft.value : undefined };
}
