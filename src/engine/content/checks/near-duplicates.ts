import type { Activity } from '../../types/activity';
import type { IssueSink } from '../issues';
import { collectTexts } from '../walk';

/**
 * Two scenes of different activities in one pack are near-duplicates when both their situation
 * (the scene text) and their answers (the interaction's texts) are at least this similar.
 * Tuned on the core pack: the copied apology dilemma of kindness 11–13 and 14–16 scored 0.42;
 * after the fix the most alike pair of core scenes scores 0.35.
 */
export const SCENE_SIMILARITY = 0.4;
/** A card, option or message this long, word for word in two activities, is a copy. */
export const COPIED_TEXT_WORDS = 8;
/** Scenes with fewer content words than this in their text or answers are not compared. */
const MIN_WORDS = 5;

const STOP_WORDS = new Set(
  (
    "a an the and or but if to of in on at for with from by is are was were be it its it's this " +
    'that these those you your yours i me my we us our they them their he she his her him what ' +
    'who how why when where which do does did not no yes so can could would should will just ' +
    'very all any some up out about as than then there here have has had get got'
  ).split(' '),
);

/** The words of a text, lower case, a placeholder counting as its kind ("name", "app"). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/\{([a-z]+)(?::[a-z0-9-]+)?\}/g, ' $1 ')
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

/**
 * The content words of some texts as a set: no stop words, and a crude stem (tags, tagged →
 * tag), so a reworded copy of a scene still matches. English only; a translation is not checked.
 */
export function contentWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts)
    for (const w of words(t)) {
      if (STOP_WORDS.has(w)) continue;
      const stem = w.replace(/(ing|ed|es|s)$/, '');
      if (stem.length > 1) out.add(stem);
    }
  return out;
}

/** Jaccard similarity of two sets: |A ∩ B| / |A ∪ B| (0 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}

/** How alike two scenes are: the smaller of the similarities of their texts and of their answers. */
export function sceneSimilarity(
  a: { body: ReadonlySet<string>; answers: ReadonlySet<string> },
  b: { body: ReadonlySet<string>; answers: ReadonlySet<string> },
): number {
  return Math.min(jaccard(a.body, b.body), jaccard(a.answers, b.answers));
}

/**
 * The texts of an interaction that say what happens: a picture's alt text describes a shared
 * picture (the same picture has the same description wherever it is used), so it is left out.
 */
function situationTexts(args: unknown): { path: string; text: string }[] {
  return collectTexts(args).filter((t) => !/(^|\.)media\.alt$/.test(t.path));
}

interface SceneWords {
  readonly activity: Activity;
  readonly file: string;
  readonly pack: string;
  readonly scene: string;
  readonly body: Set<string>;
  readonly answers: Set<string>;
}

/** An activity with its file and pack, as the check gets it. */
export interface CheckedActivity {
  readonly activity: Activity;
  readonly file: string;
  readonly pack: string;
}

/**
 * `near-duplicate`: a scene that repeats a scene of another activity of the same pack (another
 * band or level): both its text and its answers have a content-word Jaccard similarity of at
 * least {@link SCENE_SIMILARITY} with that scene's. Also any long card, option or message copied
 * word for word into another activity. Reported once per pair, on the activity that sorts later.
 * Packs are compared only with themselves: a country pack may adapt a core scene on purpose.
 * The measure is lexical: a copy reworded into another interaction type slips past it (issue
 * 11's two tagged-photo scenes, a choice and a chat, scored 0.20), so a reviewer still reads.
 */
export function checkNearDuplicates(activities: readonly CheckedActivity[], sink: IssueSink): void {
  const sorted = [...activities].sort((a, b) =>
    a.activity.id < b.activity.id ? -1 : a.activity.id > b.activity.id ? 1 : 0,
  );
  const scenes: SceneWords[] = sorted.flatMap(({ activity, file, pack }) =>
    Object.entries(activity.scenes).map(([scene, s]) => ({
      activity,
      file,
      pack,
      scene,
      body: contentWords([s.body.text]),
      answers: contentWords(situationTexts(s.interaction.args).map((t) => t.text)),
    })),
  );
  const comparable = (s: SceneWords) => s.body.size >= MIN_WORDS && s.answers.size >= MIN_WORDS;
  for (let j = 0; j < scenes.length; j++) {
    const b = scenes[j] as SceneWords;
    if (!comparable(b)) continue;
    for (let i = 0; i < j; i++) {
      const a = scenes[i] as SceneWords;
      if (a.activity.id === b.activity.id || a.pack !== b.pack || !comparable(a)) continue;
      const sim = sceneSimilarity(a, b);
      if (sim >= SCENE_SIMILARITY)
        sink.add(
          'near-duplicate',
          b.file,
          `scenes.${b.scene}`,
          `repeats scene "${a.scene}" of ${a.activity.id} (similarity ${sim.toFixed(2)}): write a different situation for this band or level`,
        );
    }
  }

  const seen = new Map<string, { id: string; path: string }>();
  for (const { activity, file, pack } of sorted) {
    for (const [scene, s] of Object.entries(activity.scenes)) {
      for (const t of situationTexts(s.interaction.args)) {
        const w = words(t.text);
        if (w.length < COPIED_TEXT_WORDS) continue;
        const key = `${pack}:${w.join(' ')}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, { id: activity.id, path: `${scene}.${t.path}` });
        else if (first.id !== activity.id)
          sink.add(
            'near-duplicate',
            file,
            `scenes.${scene}.interaction.args.${t.path}`,
            `"${t.text}" is copied word for word from ${first.id} (${first.path})`,
          );
      }
    }
  }
}
