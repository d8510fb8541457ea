import { lazy, Suspense } from 'preact/compat';
import { bandIndex, canPlay, isMastered, LEVELS, recommend, topicMastery } from '../../engine';
import type { Activity, Catalogue, LearnerModel, Reason } from '../../engine';
import { useSession } from '../app/session';
import { TOPIC_DRAWINGS } from '../components/art';
import { Draw, drawingOf } from '../components/drawing';
import kiriCuriousSvg from '../../../content/art/kiri/curious.svg?raw';
import { Link } from '../components/link';
import { AfterPaint, AfterPaintInSteps } from '../components/after-paint';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { useBand } from '../progress/use-band';
import { effectiveBand } from '../store/profiles';
import { TeenHome } from './home-teen';
import { DoneMark, StarRow, StarsExplained, starFills } from '../progress/stars';
import { useAssignments } from '../class-child/use-assignments';
import { CourseCard } from '../course/course-card';
import badgeIcon from '../../../content/art/ui/badge.svg';
import { hasAccount, loadChecks } from '../measure/measured';

// A quick check due after learning (docs/measurement.md): its code loads only for a learner
// with an account, after home's first screen.
const HomeCheck = lazy(() => loadChecks().then((m) => m.HomeCheck));

// Kiri's greeting, drawn in the page like the sky map's pictures (components/drawing.tsx).
const kiriCurious = drawingOf(kiriCuriousSvg);

/** A reason in the child's words. */
export function reasonText(reason: Reason, catalogue: Catalogue): string {
  const topic = 'topic' in reason ? (catalogue.topics.get(reason.topic)?.title.text ?? '') : '';
  const skill = 'skill' in reason ? (catalogue.skills.get(reason.skill)?.title.text ?? '') : '';
  return t(`reason.${reason.code}` as UiKey, { topic, skill });
}

/** Stars of a topic: one per level mastered (mastery, not time spent). */
export function topicStars(catalogue: Catalogue, model: LearnerModel, topic: string): boolean[] {
  return LEVELS.map((level) => isMastered(topicMastery(catalogue, model, topic as never, level)));
}

