import { describe, expect, it } from 'vitest';
import type { ContentId, DeviceId, EventId, LearnerId, TopicId } from '../ids';
import type { MeasureItem } from '../types/measurement';
import { isValidAnswer } from '../interactions/registry';
import { measureEventSchema } from '../content/schema/measure-event';
import { BANK, choiceItem, sortItem } from '../testing/measurement';
import { answeredEvent, assignedEvent, declinedEvent, itemInteraction } from './record';

const ctx = {
  id: '0190a5b2-7c4e-7d3a-8f10-123456789abc' as EventId,
  learner: 'l1' as LearnerId,
  device: 'd1' as DeviceId,
  seq: 4,
  at: 1_765_000_000_000,
  topic: 'scams' as TopicId,
  band: '8-10' as const,
};

describe('recording measurement answers', () => {
  it('shows an item through an existing player, with no outcome to give anything away', () => {
    const item = choiceItem('x', 'pre');
    const interaction = itemInteraction(item);
    expect(interaction).toMatchObject({ type: 'choice', answerGroups: [], hints: [] });
    expect(interaction.defaultOutcome.feedback).toBeUndefined();
    expect(isValidAnswer(interaction, { type: 'choice', option: 'a' })).toBe(true);
    const sort = itemInteraction(sortItem('s', 'post'));
    expect(sort.type).toBe('sort');
    expect(
      isValidAnswer(sort, {
        type: 'sort',
        placement: { c1: 'scam', c2: 'scam', c3: 'real', c4: 'real' },
      }),
    ).toBe(true);
  });

  it("passes an answer's and a card's picture to the player, as an activity's answers carry them", () => {
    const media = (id: string) => ({
      src: `/content/art/answers/${id}.svg`,
      alt: { id: `m.${id}.media-alt` as ContentId, text: `A picture of ${id}.` },
    });
    const choice = choiceItem('x', 'pre');
    const withPictures: MeasureItem = {
      ...choice,
      interaction: {
        type: 'choice',
        args: {
          options:
            choice.interaction.type === 'choice'
              ? choice.interaction.args.options.map((o) => ({ ...o, media: media(o.id) }))
              : [],
        },
      },
    };
    const shown = itemInteraction(withPictures);
    expect(shown.type === 'choice' && shown.args.options.map((o) => o.media)).toEqual(
      ['a', 'b', 'c', 'ns'].map(media),
    );
    const sort = sortItem('s', 'post');
    const cards: MeasureItem = {
      ...sort,
      interaction: {
        type: 'sort',
        args:
          sort.interaction.type === 'sort'
            ? {
                ...sort.interaction.args,
                items: sort.interaction.args.items.map((c) => ({ ...c, media: media(c.id) })),
              }
            : { bins: [], items: [] },
      },
    };
    const sorted = itemInteraction(cards);
    expect(sorted.type === 'sort' && sorted.args.items.map((c) => c.media)).toEqual(
      ['c1', 'c2', 'c3', 'c4'].map(media),
    );
    // Exactly the args an activity's scene hands its player: nothing added, nothing dropped.
    expect(shown.args).toEqual(withPictures.interaction.args);
    expect(sorted.args).toEqual(cards.interaction.args);
  });

  it('makes events the sync route accepts, and none for an answer that does not fit', () => {
    const check = { use: 'pre' as const, version: BANK.version };
    const item = BANK.items[0]!;
    const answered = answeredEvent(ctx, check, item, { type: 'choice', option: 'b' });
    expect(answered).toMatchObject({
      kind: 'measure-answered',
      item: 'p1',
      use: 'pre',
      version: 2,
    });
    expect(answeredEvent(ctx, check, item, { type: 'choice', option: 'zz' })).toBeNull();
    expect(answeredEvent(ctx, check, item, { type: 'sort', placement: {} })).toBeNull();
    const events = [answered, assignedEvent(ctx, true), declinedEvent(ctx, check)];
    for (const e of events)
      expect(measureEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(events[1]).toMatchObject({ skipPre: true, skipRate: 0.15 });
  });
});
