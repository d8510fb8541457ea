import type { ComponentChildren } from 'preact';
import { isMastered, LEVELS, topicMastery } from '../../engine';
import type { Activity, Catalogue, LearnerModel, Topic } from '../../engine';
import { KIRI, TOPIC_ART } from '../components/art';
import { Link } from '../components/link';
import { AfterPaint } from '../components/after-paint';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';

/** Topics in the first render: about what a phone's first screen shows. */
const FIRST_TOPICS = 2;

export interface TeenHomeProps {
  readonly catalogue: Catalogue;
  readonly model: LearnerModel;
  readonly topics: readonly Topic[];
  /** The activities of a topic the player may choose, in the order to list them. */
  activitiesOf(topic: string): Activity[];
  readonly suggestion?: { readonly activity: Activity; readonly reason: string };
  /** What the class's teacher assigned ("From your teacher"), shown before the topics. */
  readonly fromTeacher?: ComponentChildren;
  /** The band's course card (Kiri's course). */
  readonly course?: ComponentChildren;
  /** A quick check due after learning (a learner with an account, docs/measurement.md). */
  readonly check?: ComponentChildren;
}

/**
 * Home for 11–13 and 14–16: the same content and progress as the sky map, in a calmer, older
 * skin. No avatar greeting; Kiri is a small guide beside the suggestion; topics are a list,
 * each with a progress bar of levels mastered (mastery, not time spent) and a done count.
 */
export function TeenHome({
  catalogue,
  model,
  topics,
  activitiesOf,
  suggestion,
  fromTeacher,
  course,
  check,
}: TeenHomeProps) {
  const row = (topic: Topic) => {
    const levels = LEVELS.filter((level) =>
      isMastered(topicMastery(catalogue, model, topic.id, level)),
    ).length;
    const activities = activitiesOf(topic.id);
    const done = activities.filter((a) => model.activities[a.id]?.finished).length;
    return (
      <li key={topic.id} id={`topic-${topic.id}`} class={`topic-row topic-${topic.id}`}>
        <div class="topic-row-head">
          {TOPIC_ART[topic.id] && <img src={TOPIC_ART[topic.id]} alt="" width="32" height="32" />}
          <h3>{topic.title.text}</h3>
          <span class="topic-count">{t('home.teen.done', { done, total: activities.length })}</span>
        </div>
        <div
          class="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={LEVELS.length}
          aria-valuenow={levels}
          aria-valuetext={t('home.teen.levels', { n: levels })}
          aria-label={t('home.teen.progress', { topic: topic.title.text, n: levels })}
        >
          <span style={{ width: `${(100 * levels) / LEVELS.length}%` }} />
        </div>
        <p class="small topic-levels">{t('home.teen.levels', { n: levels })}</p>
        <ul class="teen-activities" role="list">
          {activities.map((a) => {
            const finished = model.activities[a.id]?.finished === true;
            return (
              <li key={a.id}>
                <Link href={`/play/${a.id}`} class="teen-activity">
                  <span class="activity-title">{a.title.text}</span>
                  <span class="activity-meta">
                    {t(`level.${a.level}` as UiKey)} · {t('home.minutes', { n: a.minutes })}
                    {a.sensitive && <> · {t('home.sensitiveTag')}</>}
                    {finished && (
                      <span class="done-mark">
                        {' · '}
                        <span aria-hidden="true">✓ </span>
                        {t('home.teen.doneMark')}
                      </span>
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </li>
    );
  };
  return (
    <main class="page home home-teen">
      <section class="card teen-next" aria-labelledby="next-title">
        <p class="teen-guide">
          <img src={KIRI.curious} alt="" width="32" height="42" />
          <span>{t('home.teen.guide')}</span>
        </p>
        <h1 id="next-title" class="h2">
          {t('home.suggested')}
        </h1>
        {suggestion ? (
          <>
            <Link href={`/play/${suggestion.activity.id}`} class="primary">
              {suggestion.activity.title.text}
            </Link>
            <p class="small">{t('home.because', { reason: suggestion.reason })}</p>
          </>
        ) : (
          <p>{t('home.noActivities')}</p>
        )}
      </section>

      {fromTeacher}
      {check}
      {course}
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">{t('home.teen.topics')}</h2>
        <p class="small">{t('home.teen.progressNote')}</p>
        <ul class="topic-list" role="list">
          {topics.slice(0, FIRST_TOPICS).map(row)}
          {/* The others once these are on screen: appended, so nothing on screen moves. */}
          <AfterPaint>{() => topics.slice(FIRST_TOPICS).map(row)}</AfterPaint>
        </ul>
      </section>
    </main>
  );
}
