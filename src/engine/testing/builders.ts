// Builders for tests: small, valid content values with sensible defaults.
import type { ActivityId, ContentId, SceneId, SkillId, TopicId } from '../ids';
import type { Activity, Scene } from '../types/activity';
import type { Catalogue, Topic } from '../types/catalogue';
import type { CountryPack } from '../types/country';
import type { Interaction, InteractionOf, InteractionType } from '../types/interaction';
import type { Next, Outcome } from '../types/outcome';
import type { Safety, Text } from '../types/text';

/** A text whose id is `t.<key>`. */
export function text(key: string, value = key): Text {
  return { id: `t.${key}` as ContentId, text: value };
}

/** An outcome; wrong answers default to staying put in tests that pass `next`. */
export function outcome(
  next: string,
  correct = true,
  safety: Safety = correct ? 'safe' : 'risky',
): Outcome {
  return { next: next as Next, correct, safety, feedback: text(`fb.${next}.${String(correct)}`) };
}

/** An interaction of type `T` with the given parts; no hints or solution unless given. */
export function interaction<T extends InteractionType>(
  type: T,
  args: InteractionOf<T>['args'],
  answerGroups: InteractionOf<T>['answerGroups'],
  defaultOutcome: Outcome,
  extra: Partial<Pick<InteractionOf<T>, 'hints' | 'solution'>> = {},
): Interaction {
  return {
    type,
    args,
    answerGroups,
    defaultOutcome,
    hints: extra.hints ?? [],
    ...extra,
  } as Interaction;
}

/** A scene around an interaction. */
export function scene(i: Interaction, extra: Partial<Scene> = {}): Scene {
  return { body: text('body'), interaction: i, ...extra };
}

/** A `choice` scene: options `a`, `b`, `c`; `a` leads to `next` (correct), others stay. */
export function choiceScene(id: string, next: string, extra: Partial<Scene> = {}): Scene {
  return scene(
    interaction(
      'choice',
      { options: ['a', 'b', 'c'].map((o) => ({ id: o, text: text(`${id}.${o}`) })) },
      [
        { rules: [{ rule: 'Equals', option: 'a' }], outcome: outcome(next) },
        {
          rules: [{ rule: 'Equals', option: 'b' }],
          outcome: { ...outcome(id, false, 'unsafe'), talkToAdult: true },
        },
      ],
      outcome(id, false),
      {
        hints: [text(`${id}.h1`), text(`${id}.h2`)],
        solution: { explanation: text(`${id}.sol`), answer: { type: 'choice', option: 'a' } },
      },
    ),
    extra,
  );
}

/** An activity with the given scenes; the first scene is the start. */
export function activity(scenes: Record<string, Scene>, extra: Partial<Activity> = {}): Activity {
  const start = Object.keys(scenes)[0] ?? 's1';
  return {
    id: 'test-activity' as ActivityId,
    version: 1,
    topic: 'scams' as TopicId,
    band: '8-10',
    level: 'identify',
    skills: ['spot-phishing-links' as SkillId],
    goal: text('goal'),
    title: text('title'),
    summary: text('summary'),
    minutes: 5,
    start: start as SceneId,
    scenes,
    worksheet: { questions: [{ id: 'q1', kind: 'draw', prompt: text('q1'), size: 'small' }] },
    adultPrompt: text('adult'),
    playTogether: [text('pt')],
    ...extra,
  };
}

/** A two-scene choice activity: s1 → s2 → end (correct). */
export function twoSceneActivity(extra: Partial<Activity> = {}): Activity {
  return activity(
    { s1: choiceScene('s1', 's2', { checkpoint: true }), s2: choiceScene('s2', 'end') },
    extra,
  );
}

/** A topic with skills. */
export function topic(id: string, skills: string[]): Topic {
  return {
    id: id as TopicId,
    title: text(`topic.${id}`),
    summary: text(`topic.${id}.summary`),
    risks: ['contract'],
    skills: skills.map((s) => ({
      id: s as SkillId,
      title: text(`skill.${s}`, s.replace(/-/g, ' ')),
    })),
  };
}

/** A catalogue holding the given topics and activities only. */
export function catalogue(
  topics: Topic[],
  activities: Activity[],
  countries: CountryPack[] = [],
): Catalogue {
  const skills = new Map(
    topics.flatMap((t) => t.skills.map((s) => [s.id, { ...s, topic: t.id }] as const)),
  );
  return {
    topics: new Map(topics.map((t) => [t.id, t])),
    skills,
    packs: new Map(),
    activities: new Map(activities.map((a) => [a.id, a])),
    guides: new Map(),
    challenges: new Map(),
    countries: new Map(countries.map((c) => [c.code, c])),
    texts: new Map(),
    locales: new Map(),
    sources: new Map(),
  };
}
