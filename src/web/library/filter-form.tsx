import { useId } from 'preact/hooks';
import { BANDS, INTERACTION_TYPES, LEVELS } from '../../engine';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import type { ContentIndex } from '../content/types';
import type { LibraryFilters } from './filters';
import { ITEM_TYPES } from './items';
import { langLabel } from './labels';
import { libraryLanguages } from './languages';
import { PAPERS } from './paper';
import type { PageSize } from './paper';

interface Props {
  filters: LibraryFilters;
  index: ContentIndex;
  paper: PageSize;
  onChange(filters: LibraryFilters): void;
  onPaper(paper: PageSize): void;
}

function Select(props: {
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  onChange(value: string | undefined): void;
  all?: boolean;
}) {
  const id = useId();
  return (
    <div class="lib-field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value || undefined)}
      >
        {props.all !== false && <option value="">{t('library.all')}</option>}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The search box and the filters; every change applies at once and updates the link. */
export function FilterForm({ filters, index, paper, onChange, onPaper }: Props) {
  const searchId = useId();
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K] | undefined) => {
    const next: Record<string, unknown> = { ...filters, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next as unknown as LibraryFilters);
  };
  return (
    <form
      class="lib-form"
      role="search"
      aria-label={t('library.search')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div class="lib-search">
        <label for={searchId}>{t('library.search')}</label>
        <input
          id={searchId}
          type="search"
          value={filters.q}
          autocomplete="off"
          onInput={(e) => set('q', (e.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="lib-filters">
        <legend>{t('library.filters')}</legend>
        <Select
          label={t('library.type')}
          value={filters.type}
          options={ITEM_TYPES.map((x) => [x, t(`library.type.${x}` as UiKey)] as const)}
          onChange={(v) => set('type', v as LibraryFilters['type'])}
        />
        <Select
          label={t('library.band')}
          value={filters.band}
          options={BANDS.map((b) => [b, t(`first.band.${b}` as UiKey)] as const)}
          onChange={(v) => set('band', v as LibraryFilters['band'])}
        />
        <Select
          label={t('library.topic')}
          value={filters.topic}
          options={index.topics.map((x) => [x.id, x.title.text] as const)}
          onChange={(v) => set('topic', v)}
        />
        <Select
          label={t('library.level')}
          value={filters.level}
          options={LEVELS.map((l) => [l, t(`level.${l}` as UiKey)] as const)}
          onChange={(v) => set('level', v as LibraryFilters['level'])}
        />
        <Select
          label={t('library.game')}
          value={filters.game}
          options={INTERACTION_TYPES.filter((g) => g !== 'continue').map(
            (g) => [g, t(`library.game.${g}` as UiKey)] as const,
          )}
          onChange={(v) => set('game', v as LibraryFilters['game'])}
        />
        {libraryLanguages(index).length > 1 && (
          <Select
            label={t('library.lang')}
            value={filters.lang}
            options={libraryLanguages(index).map((l) => [l, langLabel(l)] as const)}
            onChange={(v) => set('lang', v)}
          />
        )}
        <Select
          label={t('library.paper')}
          value={paper}
          all={false}
          options={PAPERS.map((p) => [p, t(`paper.${p}` as UiKey)] as const)}
          onChange={(v) => onPaper((v as PageSize | undefined) ?? 'a4')}
        />
      </fieldset>
    </form>
  );
}
