import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { feed } from './feed';
import type { FeedArgs, FeedRule } from './feed';

const args: FeedArgs = {
  posts: ['drawing', 'prize'].map((id) => ({ id, author: text(`${id}.a`), text: text(id) })),
  actions: ['like', 'share', 'report'].map((id) => ({ id, label: text(id) })),
};
const acted = (actions: Record<string, string>) => ({ type: 'feed' as const, actions });

describe('feed', () => {
  it('needs one existing action per post', () => {
    expect(feed.isValidAnswer(args, acted({ drawing: 'like', prize: 'report' }))).toBe(true);
    expect(feed.isValidAnswer(args, acted({ drawing: 'like' }))).toBe(false);
    expect(feed.isValidAnswer(args, acted({ drawing: 'like', prize: 'hug' }))).toBe(false);
  });

  it('PostAction matches one post; AllActions matches every listed post', () => {
    const one: FeedRule = { rule: 'PostAction', post: 'prize', action: 'share' };
    const all: FeedRule = { rule: 'AllActions', actions: { drawing: 'like', prize: 'report' } };
    expect(feed.matches(one, acted({ drawing: 'like', prize: 'share' }), args)).toBe(true);
    expect(feed.matches(one, acted({ drawing: 'like', prize: 'report' }), args)).toBe(false);
    expect(feed.matches(all, acted({ drawing: 'like', prize: 'report' }), args)).toBe(true);
    expect(feed.matches(all, acted({ drawing: 'share', prize: 'report' }), args)).toBe(false);
  });

  it('gives samples that satisfy each rule', () => {
    const rules: FeedRule[] = [
      { rule: 'PostAction', post: 'drawing', action: 'report' },
      { rule: 'AllActions', actions: { prize: 'report' } },
    ];
    for (const rule of rules) {
      for (const s of feed.samples(rule, args)) {
        expect(feed.isValidAnswer(args, s)).toBe(true);
        expect(feed.matches(rule, s, args)).toBe(true);
      }
    }
  });

  it('reports unknown posts and actions', () => {
    expect(
      feed.checkRule({ rule: 'PostAction', post: 'ghost', action: 'like' }, args)[0]?.path,
    ).toBe('post');
    expect(
      feed.checkRule({ rule: 'PostAction', post: 'prize', action: 'hug' }, args)[0]?.path,
    ).toBe('action');
    expect(feed.checkRule({ rule: 'AllActions', actions: { prize: 'hug' } }, args)[0]?.path).toBe(
      'actions.prize',
    );
    expect(feed.checkRule({ rule: 'AllActions', actions: {} }, args)[0]?.path).toBe('actions');
    expect(feed.checkArgs({ ...args, actions: [args.actions[0]!] })[0]?.path).toBe('actions');
  });
});
