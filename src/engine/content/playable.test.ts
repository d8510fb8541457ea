import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { play } from '../play/play';
import { startActivity } from '../play/state';
import type { SceneId } from '../ids';
import { activity, interaction, outcome, scene, text } from '../testing/builders';
import { contentRoot } from '../testing/content-root';
import type { Activity, Scene } from '../types/activity';
import type { Answer, Interaction } from '../types/interaction';
import { END } from '../types/outcome';
import { buildCatalogue } from './build';

// Random activities over the interaction types whose answers can be listed exhaustively.
// Property: whenever the checker accepts an activity, some sequence of answers played through
// play() from the start reaches an ending marked correct.

const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);

function permutations(xs: string[]): string[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

function placements(items: string[], bins: string[]): Record<string, string>[] {
  return items.reduce<Record<string, string>[]>(
    (acc, item) => acc.flatMap((p) => bins.map((b) => ({ ...p, [item]: b }))),
    [{}],
  );
}

/** Every valid answer of an interaction (small interactions only). */
function allAnswers(i: Interaction): Answer[] {
  switch (i.type) {
    case 'choice':
      return i.args.options.map((o) => ({ type: 'choice', option: o.id }));
    case 'chat':
      return i.args.replies.map((r) => ({ type: 'chat', reply: r.id }));
    case 'sequence':
      return permutations(i.args.steps.map((s) => s.id)).map((order) => ({
        type: 'sequence',
        order,
      }));
    case 'sort':
      return placements(
        i.args.items.map((x) => x.id),
        i.args.bins.map((b) => b.id),
      ).map((placement) => ({ type: 'sort', placement }));
    case 'continue':
      return [{ type: 'continue' }];
    default:
      throw new Error(`not generated: ${i.type}`);
  }
}

/** Breadth-first search over play() from the start for an ending marked correct. */
function canEndCorrectly(a: Activity): boolean {
  const seen = new Set<string>();
  const queue = [startActivity(a)];
  while (queue.length > 0) {
    const state = queue.shift()!;
    if (state.scene === null || seen.has(state.scene)) continue;
    seen.add(state.scene);
    for (const answer of allAnswers(a.scenes[state.scene]!.interaction)) {
      const r = play(a, state, answer);
      if (!r.ok) continue;
      if (r.state.ending?.correct === true) return true;
      queue.push(r.state);
    }
  }
  return false;
}

const pickSome = (xs: string[]) => fc.subarray(xs, { minLength: 1 });

function ruleArb(type: string, local: string[], bins: string[]): fc.Arbitrary<unknown> {
  const one = fc.constantFrom(...local);
  switch (type) {
    case 'choice':
      return fc.oneof(
        one.map((option) => ({ rule: 'Equals', option })),
        pickSome(local).map((options) => ({ rule: 'OneOf', options })),
      );
    case 'chat':
      return fc.oneof(
        one.map((reply) => ({ rule: 'Reply', reply })),
        pickSome(local).map((replies) => ({ rule: 'ReplyOneOf', replies })),
      );
    case 'sequence':
      return fc.oneof(
        fc
          .shuffledSubarray(local, { minLength: local.length })
          .map((order) => ({ rule: 'Ordering', order })),
        fc
          .shuffledSubarray(local, { minLength: 2, maxLength: 2 })
          .map(([x, y]) => ({ rule: 'XBeforeY', x, y })),
        one.map((step) => ({ rule: 'FirstIs', step })),
      );
    default:
      return fc.oneof(
        fc.tuple(...local.map(() => fc.constantFrom(...bins))).map((bs) => ({
          rule: 'ExactPlacement',
          placement: Object.fromEntries(local.map((item, i) => [item, bs[i]])),
        })),
        fc
          .tuple(one, fc.constantFrom(...bins))
          .map(([item, bin]) => ({ rule: 'ItemIn', item, bin })),
      );
  }
}

function sceneArb(index: number, count: number): fc.Arbitrary<Scene> {
  const targets = [...ids('s', count), END];
  const chained = index + 1 < count ? outcome(`s${index + 1}`) : outcome(END);
  const outcomeArb = fc
    .tuple(fc.constantFrom(...targets), fc.boolean())
    .map(([next, correct]) => outcome(next, correct));
  const defaultArb = fc.oneof(
    { weight: 3, arbitrary: fc.constant(chained) },
    { weight: 1, arbitrary: outcomeArb },
  );
  return fc.constantFrom('choice', 'chat', 'sequence', 'sort', 'continue').chain((type) => {
    if (type === 'continue')
      return defaultArb.map((d) => scene(interaction('continue', {}, [], d)));
    return fc.integer({ min: 2, max: 3 }).chain((size) => {
      const local = ids(type === 'sort' ? 'i' : 'o', type === 'sort' ? size - 1 : size);
      const bins = ['b0', 'b1'];
      const groupArb = fc.record({
        rules: fc.array(ruleArb(type, local, bins), { minLength: 1, maxLength: 2 }),
        outcome: outcomeArb,
      });
      return fc.tuple(fc.array(groupArb, { maxLength: 3 }), defaultArb).map(([groups, d]) => {
        const items = local.map((id) => ({ id, text: text(id) }));
        const args = {
          choice: { options: items },
          chat: { participants: [{ id: 'p', name: text('p') }], messages: [], replies: items },
          sequence: { steps: items },
          sort: { bins: bins.map((id) => ({ id, label: text(id) })), items },
        }[type];
        return scene(interaction(type as 'choice', args as never, groups as never, d));
      });
    });
  });
}

const activityArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sceneArb(i, n))))
  .map((scenes) => activity(Object.fromEntries(scenes.map((s, i) => [`s${i}`, s]))));

describe('checked activities are playable (property)', () => {
  it('every activity that passes the checker can be played to a correct ending', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(activityArb, (a) => {
        const { errors } = buildCatalogue(contentRoot([a]));
        if (errors.length > 0) {
          rejected++;
          return;
        }
        accepted++;
        expect(canEndCorrectly(a)).toBe(true);
      }),
      { numRuns: 400 },
    );
    // The property must not hold vacuously.
    expect(accepted).toBeGreaterThan(40);
    expect(rejected).toBeGreaterThan(0);
  });

  it('finds no correct ending where the checker reports none', () => {
    const a = activity({ s0: scene(interaction('continue', {}, [], outcome(END, false))) });
    expect(buildCatalogue(contentRoot([a])).errors.map((e) => e.check)).toEqual([
      'no-correct-ending',
    ]);
    expect(canEndCorrectly(a)).toBe(false);
    expect(startActivity(a).scene).toBe('s0' as SceneId);
  });
});
