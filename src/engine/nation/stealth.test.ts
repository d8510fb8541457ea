import { describe, expect, it } from 'vitest';
import type { ActivityId, AttemptId, DeviceId, EventId, SceneId, SkillId, TopicId } from '../ids';
import type { ProgressEvent } from '../progress/event';
import { activity, catalogue, choiceScene, topic, twoSceneActivity } from '../testing/builders';
import { event } from '../testing/events';
import type { Band } from '../types/text';
import { STEALTH_RULES_VERSION, stealthEvidence } from './stealth';

// The stealth-evidence rules pinned to their version (MEAS-06): a fixed fixture of play, folded
// by the rules, must give the estimates recorded for the version in force. Changing the rules
// (Elo parameters, difficulties, start levels, which answers count, the evidence needed) changes
// these numbers and fails here until STEALTH_RULES_VERSION is raised and the new version's
// estimates are added below. Never edit a version's entry once released.

const SCAMS = 'scams' as TopicId;
const PASSWORDS = 'passwords' as TopicId;
const content = catalogue(
  [topic('scams', ['spot-phishing-links', 'report-scams']), topic('passwords', ['strong'])],
  [
    // Identify level, difficulty by level (−1).
    twoSceneActivity({ id: 'spot' as ActivityId }),
    // Evaluate level, both skills, the second scene with its own difficulty.
    activity(
      {
        s1: choiceScene('s1', 's2', { checkpoint: true }),
        s2: choiceScene('s2', 'end', { difficulty: 0.5 }),
      },
      {
        id: 'report' as ActivityId,
        level: 'evaluate',
        skills: ['spot-phishing-links', 'report-scams'] as SkillId[],
      },
    ),
    // Comprehend level, the activity's own difficulty.
    twoSceneActivity({
      id: 'strong' as ActivityId,
      topic: PASSWORDS,
      level: 'comprehend',
      difficulty: 0.3,
      skills: ['strong'] as SkillId[],
    }),
  ],
);

let n = 0;
const play = (
  activityId: string,
  attempt: string,
  scene: 's1' | 's2',
  at: number,
  over: Partial<ProgressEvent> = {},
) =>
  event({
    id: `e${++n}` as EventId,
    seq: n,
    device: 'd1' as DeviceId,
    activity: activityId as ActivityId,
    attempt: attempt as AttemptId,
    scene: scene as SceneId,
    ended: scene === 's2',
    at,
    ...over,
  });

/** Play that touches every rule: right, wrong, hinted, a second try, a "what if", a resend. */
const PLAY: ProgressEvent[] = [
  play('spot', 'a1', 's1', 1_000),
  play('spot', 'a1', 's2', 2_000, { correct: false }),
  play('spot', 'a1', 's2', 2_500), // a second try on the scene: not graded
  play('spot', 'a2', 's1', 3_000, { hinted: true }), // half credit
  play('spot', 'a2', 's2', 4_000),
  play('spot', 'a2', 's2', 4_500, { whatIf: true, correct: false }), // a replay: not graded
  play('report', 'b1', 's1', 6_000),
  play('report', 'b1', 's2', 7_000, { correct: false }),
  play('report', 'b2', 's1', 8_000),
  play('report', 'b2', 's2', 9_000),
  play('strong', 'c1', 's1', 10_000),
  play('strong', 'c1', 's2', 11_000, { correct: false }),
  play('strong', 'c2', 's1', 12_000),
];
// Arrival order and a resent event change nothing: the rules take the canonical order.
const ARRIVED = [...PLAY.slice(7), ...PLAY.slice(0, 7), PLAY[3]!];

/** The estimates of the fixture, 10 decimals, per band and topic. */
function fingerprint(): Record<string, Record<string, { value: number; evidence: number }>> {
  const out: Record<string, Record<string, { value: number; evidence: number }>> = {};
  for (const band of ['8-10', '11-13'] as Band[]) {
    out[band] = {};
    for (const [t, m] of stealthEvidence(content, band, ARRIVED, [SCAMS, PASSWORDS]))
      out[band]![t] = { value: Math.round(m.value * 1e10) / 1e10, evidence: m.evidence };
  }
  return out;
}

/** Each version's estimates of the fixture. */
const PINNED: Readonly<Record<number, ReturnType<typeof fingerprint>>> = {
  // Version 1, passwords by hand: difficulty 0.3; right, wrong, right with K = 1, 1/1.05, 1/1.1:
  // θ = 0.5744, 0.0333, 0.5481; at identify (−1, 8–10) 1/(1 + e^(−1.5481)) = 0.8246, at
  // comprehend (0, 11–13) 1/(1 + e^(−0.5481)) = 0.6337. Scams: 4 answers on one skill and 4 on
  // two (12 skill answers), the hinted one for half, the second try and the replay not at all.
  1: {
    '8-10': {
      scams: { value: 0.8860643599, evidence: 12 },
      passwords: { value: 0.8246412406, evidence: 3 },
    },
    '11-13': {
      scams: { value: 0.7423608804, evidence: 12 },
      passwords: { value: 0.6336980307, evidence: 3 },
    },
  },
};

describe('the stealth-evidence rules (MEAS-06)', () => {
  it('give the estimates pinned to their version', () => {
    expect(
      fingerprint(),
      `the rules changed: raise STEALTH_RULES_VERSION and pin its estimates`,
    ).toEqual(PINNED[STEALTH_RULES_VERSION]);
  });

  it('count a topic only from the engine’s minimum evidence', () => {
    // Two graded answers of passwords: not enough (3 needed).
    const few = stealthEvidence(content, '8-10', PLAY.slice(10, 12), [SCAMS, PASSWORDS]);
    expect([...few.keys()]).toEqual([]);
    expect([...stealthEvidence(content, '8-10', PLAY, [PASSWORDS]).keys()]).toEqual([PASSWORDS]);
  });
});
