import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSession } from '../app/session';
import { Link } from '../components/link';
import { language, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { applyFilters, filtersQuery, parseFilters } from '../library/filters';
import type { LibraryFilters } from '../library/filters';
import { FilterForm } from '../library/filter-form';
import { ItemCard } from '../library/item-card';
import { TranslationNote } from '../components/translation-note';
import { libraryItems, translatedOnly } from '../library/items';
import type { LibraryItem } from '../library/items';
import { langLabel, topicTitle } from '../library/labels';
import { printLanguage } from '../library/languages';
import { preferredPaper, savePaper } from '../library/paper';
import type { PageSize } from '../library/paper';
import { SearchIndex } from '../library/search';
import { useLibraryContent } from '../library/use-library-content';
import { canPlay } from '../../engine';
import { playContext } from '../content/deployment';
import { effectiveBand } from '../store/profiles';
import { NotHere } from '../library/not-here';
import '../library/library.css';

/** Words a reader may type for an item beyond its content: its kind and its game types. */
function labelsOf(item: LibraryItem): string[] {
  return [
    t(`library.badge.${item.type}` as UiKey),
    t(`library.type.${item.type}` as UiKey),
    ...item.games.map((g) => t(`library.game.${g}` as UiKey)),
    ...(item.level ? [t(`level.${item.level}` as UiKey)] : []),
  ];
}

/**
 * The library (LIB-1): every game, challenge, worksheet and guide, with a search and filters
 * that combine. The filters live in the query string, so a list can be shared as a link. Built
 * from the cached content index, so it works offline.
 */
export function Library() {
  const { profile } = useSession();
  // Opened from a child's profile with no age chosen in the address, it shows the child's band.
  const [filters, setFilters] = useState<LibraryFilters>(() => {
    const parsed = parseFilters(location.search);
    return profile && !parsed.band ? { ...parsed, band: effectiveBand(profile) } : parsed;
  });
  const [paper, setPaper] = useState<PageSize>(preferredPaper);
  const data = useLibraryContent(filters.lang ?? language());

  useEffect(() => {
    const onPop = () => setFilters(parseFilters(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const ready = data && !(data instanceof Error) ? data : null;
  const items = useMemo(() => {
    if (!ready) return [];
    const all = libraryItems(ready.index, ready.config.disabledTopics);
    const listed =
      ready.lang === 'en'
        ? all
        : translatedOnly(all, libraryItems(ready.english, ready.config.disabledTopics));
    // Opened from a child's profile, the library lists (and searches) only what that child may
    // play: a serious topic's activity and its worksheet stay out below 14–16.
    if (!profile) return listed;
    const context = playContext(effectiveBand(profile), ready.config, ready.lang);
    return listed.filter((i) => !i.sensitive || canPlay(i, context));
  }, [ready, profile]);
  const search = useMemo(() => new SearchIndex(items, labelsOf), [items]);
  const shown = useMemo(() => applyFilters(items, filters, search), [items, filters, search]);

  const change = (next: LibraryFilters) => {
    setFilters(next);
    history.replaceState(null, '', `/library${filtersQuery(next)}`);
  };

  if (data instanceof Error) return <NotHere error={data} />;
  if (!ready) return <p class="page">{t('common.loading')}</p>;
  const filtered = filtersQuery(filters) !== '';

  return (
    <main class="page library">
      <h1>{t('library.title')}</h1>
      {!navigator.onLine && <p class="notice">{t('library.offlineKept')}</p>}
      <p>{t('library.intro')}</p>
      <p>
        <Link href={`/library/map/${filters.band ?? profile?.band ?? '8-10'}`}>
          {t('map.link')}
        </Link>
      </p>
      <FilterForm
        filters={filters}
        index={ready.index}
        paper={paper}
        onChange={change}
        onPaper={(p) => {
          setPaper(p);
          savePaper(p);
        }}
      />
      {ready.lang !== 'en' && (
        <p class="notice">{t('library.translatedOnly', { lang: langLabel(ready.lang) })}</p>
      )}
      <TranslationNote lang={ready.lang} uiLang={language()} />
      <div class="lib-status">
        <p role="status" aria-live="polite" aria-atomic="true" class="strong">
          {t('library.count', { n: shown.length })}
        </p>
        {filtered && (
          <>
            <button type="button" class="secondary" onClick={() => change({ q: '' })}>
              {t('library.clear')}
            </button>
            <a href={`/library${filtersQuery(filters)}`}>{t('library.link')}</a>
          </>
        )}
      </div>
      {shown.length === 0 ? (
        <p>{t('library.none')}</p>
      ) : (
        <ul class="lib-list" role="list">
          {shown.map((item) => (
            <ItemCard
              key={item.key}
              item={item}
              topic={topicTitle(ready.index, item.topic)}
              lang={printLanguage(ready.index, ready.lang, item.bands)}
              paper={paper}
            />
          ))}
        </ul>
      )}
      <p class="small grown-ups-link">
        <Link href="/account/signin">{t('library.grownUps')}</Link>
      </p>
    </main>
  );
}
