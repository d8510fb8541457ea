import { useSession } from '../app/session';
import { Link } from '../components/link';
import { BANDS, LEVELS } from '../../engine';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { agesLabel, levelLabel } from '../library/labels';
import { links } from '../library/links';
import { useLibraryContent } from '../library/use-library-content';
import '../library/library.css';
import '../library/curriculum-map.css';

/**
 * The curriculum map of one age band (LIB-1, for teachers): every topic against the three
 * levels, the games in each cell, and the learning-framework strands each topic covers, with
 * each framework's source and edition. Prints on one page per band.
 */
export function CurriculumMap({ band }: { band: string }) {
  const { profile } = useSession();
  const data = useLibraryContent(profile?.lang ?? 'en');
  if (data === null) return <p class="page">{t('common.loading')}</p>;
  if (data instanceof Error || !(BANDS as readonly string[]).includes(band))
    return (
      <main class="page">
        <p>{t('library.notFound')}</p>
        <Link href="/library">{t('library.back')}</Link>
      </main>
    );
  const { text, index } = data;
  const frameworks = index.frameworks ?? [];
  const activities = index.activities.filter((a) => a.band === band);
  const disabled = new Set(data.config.disabledTopics);
  const topics = index.topics.filter((tp) => !disabled.has(tp.id));
  const strandTitle = (fw: string, id: string) => {
    const s = frameworks.find((f) => f.id === fw)?.strands.find((x) => x.id === id);
    return s ? text(s.title) : id;
  };
  /** Every strand the topic and the band's games of it map to, per framework. */
  const strandsOf = (topic: string) =>
    frameworks.map((fw) => {
      const ids = new Set<string>(topics.find((x) => x.id === topic)?.frameworks?.[fw.id] ?? []);
      for (const a of activities)
        if (a.topic === topic) for (const s of a.frameworks?.[fw.id] ?? []) ids.add(s);
      return { fw, ids: [...ids] };
    });
  return (
    <main class="page adult-page curriculum-map">
      <p class="lib-badge">{t('map.badge')}</p>
      <h1>{t('map.title', { ages: t(`first.band.${band}` as UiKey) })}</h1>
      <p class="lead">{t('map.lead')}</p>
      <nav class="no-print map-bands" aria-label={t('map.bands')}>
        {BANDS.map((b) =>
          b === band ? (
            <span key={b} aria-current="page" class="strong">
              {agesLabel([b])}
            </span>
          ) : (
            <Link key={b} href={`/library/map/${b}`}>
              {agesLabel([b])}
            </Link>
          ),
        )}
        <button type="button" class="button" onClick={() => window.print()}>
          {t('map.print')}
        </button>
      </nav>
      <div class="map-scroll">
        <table class="map-table">
          <caption>{t('map.caption', { ages: t(`first.band.${band}` as UiKey) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('map.topic')}</th>
              {LEVELS.map((l) => (
                <th key={l} scope="col">
                  {levelLabel(l)}
                </th>
              ))}
              <th scope="col">{t('map.frameworks')}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((tp) => (
              <tr key={tp.id}>
                <th scope="row">{text(tp.title)}</th>
                {LEVELS.map((l) => {
                  const cell = activities.filter((a) => a.topic === tp.id && a.level === l);
                  return (
                    <td key={l}>
                      {cell.length === 0 ? (
                        <span class="map-gap">{t('map.none')}</span>
                      ) : (
                        <ul>
                          {cell.map((a) => (
                            <li key={a.id}>
                              <Link href={links.lesson(a.id)}>{a.title}</Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
                <td>
                  {strandsOf(tp.id)
                    .filter((x) => x.ids.length > 0)
                    .map(({ fw, ids }) => (
                      <p key={fw.id} class="map-strands">
                        <span class="strong">{text(fw.title)}:</span>{' '}
                        {ids.map((s) => strandTitle(fw.id, s)).join('; ')}
                      </p>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {frameworks.length > 0 && (
        <section aria-labelledby="map-sources">
          <h2 id="map-sources">{t('map.sources')}</h2>
          <ul>
            {frameworks.map((f) => (
              <li key={f.id}>
                <span class="strong">{text(f.title)}</span>, {f.publisher}, {f.edition}.{' '}
                <a href={f.source} rel="noreferrer noopener" target="_blank">
                  {f.source}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="no-print">
        <Link href="/library">{t('library.back')}</Link>
      </p>
    </main>
  );
}
