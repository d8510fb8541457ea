import { describe, expect, it } from 'vitest';
import { event } from '../../testing/events';
import { twoSceneActivity } from '../../testing/builders';
import { BANK } from '../../testing/measurement';
import { activitySchema } from './activity';
import { eventSchema } from './event';
import { measurementSchema } from './measurement';

describe('event schema', () => {
  it('accepts an event as the engine makes it, with a UUID id', () => {
    const e = { ...event(), id: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    expect(eventSchema.safeParse(e).success).toBe(true);
  });

  it('refuses extra fields, such as typed text next to a password answer', () => {
    const e = {
      ...event(),
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      answer: { type: 'password', score: 3, flags: [], text: 'hunter2' },
    };
    const r = eventSchema.safeParse(e);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['answer']);
  });
});

describe('activity schema', () => {
  it('parses a valid activity and fills the defaults', () => {
    const a = twoSceneActivity();
    const { hints: _hints, ...withoutHints } = a.scenes.s1!.interaction;
    const raw = {
      ...a,
      scenes: { ...a.scenes, s1: { ...a.scenes.s1, interaction: withoutHints } },
    };
    const parsed = activitySchema.parse(raw);
    expect(parsed.scenes.s1?.interaction.hints).toEqual([]);
  });

  it('names the unknown interaction type and rule with their paths', () => {
    const a = twoSceneActivity();
    const bad = JSON.parse(JSON.stringify(a)) as {
      scenes: Record<string, { interaction: Record<string, unknown> }>;
    };
    bad.scenes.s1!.interaction.type = 'quiz';
    const issues = activitySchema.safeParse(bad).error?.issues ?? [];
    expect(issues[0]?.path).toEqual(['scenes', 's1', 'interaction', 'type']);
    const bad2 = JSON.parse(JSON.stringify(a)) as typeof bad;
    (
      bad2.scenes.s1!.interaction.answerGroups as { rules: { rule: string }[] }[]
    )[0]!.rules[0]!.rule = 'Equal';
    const issues2 = activitySchema.safeParse(bad2).error?.issues ?? [];
    expect(issues2[0]?.path).toEqual([
      'scenes',
      's1',
      'interaction',
      'answerGroups',
      0,
      'rules',
      0,
      'rule',
    ]);
  });

  it('refuses a continue scene with answer groups', () => {
    const a = twoSceneActivity();
    const raw = {
      ...a,
      scenes: {
        ...a.scenes,
        s1: {
          ...a.scenes.s1,
          interaction: {
            type: 'continue',
            answerGroups: [{}],
            defaultOutcome: { next: 's2', correct: true, safety: 'safe' },
          },
        },
      },
    };
    expect(activitySchema.safeParse(raw).success).toBe(false);
  });
});

describe('item bank schema: pictures on answers and cards', () => {
  const picture = (id: string) => ({
    src: `art/answers/${id}.svg`,
    alt: { id: `m.${id}.media-alt`, text: `A picture of ${id}.` },
  });
  /** The test bank with a picture on every answer of its first item and every card of its third. */
  const pictured = () => {
    const bank = JSON.parse(JSON.stringify(BANK)) as {
      items: { interaction: { args: { options?: object[]; items?: object[] } } }[];
    };
    bank.items[0]!.interaction.args.options = bank.items[0]!.interaction.args.options!.map(
      (o, i) => ({ ...o, media: picture(`o${i}`) }),
    );
    bank.items[2]!.interaction.args.items = bank.items[2]!.interaction.args.items!.map((c, i) => ({
      ...c,
      media: picture(`c${i}`),
    }));
    return bank;
  };

  it("keeps a choice answer's and a sort card's picture with its alt text", () => {
    const parsed = measurementSchema.parse(pictured());
    const first = parsed.items[0]!.interaction;
    const third = parsed.items[2]!.interaction;
    expect(first.type === 'choice' && first.args.options[1]!.media).toEqual(picture('o1'));
    expect(third.type === 'sort' && third.args.items[3]!.media).toEqual(picture('c3'));
  });

  it('refuses a picture without alt text, from elsewhere than media/ or art/, or on a bin', () => {
    const paths = (edit: (b: ReturnType<typeof pictured>) => void) => {
      const bank = pictured();
      edit(bank);
      return measurementSchema.safeParse(bank).error?.issues.map((i) => i.path.join('.'));
    };
    const option = (b: ReturnType<typeof pictured>) =>
      b.items[0]!.interaction.args.options![0] as { media: { src: string; alt?: unknown } };
    expect(paths((b) => delete option(b).media.alt)).toEqual([
      'items.0.interaction.args.options.0.media.alt',
    ]);
    expect(paths((b) => (option(b).media.src = 'https://pictures.example/a.svg'))).toEqual([
      'items.0.interaction.args.options.0.media.src',
    ]);
    expect(
      paths((b) => {
        const bins = (b.items[2]!.interaction.args as { bins: object[] }).bins;
        bins[0] = { ...bins[0], media: picture('bin') };
      }),
    ).toEqual(['items.2.interaction.args.bins.0']);
  });
});
