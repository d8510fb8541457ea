import { useEffect, useState } from 'preact/hooks';
import { lessonPlan } from '../../engine';
import type {
  Activity,
  ActivityId,
  Catalogue,
  ChallengeId,
  GuideId,
  LessonPlan,
} from '../../engine';
import { activity as loadActivity } from '../content/client';
import { loadLibraryContent } from './use-library-content';
import type { LibraryContent } from './use-library-content';

export interface LessonData {
  readonly content: LibraryContent;
  readonly activity: Activity;
  readonly plan: LessonPlan;
  /** Whether the activity's topic and band have a guide (its teacher section feeds the plan). */
  readonly guideId: string | null;
}

/**
 * The catalogue view the engine's `lessonPlan` needs: the activity, and the guides and
 * challenges of the content index (already in the reader's language).
 */
function planCatalogue(content: LibraryContent, activity: Activity): Catalogue {
  return {
    topics: new Map(),
    skills: new Map(),
    packs: new Map(),
    activities: new Map([[activity.id, activity]]),
    guides: new Map(content.index.guides.map((g) => [g.id as GuideId, g])),
    challenges: new Map(content.index.challenges.map((c) => [c.id as ChallengeId, c])),
    countries: new Map(),
    texts: new Map(),
    locales: new Map(),
    sources: new Map(),
  };
}

/** The lesson's activity belongs to a topic this deployment switched off. */
export class NotOfferedError extends Error {
  constructor(id: string) {
    super(`${id} is not offered here`);
  }
}

async function loadLesson(lang: string, id: string): Promise<LessonData> {
  const content = await loadLibraryContent(lang);
  if (content.index.notOffered?.includes(id)) throw new NotOfferedError(id);
  // From its band's bundle, which the library keeps for offline use (see warmLessonPlans).
  const band = content.index.activities.find((a) => a.id === id)?.band;
  const activity = await loadActivity(content.lang, id, band);
  const plan = lessonPlan(planCatalogue(content, activity), id as ActivityId);
  if (!plan) throw new Error(`no activity ${id}`);
  const guide = content.index.guides.find(
    (g) => g.topic === activity.topic && g.band === activity.band,
  );
  return { content, activity, plan, guideId: guide?.id ?? null };
}

/** The lesson plan of an activity, assembled in the browser from cached content. */
export function useLessonPlan(lang: string, id: string): LessonData | Error | null {
  const [data, setData] = useState<LessonData | Error | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    loadLesson(lang, id).then(
      (d) => live && setData(d),
      (e: unknown) => live && setData(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [lang, id]);
  return data;
}
