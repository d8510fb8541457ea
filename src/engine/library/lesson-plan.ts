import type { ActivityId } from '../ids';
import type { Activity } from '../types/activity';
import type { Catalogue, Challenge, Guide } from '../types/catalogue';
import type { Band, Level, Text } from '../types/text';
import type { Worksheet } from '../types/worksheet';

/** A teacher's lesson plan for one activity, assembled from content (ADULT-1). */
export interface LessonPlan {
  readonly activity: ActivityId;
  readonly title: Text;
  readonly goal: Text;
  readonly band: Band;
  readonly level: Level;
  readonly minutes: number;
  readonly sensitiveNote?: Text;
  /** Warm-up: the guide's classroom conversation starters. */
  readonly warmUp: readonly Text[];
  /** What the risk is and what the children practise (from the guide). */
  readonly background: readonly Text[];
  /**
   * Ideas for the class: the guide's teacher steps and adaptations. Never the activity's
   * play-together lines or its adult prompt: those are written to a parent beside a child.
   */
  readonly inClass: readonly Text[];
  /** One prompt per scene for the adult at the board, in scene order (the discussion). */
  readonly scenePrompts: readonly Text[];
  readonly worksheet: Worksheet;
  /** Follow-up missions. */
  readonly challenges: readonly Challenge[];
  /** What to do if a child discloses something (from the guide). */
  readonly ifSomethingHappened: readonly Text[];
  /** Adapting the activity for children with disabilities or special educational needs. */
  readonly adapting: readonly Text[];
  /** Learning-framework strands of the activity: its topic's, then its own, by framework id. */
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
}

/** The framework strands of an activity: its topic's mapping joined with its own. */
export function frameworkStrands(
  catalogue: Pick<Catalogue, 'topics'>,
  a: Pick<Activity, 'topic' | 'frameworks'>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of [catalogue.topics.get(a.topic)?.frameworks ?? {}, a.frameworks ?? {}])
    for (const [fw, strands] of Object.entries(m)) {
      const list = (out[fw] ??= []);
      for (const s of strands) if (!list.includes(s)) list.push(s);
    }
  return out;
}

function guideFor(catalogue: Catalogue, a: Activity): Guide | undefined {
  for (const g of catalogue.guides.values()) if (g.topic === a.topic && g.band === a.band) return g;
  return undefined;
}

/**
 * Assembles the lesson plan of an activity from the activity (goal, minutes, prompts,
 * worksheet, challenges) and the guide of its topic and band. Null for an unknown activity.
 */
export function lessonPlan(catalogue: Catalogue, id: ActivityId): LessonPlan | null {
  const a = catalogue.activities.get(id);
  if (a === undefined) return null;
  const g = guideFor(catalogue, a);
  const challenges = (a.challenges ?? []).flatMap((c) => {
    const found = catalogue.challenges.get(c);
    return found ? [found] : [];
  });
  return Object.freeze({
    activity: a.id,
    title: a.title,
    goal: a.goal,
    band: a.band,
    level: a.level,
    minutes: a.minutes,
    ...(a.sensitive ? { sensitiveNote: a.sensitive.adultNote } : {}),
    warmUp: g?.teachers.conversationStarters ?? [],
    background: [...(g?.risk ?? []), ...(g?.practises ?? [])],
    inClass: g?.teachers.inClass ?? [],
    scenePrompts: Object.values(a.scenes).flatMap((s) => (s.playTogether ? [s.playTogether] : [])),
    worksheet: a.worksheet,
    challenges,
    ifSomethingHappened: g?.teachers.ifSomethingHappened ?? [],
    adapting: g?.adapting ?? [],
    frameworks: frameworkStrands(catalogue, a),
  });
}
