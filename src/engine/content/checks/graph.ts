import { END } from '../../types/outcome';
import type { ActivityCheck } from './context';
import { interactionPath, outcomesOf } from './context';
import type { Witnessed } from './interactions';

/**
 * Graph checks: every `next` and the start exist (`missing-scene`); every scene is reachable
 * from the start (`unreachable-scene`); every reachable scene can reach an end (`dead-end`);
 * some path reaches an ending marked correct (`no-correct-ending`).
 *
 * Only outcomes that a concrete answer reached through `play()` count as paths (`witnessed`),
 * so a default outcome that no answer can trigger never rescues a scene. Scenes whose inputs
 * are broken count with all their outcomes, to avoid follow-on errors.
 */
export function checkGraph(
  { activity, file, sink }: ActivityCheck,
  witnessed: Witnessed = new Map(),
): void {
  const ids = Object.keys(activity.scenes);
  const has = (id: string) => Object.hasOwn(activity.scenes, id);
  const edges = new Map<string, string[]>();
  const ends = new Set<string>();
  const correctEnds = new Set<string>();

  if (!has(activity.start))
    sink.add('missing-scene', file, 'start', `scene "${activity.start}" does not exist`);
  for (const id of ids) {
    const targets: string[] = [];
    const seen = witnessed.get(id);
    for (const { path, outcome, group } of outcomesOf(activity.scenes[id]!.interaction)) {
      const real = seen === undefined || seen === null || seen.has(group);
      if (outcome.next !== END && !has(outcome.next)) {
        sink.add(
          'missing-scene',
          file,
          `${interactionPath(id)}.${path}.next`,
          `scene "${outcome.next}" does not exist`,
        );
      } else if (!real) continue;
      else if (outcome.next === END) {
        ends.add(id);
        if (outcome.correct) correctEnds.add(id);
      } else if (has(outcome.next)) targets.push(outcome.next);
      else
        sink.add(
          'missing-scene',
          file,
          `${interactionPath(id)}.${path}.next`,
          `scene "${outcome.next}" does not exist`,
        );
    }
    edges.set(id, targets);
  }

  const reachable = new Set<string>();
  const queue = has(activity.start) ? [activity.start as string] : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  if (!has(activity.start)) return;
  for (const id of ids) {
    if (!reachable.has(id))
      sink.add(
        'unreachable-scene',
        file,
        `scenes.${id}`,
        `scene "${id}" cannot be reached from the start scene "${activity.start}"`,
      );
  }

  const canEnd = fixpoint(ids, edges, ends);
  for (const id of ids) {
    if (reachable.has(id) && !canEnd.has(id))
      sink.add('dead-end', file, `scenes.${id}`, `no path from scene "${id}" leads to an end`);
  }
  if (![...fixpoint(ids, edges, correctEnds)].some((id) => id === activity.start)) {
    sink.add(
      'no-correct-ending',
      file,
      'start',
      `no path from the start scene "${activity.start}" reaches an ending marked correct`,
    );
  }
}

/** Scenes from which one of `targets` can be reached (each target included). */
function fixpoint(
  ids: readonly string[],
  edges: ReadonlyMap<string, string[]>,
  targets: ReadonlySet<string>,
): Set<string> {
  const found = new Set(targets);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of ids) {
      if (found.has(id)) continue;
      if ((edges.get(id) ?? []).some((t) => found.has(t))) {
        found.add(id);
        grew = true;
      }
    }
  }
  return found;
}
