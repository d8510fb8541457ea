import { Link } from '../components/link';
import type { Text } from '../../engine';
import { language, t } from '../i18n/i18n';
import { TranslationNote } from '../components/translation-note';
import type { UiKey } from '../i18n/i18n';
import { agesLabel, levelLabel, topicTitle } from '../library/labels';
import { links } from '../library/links';
import { PrintLinks } from '../library/print-links';
import { useLibraryContent } from '../library/use-library-content';
import { NotHere } from '../library/not-here';
import '../library/library.css';

export type Audience = 'parents' | 'teachers';

function Section(props: {
  id: string;
  title: UiKey;
  items: readonly Text[];
  text(t: Text): string;
  ordered?: boolean;
}) {
  if (props.items.length === 0) return null;
  const List = props.ordered ? 'ol' : 'ul';
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.title)}</h2>
      <List>
        {props.items.map((item) => (
          <li key={item.id}>{props.text(item)}</li>
        ))}
      </List>
    </section>
  );
}

/**
 * The adults' guide for one topic and age band (ADULT-1), for parents and carers or for
 * teachers, rendered from the guide's sections, with the games it goes with and a printable copy.
 */
export function GuidePage({ id, audience }: { id: string; audience: Audience }) {
  const data = useLibraryContent(language());
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  const guide = data instanceof Error ? undefined : data.index.guides.find((g) => g.id === id);
  if (data instanceof Error || !guide || !data.offered(guide.topic))
    return (
      <NotHere
        error={data instanceof Error ? data : null}
        offered={
          data instanceof Error ||
          (guide ? data.offered(guide.topic) : !data.index.notOffered?.includes(id))
        }
      />
    );
  const { text, lang, index } = data;
  const part = guide[audience];
  const activities = index.activities.filter(
    (a) => a.topic === guide.topic && a.band === guide.band,
  );
  const other: Audience = audience === 'parents' ? 'teachers' : 'parents';
  return (
    <main class={`page adult-page guide-page topic-${guide.topic}`}>
      <p class="lib-badge">{t('library.badge.guide')}</p>
      <h1>{text(guide.title)}</h1>
      <TranslationNote lang={language()} uiLang={language()} />
      <p class="lead">{t(audience === 'parents' ? 'library.forParents' : 'library.forTeachers')}</p>
      <p class="lib-meta">
        {topicTitle(index, guide.topic)} · {agesLabel([guide.band])}
      </p>
      <PrintLinks label="guide.print" href={(paper) => links.guidePdf(id, lang, paper, audience)} />
      <section aria-labelledby="risk">
        <h2 id="risk">{t('guide.risk')}</h2>
        {guide.risk.map((r) => (
          <p key={r.id}>{text(r)}</p>
        ))}
      </section>
      <Section id="practises" title="guide.practises" items={guide.practises} text={text} />
      <Section id="starters" title="guide.starters" items={part.conversationStarters} text={text} />
      {audience === 'parents' ? (
        <Section
          id="settings"
          title="guide.settings"
          items={guide.parents.settingsChecklist}
          text={text}
        />
      ) : (
        <Section
          id="in-class"
          title="guide.inClass"
          items={guide.teachers.inClass}
          text={text}
          ordered
        />
      )}
      <Section id="happened" title="guide.happened" items={part.ifSomethingHappened} text={text} />
      <Section id="adapting" title="guide.adapting" items={guide.adapting ?? []} text={text} />
      <p>
        <Link href="/help">{t('guide.help')}</Link>
      </p>
      {activities.length > 0 && (
        <section aria-labelledby="games" class="no-print">
          <h2 id="games">{t('guide.activities')}</h2>
          <ul>
            {activities.map((a) => (
              <li key={a.id}>
                <span class="strong">{a.title}</span> ({levelLabel(a.level)}):{' '}
                {audience === 'teachers' ? (
                  <Link href={links.lesson(a.id)}>{t('library.lessonPlan')}</Link>
                ) : (
                  <Link href={links.play(a.id, true)}>{t('library.playTogether')}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="no-print links">
        <Link href={links.guide(id, other)}>
          {t(other === 'parents' ? 'guide.otherParents' : 'guide.otherTeachers')}
        </Link>
        <Link href="/library">{t('library.back')}</Link>
      </p>
    </main>
  );
}
