import { describe, expect, it } from 'vitest';
import type { ActivityId, ChallengeId, GuideId, TopicId } from '../ids';
import { activity, catalogue, choiceScene, text, topic } from '../testing/builders';
import type { Catalogue, Challenge, Guide } from '../types/catalogue';
import { withoutTopics } from './filter';
import { lessonPlan } from './lesson-plan';

const scams = activity(
  { s1: choiceScene('s1', 'end', { playTogether: text('s1.pt') }) },
  {
    challenges: ['adverts' as ChallengeId],
  },
);
const kind = activity(
  { s1: choiceScene('s1', 'end') },
  { id: 'kind-words' as ActivityId, topic: 'kindness' as TopicId },
);
const guide: Guide = {
  id: 'scams-8-10' as GuideId,
  topic: 'scams' as TopicId,
  band: '8-10',
  title: text('g.title'),
  risk: [text('g.risk')],
  practises: [text('g.practises')],
  parents: {
    conversationStarters: [text('g.p.start')],
    settingsChecklist: [],
    ifSomethingHappened: [text('g.p.if')],
  },
  teachers: {
    conversationStarters: [text('g.t.start')],
    inClass: [text('g.t.class')],
    ifSomethingHappened: [text('g.t.if')],
  },
};
const challenge: Challenge = {
  id: 'adverts' as ChallengeId,
  topic: 'scams' as TopicId,
  bands: ['8-10'],
  for: 'class',
  title: text('c.title'),
  summary: text('c.summary'),
  steps: [text('c.step')],
  minutes: 20,
};
const base = catalogue(
  [topic('scams', ['spot-phishing-links']), topic('kindness', ['upstand'])],
  [scams, kind],
);
const cat: Catalogue = {
  ...base,
  guides: new Map([[guide.id, guide]]),
  challenges: new Map([[challenge.id, challenge]]),
};

describe('withoutTopics', () => {
  it('removes a disabled topic with its activities, guides, challenges and skills', () => {
    const off = withoutTopics(cat, { disabledTopics: ['scams' as TopicId] });
    expect([...off.topics.keys()]).toEqual(['kindness']);
    expect([...off.activities.keys()]).toEqual(['kind-words']);
    expect(off.guides.size).toBe(0);
    expect(off.challenges.size).toBe(0);
    expect([...off.skills.keys()]).toEqual(['upstand']);
  });

  it('returns the same catalogue when nothing is disabled', () => {
    expect(withoutTopics(cat, { disabledTopics: [] })).toBe(cat);
  });
});

describe('lessonPlan', () => {
  it('assembles the plan from the activity and the guide of its topic and band', () => {
    const plan = lessonPlan(cat, scams.id);
    expect(plan).toMatchObject({
      activity: 'test-activity',
      band: '8-10',
      level: 'identify',
      minutes: 5,
    });
    expect(plan?.warmUp.map((t) => t.id)).toEqual(['t.g.t.start']);
    expect(plan?.background.map((t) => t.id)).toEqual(['t.g.risk', 't.g.practises']);
    // Only the teachers' lines: the activity's play-together and adult prompts speak to a parent.
    expect(plan?.inClass.map((t) => t.id)).toEqual(['t.g.t.class']);
    expect(JSON.stringify(plan)).not.toContain('t.pt');
    expect(JSON.stringify(plan)).not.toContain('t.adult');
    expect(plan?.scenePrompts.map((t) => t.id)).toEqual(['t.s1.pt']);
    expect(plan?.challenges.map((c) => c.id)).toEqual(['adverts']);
    expect(plan?.ifSomethingHappened.map((t) => t.id)).toEqual(['t.g.t.if']);
  });

  it('works without a guide, and is null for an unknown activity', () => {
    expect(lessonPlan(cat, kind.id)?.warmUp).toEqual([]);
    expect(lessonPlan(cat, 'nope' as ActivityId)).toBeNull();
  });
});
