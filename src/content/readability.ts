import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { Activity, Band } from '../engine';
import { collectTexts } from '../engine/content';

/** The highest Flesch–Kincaid grade allowed for a band's learner-facing text (issue 5). */
export const GRADE_TARGETS: Readonly<Record<Band, number>> = {
  '5-7': 2,
  '8-10': 4,
  '11-13': 6,
  '14-16': 8,
};

/** Neutral words standing in for country placeholders, so they count like ordinary words. */
const PLACEHOLDER_WORDS: Readonly<Record<string, string>> = {
  name: 'Sam',
  app: 'Chat',
  money: 'ten',
  currency: 'coins',
  helpline: 'the help line',
  hotline: 'the hotline',
  handle: 'Jay',
  term: 'the teacher',
};

/** The strings of every text object inside a value (none for `undefined`). */
const texts = (value: unknown): string[] => collectTexts(value).map((t) => t.text);

/**
 * What a child reads while playing: the title, every scene's text, picture descriptions,
 * interaction texts (options, messages, posts, settings), feedback, hints, solutions and the
 * child's content note. Adult-facing fields (goal, prompts, worksheet key) are not included.
 */
export function learnerText(activity: Activity): string[] {
  return [
    ...texts(activity.title),
    ...texts(activity.sensitive?.childNote),
    ...Object.values(activity.scenes).flatMap((s) => [
      ...texts(s.body),
      ...texts(s.media),
      ...texts(s.interaction.args),
      ...texts(s.interaction.answerGroups.map((g) => g.outcome.feedback)),
      ...texts(s.interaction.defaultOutcome.feedback),
      ...texts(s.interaction.hints),
      ...texts(s.interaction.solution?.explanation),
    ]),
  ];
}

/**
 * `syllable(word)`, remembered: the content repeats its words (a few thousand distinct ones), and
 * counting each occurrence afresh was a third of loading the catalogue (server start, every
 * content check). The count of a word never changes, so the map only grows to the vocabulary.
 */
const syllableCounts = new Map<string, number>();
function syllablesOf(word: string): number {
  let n = syllableCounts.get(word);
  if (n === undefined) {
    n = /^\d+$/.test(word) ? 1 : Math.max(1, syllable(word));
    syllableCounts.set(word, n);
  }
  return n;
}

/** Counts and grade of a list of text pieces; each piece ends at least one sentence. */
export function readability(pieces: readonly string[]): {
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
} {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const raw of pieces) {
    const text = raw.replace(
      /\{(\w+)(?::[\w-]+)?\}/g,
      (_m, kind: string) => PLACEHOLDER_WORDS[kind] ?? 'it',
    );
    const parts = text.split(/[.!?…]+(?=\s|$)|\n+/).filter((p) => /[A-Za-z0-9]/.test(p));
    sentences += Math.max(1, parts.length);
    for (const w of text.match(/[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g) ?? []) {
      words++;
      syllables += syllablesOf(w);
    }
  }
  const grade = fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return {
    grade: Number.isNaN(grade) ? 0 : Math.round(grade * 10) / 10,
    words,
    sentences,
    syllables,
  };
}

/** The grade of an activity's learner-facing text, and whether it meets its band's target. */
export function activityReadability(activity: Activity): {
  grade: number;
  target: number;
  ok: boolean;
} {
  const { grade } = readability(learnerText(activity));
  const target = GRADE_TARGETS[activity.band];
  return { grade, target, ok: grade <= target };
}
