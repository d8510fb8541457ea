import { describe, expect, it } from 'vitest';
import type { Scene } from '../types/activity';
import { keptOnRetry } from './retry';

const outcome = (correct: boolean) => ({
  next: 'end',
  correct,
  safety: correct ? 'safe' : 'risky',
});

const sortScene = {
  body: { id: 'b', text: 'Sort' },
  interaction: {
    type: 'sort',
    args: {
      bins: [
        { id: 'private', label: { id: 'p', text: 'Private' } },
        { id: 'share', label: { id: 's', text: 'Share' } },
      ],
      items: ['home', 'cat', 'school'].map((id) => ({ id, text: { id, text: id } })),
    },
    answerGroups: [
      {
        rules: [{ rule: 'ItemIn', item: 'home', bin: 'share' }],
        outcome: outcome(false),
      },
      {
        rules: [
          {
            rule: 'ExactPlacement',
            placement: { home: 'private', cat: 'share', school: 'private' },
          },
        ],
        outcome: outcome(true),
      },
    ],
    defaultOutcome: outcome(false),
    hints: [],
  },
} as unknown as Scene;

describe('keptOnRetry', () => {
  it('keeps the cards a sort had in their right box, and only those', () => {
    const kept = keptOnRetry(sortScene, {
      type: 'sort',
      placement: { home: 'share', cat: 'share', school: 'private' },
    });
    expect(kept).toEqual({ cat: 'share', school: 'private' });
  });

  it('keeps nothing when no card was right, or for another interaction', () => {
    expect(
      keptOnRetry(sortScene, {
        type: 'sort',
        placement: { home: 'share', cat: 'private', school: 'share' },
      }),
    ).toBeUndefined();
    expect(keptOnRetry(sortScene, { type: 'choice', option: 'a' })).toBeUndefined();
  });
});
