import { assignedEvent, canPlay, drawPreSkip, nextCheck } from '../../engine';
import type {
  ActivityId,
  Band,
  CheckPresentation,
  DeviceId,
  EventId,
  GetRandomValues,
  LearnerId,
  MeasureBank,
  MeasureEvent,
  MeasureItem,
  MeasureStep,
  MeasureUse,
  TopicId,
} from '../../engine';
import { keepOffline } from '../app/offline-cache';
import { bankPictures } from './pictures';
import { clientConfig, getJson, homeIndex } from '../content/client';
import type { MeasureBundle } from '../content/types';
import { catalogueFromHome } from '../content/catalogue';
import { playContext } from '../content/deployment';
import { language } from '../i18n/i18n';
import { loadMeasureStrings } from './strings';
import { eventsOf } from '../store/events';
import { newEventId } from '../store/ids';
import { measuresOf, recordMeasure } from '../store/measures';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';
import { requestSync } from '../sync/request';
import { hasAccount } from './measured';

/** A check to offer now: what `nextCheck` said, with what the screen needs to show it. */
export interface DueCheck {
  readonly learner: string;
  readonly band: Band;
  readonly bank: MeasureBank;
  /** The topic's title in the shown language. */
  readonly title: string;
  readonly use: MeasureUse;
  readonly items: readonly MeasureItem[];
  readonly presentation: CheckPresentation;
}

/** One learner's measurement state on this device: everything `nextCheck` reads, per topic. */
interface Learner {
  readonly profile: Profile;
  readonly band: Band;
  step(topic: string): { step: MeasureStep; bank: MeasureBank; title: string } | null;
  /** Adds an event just recorded, so the next `step` sees it. */
  add(event: MeasureEvent): void;
}

let picturesKept = '';
/**
 * Once per page and bundle, has the service worker keep the items' pictures, so a check taken
 * offline shows them as the band's activities show theirs (a few dozen small SVGs, 5–7 only).
 */
function keepPictures(bundle: MeasureBundle): void {
  const key = `${bundle.lang}:${bundle.band}:${bundle.version}`;
  if (picturesKept === key) return;
  picturesKept = key;
  const urls = bankPictures(bundle);
  if (urls.length > 0) setTimeout(() => void keepOffline(urls), 500);
}

/**
 * Reads what `nextCheck` needs for a learner: the band's item banks, the topics' playable
 * activities (home's index of the band, with the engine's access rules), and the learner's
 * progress and measurement events on this device. Null (and nothing read) when measurement is
 * off here (`measurement: false`) or the learner has no account.
 */
async function learner(profile: Profile, now: number): Promise<Learner | null> {
  const config = await clientConfig();
  if (config.measurement === false || !hasAccount(profile)) return null;
  const lang = language();
  const band = effectiveBand(profile);
  const [bundle, index, progress, measures] = await Promise.all([
    // The band's item banks, kept by the service worker once read: checks work offline.
    getJson<MeasureBundle>(`/content/${lang}/measurement/${band}.json`),
    homeIndex(lang, band),
    eventsOf(profile.id),
    measuresOf(profile.id),
  ]);
  keepPictures(bundle);
  const catalogue = catalogueFromHome(index, config.disabledTopics);
  const context = playContext(band, config, lang);
  return {
    profile,
    band,
    add: (e) => void measures.push(e),
    step: (topic) => {
      const bank = bundle.banks.find((b) => b.topic === topic);
      const title = catalogue.topics.get(topic as TopicId)?.title.text;
      if (!bank || title === undefined) return null;
      const activities = [...catalogue.activities.values()]
        .filter((a) => a.topic === topic && canPlay(a, context))
        .map((a) => a.id as ActivityId);
      const step = nextCheck({
        bank,
        band,
        enabled: true,
        hasAccount: true,
        activities,
        progress,
        measures,
        now,
      });
      return { step, bank, title };
    },
  };
}

/** The check of `found` to offer, when it is one of `uses`; its strings loaded. */
async function offered(
  l: Learner,
  found: ReturnType<Learner['step']>,
  uses: readonly MeasureUse[],
): Promise<DueCheck | null> {
  if (found?.step.step !== 'check' || !uses.includes(found.step.use)) return null;
  await loadMeasureStrings();
  const { step, bank, title } = found;
  return {
    learner: l.profile.id,
    band: l.band,
    bank,
    title,
    use: step.use,
    items: step.items,
    presentation: step.presentation,
  };
}

/** The device's random source, for the pre-check draw (MEAS-04). */
const deviceRandom: GetRandomValues = (bytes) => crypto.getRandomValues(bytes);

/**
 * Before an activity of `topic` in the learner's band: the pre-check to offer, or null. Before
 * the topic's first activity the learner is assigned once: the device draws whether they skip
 * the pre-check (`drawPreSkip`, 15 %) and records the draw (`measure-assigned`), queued for
 * sync; a skipped learner goes straight to the activity.
 */
export async function preCheck(
  profile: Profile,
  topic: string,
  { now = Date.now(), random = deviceRandom } = {},
): Promise<DueCheck | null> {
  const l = await learner(profile, now);
  if (!l) return null;
  let found = l.step(topic);
  if (found?.step.step === 'assign') {
    const skipPre = drawPreSkip(random);
    const event = await recordMeasure(({ device, seq }) =>
      assignedEvent(
        {
          id: newEventId() as EventId,
          learner: profile.id as LearnerId,
          device: device as DeviceId,
          seq,
          at: now,
          topic: topic as TopicId,
          band: l.band,
        },
        skipPre,
      ),
    );
    requestSync();
    l.add(event);
    found = l.step(topic);
  }
  return offered(l, found, ['pre']);
}

/** At the end of an activity of `topic`: the post-check, once every activity has ended. */
export async function postCheck(
  profile: Profile,
  topic: string,
  { now = Date.now() } = {},
): Promise<DueCheck | null> {
  const l = await learner(profile, now);
  return l ? offered(l, l.step(topic), ['post']) : null;
}

/**
 * On home: the first check due among `topics` after learning, a post-check the child has not
 * answered yet (they left the last activity's end) or a transfer check whose week has passed.
 * Nothing is drawn or recorded here: a pre-check belongs before a topic's first activity.
 */
export async function homeCheck(
  profile: Profile,
  topics: readonly string[],
  { now = Date.now() } = {},
): Promise<DueCheck | null> {
  const l = await learner(profile, now);
  if (!l) return null;
  for (const topic of topics) {
    const due = await offered(l, l.step(topic), ['post', 'transfer']);
    if (due) return due;
  }
  return null;
}
