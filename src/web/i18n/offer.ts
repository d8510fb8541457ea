import type { Band } from '../../engine';
import type { LanguageOffer } from '../content/types';

/**
 * Which language a profile is shown in (I18N-3): the language it chose when that language is
 * offered for its band (`/content/languages.json`, computed at build time from how complete
 * the child's UI and the band's content are), otherwise English.
 */
export function shownLanguage(
  chosen: string,
  band: Band,
  offers: readonly LanguageOffer[],
): string {
  if (chosen === 'en') return 'en';
  const offer = offers.find((o) => o.code === chosen);
  return offer?.bands.includes(band) ? chosen : 'en';
}

/** The languages a child of `band` may pick (English always, first). */
export function offeredFor(band: Band | null, offers: readonly LanguageOffer[]): LanguageOffer[] {
  const listed = offers.filter(
    (o) => o.code === 'en' || (band ? o.bands.includes(band) : o.bands.length > 0),
  );
  const english = listed.filter((o) => o.code === 'en');
  return [...english, ...listed.filter((o) => o.code !== 'en')];
}

/**
 * Whether an adult reading `lang` should be told its translation is not checked yet: some of
 * it is a machine translation or a draft, not reviewed by a speaker.
 */
export const unchecked = (offer: LanguageOffer | undefined): boolean =>
  offer !== undefined &&
  offer.code !== 'en' &&
  (offer.status.machine > 0 || offer.status.draft > 0);
