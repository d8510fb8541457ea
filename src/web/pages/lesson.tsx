import type { ComponentChildren } from 'preact';
import { Link } from '../components/link';
import type { Text } from '../../engine';
import { language, t } from '../i18n/i18n';
import { TranslationNote } from '../components/translation-note';
import type { UiKey } from '../i18n/i18n';
import { agesLabel, levelLabel } from '../library/labels';
import { lessonTiming } from '../library/lesson-timing';
import { links } from '../library/links';
import { PrintLinks } from '../library/print-links';
import { NotOfferedError, useLessonPlan } from '../library/use-lesson-plan';
import { NotHere } from '../library/not-here';
import '../library/library.css';

function Part(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="plan-part" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
    </section>
  );
}

function List(props: { items: readonly Text[]; text(t: Text): string; ordered?: boolean }) {
  if (props.items.length === 0) return null;
  const L = props.ordered ? 'ol' : 'ul';
  return (
    <L>
      {props.items.map((item, i) => (
        <li key={`${item.id}-${i}`}>{props.text(item)}</li>
      ))}
    </L>
  );
}

/**
 * A teacher's 30-minute lesson plan for one activity (ADULT-1), assembled from the activity
 * (goal, minutes, prompts, worksheet, challenges) and the teachers' section of its guide by
 * the engine's `lessonPlan`; nothing here is written by hand (docs/content-authoring.md).
 */
export function LessonPage({ id }: { id: string }) {
  const data = useLessonPlan(language(), id);
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (data instanceof NotOfferedError) return <NotHere offered={false} />;
  if (data instanceof Error) return <NotHere error={data} />;
  if (!data.content.offered(data.activity.topic)) return <NotHere offered={false} />;
  const { plan, activity, content, guideId } = data;
  const { text, lang } = content;
  const time = lessonTiming(plan.minutes);
  const key = (k: string, n: number) => t(k as UiKey, { n });
  return (
    <main class={`page adult-page lesson-page topic-${activity.topic}`}>
      <p class="lib-badge">{t('library.lessonPlan')}</p>
      <h1>{t('lesson.title', { title: text(plan.title) })}</h1>
      <TranslationNote lang={language()} uiLang={language()} />
      <p class="lib-meta">
        {t('lesson.meta', { ages: agesLabel([plan.band]), level: levelLabel(plan.level) })}
      </p>
      <section aria-labelledby="objective">
        <h2 id="objective">{t('lesson.objective')}</h2>
        <p class="lead">{text(plan.goal)}</p>
      </section>
      {plan.sensitiveNote && (
        <section aria-labelledby="sensitive" class="notice">
          <h2 id="sensitive">{t('lesson.sensitive')}</h2>
          <p>{text(plan.sensitiveNote)}</p>
        </section>
      )}
      {guideId === null && <p class="notice">{t('lesson.noGuide')}</p>}
      {plan.background.length > 0 && (
        <section aria-labelledby="background">
          <h2 id="background">{t('lesson.background')}</h2>
          <List items={plan.background} text={text} />
        </section>
      )}
      <section aria-labelledby="plan">
        <h2 id="plan">{t('lesson.plan')}</h2>
        <Part id="warm-up" title={key('lesson.warmUp', time.warmUp)}>
          {plan.warmUp.length > 0 ? (
            <List items={plan.warmUp} text={text} />
          ) : (
            <p>{t('lesson.introduce', { summary: text(activity.summary) })}</p>
          )}
        </Part>
        <Part id="play" title={key('lesson.play', time.play)}>
          <p>{t('lesson.playHow')}</p>
          {!activity.sensitive && (
            <p class="no-print">
              <Link href={links.classPlay(id)} class="primary">
                {t('lesson.playClass')}
              </Link>
            </p>
          )}
        </Part>
        <Part id="worksheet" title={key('lesson.worksheet', time.worksheet)}>
          <p>{t('lesson.worksheetHow', { n: plan.worksheet.questions.length })}</p>
          <PrintLinks
            label="library.printWorksheetPaper"
            href={(paper) => links.worksheetPdf(id, lang, paper)}
          />
          <PrintLinks
            label="library.printAnswersPaper"
            href={(paper) => links.worksheetPdf(id, lang, paper, true)}
          />
        </Part>
        <Part id="discussion" title={key('lesson.discussion', time.discussion)}>
          <List items={plan.scenePrompts} text={text} />
        </Part>
      </section>
      {plan.inClass.length > 0 && (
        <section aria-labelledby="ideas">
          <h2 id="ideas">{t('lesson.ideas')}</h2>
          <List items={plan.inClass} text={text} />
        </section>
      )}
      {plan.challenges.length > 0 && (
        <section aria-labelledby="follow-up">
          <h2 id="follow-up">{t('lesson.followUp')}</h2>
          <ul>
            {plan.challenges.map((c) => (
              <li key={c.id}>
                <Link href={links.challenge(c.id)}>{text(c.title)}</Link>: {text(c.summary)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.adapting.length > 0 && (
        <section aria-labelledby="adapting">
          <h2 id="adapting">{t('guide.adapting')}</h2>
          <List items={plan.adapting} text={text} />
        </section>
      )}
      {plan.ifSomethingHappened.length > 0 && (
        <section aria-labelledby="happened">
          <h2 id="happened">{t('lesson.happened')}</h2>
          <List items={plan.ifSomethingHappened} text={text} />
        </section>
      )}
      <p class="no-print links">
        {guideId && <Link href={links.guide(guideId, 'teachers')}>{t('lesson.guide')}</Link>}
        <Link href="/library">{t('library.back')}</Link>
      </p>
    </main>
  );
}
