import type { Media, Text } from '../types/text';
import { assignments } from './probe';
import { duplicateIds, idSet, isCompleteMap, issue, joinPath } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** A post in the simulated feed. */
export interface FeedPost {
  readonly id: string;
  readonly author: Text;
  readonly text: Text;
  readonly media?: Media;
  /** What "check the source" reveals, e.g. "Posted by an account made yesterday". */
  readonly source?: Text;
}

/** An action the child can take on each post, e.g. share, don't share, report. */
export interface FeedAction {
  readonly id: string;
  readonly label: Text;
}

/** A simulated social feed: choose one action per post. */
export interface FeedArgs {
  readonly posts: readonly FeedPost[];
  readonly actions: readonly FeedAction[];
}

/** The action chosen for every post: post id → action id. */
export interface FeedAnswer {
  readonly type: 'feed';
  readonly actions: Readonly<Record<string, string>>;
}

/**
 * `PostAction`: post `post` got action `action`.
 * `AllActions`: every listed post got its listed action.
 */
export type FeedRule =
  | { readonly rule: 'PostAction'; readonly post: string; readonly action: string }
  | { readonly rule: 'AllActions'; readonly actions: Readonly<Record<string, string>> };

function fill(args: FeedArgs, action: string, fixed: Readonly<Record<string, string>>): FeedAnswer {
  const actions: Record<string, string> = {};
  for (const p of args.posts)
    actions[p.id] = Object.hasOwn(fixed, p.id) ? (fixed[p.id] ?? action) : action;
  return { type: 'feed', actions };
}

/** Behaviour of `feed`. */
export const feed: InteractionKind<FeedArgs, FeedAnswer, FeedRule> = {
  isValidAnswer: (args, a) => {
    const actions = idSet(args.actions);
    return isCompleteMap(
      a.actions,
      args.posts.map((p) => p.id),
      (_k, v) => typeof v === 'string' && actions.has(v),
    );
  },

  matches: (rule, a) =>
    rule.rule === 'PostAction'
      ? a.actions[rule.post] === rule.action
      : Object.entries(rule.actions).every(([post, action]) => a.actions[post] === action),

  samples: (rule, args) => {
    const fixed = rule.rule === 'PostAction' ? { [rule.post]: rule.action } : rule.actions;
    return args.actions.map((act) => fill(args, act.id, fixed));
  },

  probes: (args) =>
    assignments(
      args.posts.map((p) => p.id),
      () => args.actions.map((a) => a.id),
    ).map((actions) => ({ type: 'feed', actions })),

  checkRule: (rule, args): LocalIssue[] => {
    const posts = idSet(args.posts);
    const actions = idSet(args.actions);
    const pairs: [string, string, string][] =
      rule.rule === 'PostAction'
        ? [[rule.post, rule.action, 'post']]
        : Object.entries(rule.actions).map(([p, a]) => [p, a, joinPath('actions', p)]);
    const out: LocalIssue[] = [];
    for (const [post, action, at] of pairs) {
      if (!posts.has(post)) out.push(issue(at, `post "${post}" does not exist`));
      else if (!actions.has(action))
        out.push(
          issue(rule.rule === 'PostAction' ? 'action' : at, `action "${action}" does not exist`),
        );
    }
    if (rule.rule === 'AllActions' && pairs.length === 0)
      out.push(issue('actions', 'list at least one post'));
    return out;
  },

  checkArgs: (args) => {
    const out = [...duplicateIds(args.posts, 'posts'), ...duplicateIds(args.actions, 'actions')];
    if (args.actions.length < 2) out.push(issue('actions', 'a feed needs at least 2 actions'));
    return out;
  },
};
