import { describe, expect, it } from 'vitest';
import { event } from '../../testing/events';
import { twoSceneActivity } from '../../testing/builders';
import { activitySchema } from './activity';
import { eventSchema } from './event';

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
