import { Link } from '../components/link';
import { language, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { agesLabel, topicTitle } from '../library/labels';
import { links } from '../library/links';
import { PrintLinks } from '../library/print-links';
import { useLibraryContent } from '../library/use-library-content';
import { NotHere } from '../library/not-here';
import '../library/library.css';

/** A challenge (LIB-2): an offline mission, its steps, and its printable card. */
export function ChallengePage({ id }: { id: string }) {
  const data = useLibraryContent(language());
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  const challenge =
    data instanceof Error ? undefined : data.index.challenges.find((c) => c.id === id);
  if (data instanceof Error || !challenge || !data.offered(challenge.topic))
    return (
      <NotHere
        error={data instanceof Error ? data : null}
        offered={
          data instanceof Error ||
          (challenge ? data.offered(challenge.topic) : !data.index.notOffered?.includes(id))
        }
      />
    );
  const { text, lang, index } = data;
  return (
    <main class={`page adult-page challenge-page topic-${challenge.topic}`}>
      <p class="lib-badge">{t('library.badge.challenge')}</p>
      <h1>{text(challenge.title)}</h1>
      <p class="lead">{t(`challenge.for.${challenge.for}` as UiKey)}</p>
      <p class="lib-meta">
        {[
          topicTitle(index, challenge.topic),
          agesLabel(challenge.bands),
          t('home.minutes', { n: challenge.minutes }),
        ].join(' · ')}
      </p>
      <p>{text(challenge.summary)}</p>
      <section aria-labelledby="steps-title" class="card">
        <h2 id="steps-title">{t('challenge.steps')}</h2>
        <ol>
          {challenge.steps.map((s) => (
            <li key={s.id}>{text(s)}</li>
          ))}
        </ol>
      </section>
      <PrintLinks label="challenge.print" href={(paper) => links.challengePdf(id, lang, paper)} />
      <p class="no-print">
        <Link href="/library">{t('library.back')}</Link>
      </p>
    </main>
  );
}
