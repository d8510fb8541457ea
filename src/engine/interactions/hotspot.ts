import type { Media, Text } from '../types/text';
import { subsets } from './probe';
import { duplicateIds, idSet, issue, joinPath } from './kind';
import type { InteractionKind, LocalIssue } from './kind';
import { checkSetRule, isValidPick, setMatches, setSamples } from './set-rules';
import type { SetMode } from './set-rules';

/** A rectangle in percent of the image (0–100), from the top-left corner. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Something the child can tap: a clue or a decoy. `label` is its accessible name. */
export interface Spot {
  readonly id: string;
  readonly label: Text;
  /** Required when the hotspot shows an image. */
  readonly rect?: Rect;
}

/** A piece of a post; pieces with `spot` are tappable. */
export interface PostPart {
  readonly text: Text;
  readonly spot?: string;
}

/** Find the clues in a picture (`media` + rects) or in a post (`parts` naming spots). */
export interface HotspotArgs {
  readonly media?: Media;
  readonly parts?: readonly PostPart[];
  readonly spots: readonly Spot[];
}

/** The ids of the spots the child marked before pressing Done. */
export interface HotspotAnswer {
  readonly type: 'hotspot';
  readonly found: readonly string[];
}

/**
 * `Found`: every listed spot found (others may be). `FoundExactly`: exactly these.
 * `FoundAny`: at least one listed spot found. `MissedAny`: at least one listed spot not found.
 */
export type HotspotRule = {
  readonly rule: 'Found' | 'FoundExactly' | 'FoundAny' | 'MissedAny';
  readonly spots: readonly string[];
};

const MODE: Record<HotspotRule['rule'], SetMode> = {
  Found: 'All',
  FoundExactly: 'Exactly',
  FoundAny: 'Any',
  MissedAny: 'MissedAny',
};

function checkTarget(args: HotspotArgs): LocalIssue[] {
  const out: LocalIssue[] = [];
  if ((args.media === undefined) === (args.parts === undefined)) {
    out.push(issue('', 'a hotspot needs exactly one of "media" (a picture) or "parts" (a post)'));
  }
  if (args.media !== undefined) {
    args.spots.forEach((s, i) => {
      if (s.rect === undefined)
        out.push(issue(joinPath(joinPath('spots', i), 'rect'), 'a spot on a picture needs a rect'));
      else if (s.rect.x + s.rect.w > 100 || s.rect.y + s.rect.h > 100) {
        out.push(
          issue(
            joinPath(joinPath('spots', i), 'rect'),
            'the rect goes outside the picture (over 100%)',
          ),
        );
      }
    });
  }
  if (args.parts !== undefined) {
    const known = idSet(args.spots);
    const used = new Set<string>();
    args.parts.forEach((p, i) => {
      if (p.spot === undefined) return;
      if (!known.has(p.spot))
        out.push(issue(joinPath(joinPath('parts', i), 'spot'), `spot "${p.spot}" does not exist`));
      used.add(p.spot);
    });
    args.spots.forEach((s, i) => {
      if (!used.has(s.id))
        out.push(
          issue(joinPath(joinPath('spots', i), 'id'), `spot "${s.id}" is in no part of the post`),
        );
    });
  }
  return out;
}

/** Behaviour of `hotspot`. */
export const hotspot: InteractionKind<HotspotArgs, HotspotAnswer, HotspotRule> = {
  isValidAnswer: (args, answer) => isValidPick(answer.found, args.spots),
  matches: (rule, answer) => setMatches(MODE[rule.rule], rule.spots, answer.found),
  samples: (rule, args) =>
    setSamples(
      MODE[rule.rule],
      rule.spots,
      args.spots.map((s) => s.id),
    ).map((found) => ({ type: 'hotspot', found })),
  probes: (args) =>
    subsets(args.spots.map((s) => s.id)).map((found) => ({ type: 'hotspot', found })),
  checkRule: (rule, args) =>
    checkSetRule(
      rule.spots,
      args.spots.map((s) => s.id),
      'spots',
      'spot',
    ),
  checkArgs: (args) => [...duplicateIds(args.spots, 'spots'), ...checkTarget(args)],
};