/** Home: Kiri, the sky map with stars per topic, a suggestion with its reason, free choice. */
export function Home() {
  const { profile } = useSession();
  const data = useBand(profile);
  const assigned = useAssignments(profile);
  if (!profile) return null;
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (data instanceof Error) return <p class="page">{t('home.noActivities')}</p>;
  const { catalogue, summary, context } = data;
  const model = summary.learner;
  const recs = recommend(catalogue, model, {
    adultSession: context.adultSession,
    lang: context.lang,
  });
  const top = recs[0];
  const topActivity = top ? catalogue.activities.get(top.activity) : undefined;
  const topics = [...catalogue.topics.values()].filter((topic) =>
    [...catalogue.activities.values()].some((a) => a.topic === topic.id && canPlay(a, context)),
  );
  /** The activities of a topic a child may choose freely, easiest level first. */
  const activitiesOf = (topic: string) =>
    [...catalogue.activities.values()]
      .filter((a) => a.topic === topic && canPlay(a, context))
      .sort((x, y) => LEVELS.indexOf(x.level) - LEVELS.indexOf(y.level));
  const assignedHere = assigned
    .map((id) => catalogue.activities.get(id as Activity['id']))
    .filter((a): a is Activity => a !== undefined && canPlay(a, context));
  const check = hasAccount(profile) && (
    <AfterPaint>
      {() => (
        <Suspense fallback={null}>
          <HomeCheck profile={profile} topics={topics.map((topic) => topic.id)} />
        </Suspense>
      )}
    </AfterPaint>
  );
  const fromTeacher = assignedHere.length > 0 && (
    <section aria-labelledby="teacher-title" class="card from-teacher">
      <h2 id="teacher-title">{t('home.fromTeacher')}</h2>
      <ul class="activity-list" role="list">
        {assignedHere.map((a) => (
          <li key={a.id}>
            <Link href={`/play/${a.id}`} class="activity-card">
              <span class="activity-title">{a.title.text}</span>
              {model.activities[a.id]?.finished && <DoneMark />}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
  // 11–13 and 14–16: the calmer, older skin of the same content (a topic list with progress).
  if (bandIndex(effectiveBand(profile)) >= bandIndex('11-13'))
    return (
      <TeenHome
        catalogue={catalogue}
        model={model}
        topics={topics}
        activitiesOf={activitiesOf}
        fromTeacher={fromTeacher}
        check={check}
        course={<CourseCard courses={data.courses} />}
        suggestion={
          topActivity && top
            ? {
                activity: topActivity,
                reason: top.reasons[0] ? reasonText(top.reasons[0], catalogue) : '',
              }
            : undefined
        }
      />
    );
  const badgesOf = () =>
    topics.flatMap((topic) =>
      LEVELS.filter((_, i) => topicStars(catalogue, model, topic.id)[i]).map((level) => ({
        topic,
        level,
      })),
    );

  return (
    <main class="page home">
      <div class="kiri-says">
        <Draw drawing={kiriCurious} width={72} height={94} />
        <div class="bubble">
          <p class="big">{t('home.hello', { avatar: t(`avatar.${profile.avatar}` as UiKey) })}</p>
          {topActivity && top && (
            <div class="suggestion">
              <h1 class="h2">{t('home.suggested')}</h1>
              <Link href={`/play/${topActivity.id}`} class="primary">
                {topActivity.title.text}
              </Link>
              <p class="small">
                {t('home.because', {
                  reason: top.reasons[0] ? reasonText(top.reasons[0], catalogue) : '',
                })}
              </p>
            </div>
          )}
          {!topActivity && <p>{t('home.noActivities')}</p>}
        </div>
      </div>

      {fromTeacher}
      {check}
      <CourseCard courses={data.courses} />

      <section aria-labelledby="map-title" class="sky-map">
        <h2 id="map-title">{t('home.map')}</h2>
        <StarsExplained />
        <ul class="topic-map" role="list">
          {topics.map((topic) => {
            const stars = topicStars(catalogue, model, topic.id);
            const n = stars.filter(Boolean).length;
            const playable = [...catalogue.activities.values()].filter(
              (a) => a.topic === topic.id && canPlay(a, context),
            );
            const done = playable.filter((a) => model.activities[a.id]?.finished).length;
            return (
              <li key={topic.id} class={`island topic-${topic.id}`}>
                <a href={`#topic-${topic.id}`} class="island-link">
                  {TOPIC_DRAWINGS[topic.id] && (
                    <Draw drawing={TOPIC_DRAWINGS[topic.id]!} width={56} />
                  )}
                  <span class="island-name">{topic.title.text}</span>
                  <StarRow
                    fills={starFills(catalogue, model, topic.id)}
                    label={t('home.topicLevel', { topic: topic.title.text, stars: n })}
                  />
                  {done > 0 && (
                    <span class="island-done">
                      {t('home.topicDone', { n: done, total: playable.length })}
                    </span>
                  )}
                </a>
              </li>
            );
          })}
        </ul>
      </section>

      {/* Below the fold, once the greeting and the map are on screen: the badges, then each
          topic's activities in a task of its own (components/after-paint.tsx). */}
      <AfterPaint>
        {() => {
          const badges = badgesOf();
          return (
            <section aria-labelledby="badges-title" class="card">
              <h2 id="badges-title">{t('home.badges')}</h2>
              {badges.length === 0 ? (
                <p>{t('home.noBadges')}</p>
              ) : (
                <ul class="badges" role="list">
                  {badges.map((b) => (
                    <li key={`${b.topic.id}-${b.level}`}>
                      <img src={badgeIcon} alt="" width="36" height="36" />
                      {t('badge.level', {
                        topic: b.topic.title.text,
                        level: t(`level.${b.level}` as UiKey),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        }}
      </AfterPaint>

      <section aria-labelledby="all-title">
        <h2 id="all-title">{t('home.allActivities')}</h2>
        <AfterPaintInSteps
          steps={topics.map((topic) => () => (
            <div key={topic.id} id={`topic-${topic.id}`} class="topic-group">
              <h3>{topic.title.text}</h3>
              <ul class="activity-list" role="list">
                {activitiesOf(topic.id).map((a) => (
                  <li key={a.id}>
                    <Link href={`/play/${a.id}`} class="activity-card">
                      <span class="activity-title">{a.title.text}</span>
                      <span class="activity-meta">
                        {t(`level.${a.level}` as UiKey)} · {t('home.minutes', { n: a.minutes })}
                        {a.sensitive && <> · {t('home.sensitiveTag')}</>}
                      </span>
                      {model.activities[a.id]?.finished && <DoneMark />}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        />
      </section>
    </main>
  );
}
