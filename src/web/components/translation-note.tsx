import { useEffect, useState } from 'preact/hooks';
import { languagesIndex } from '../content/client';
import type { LanguageOffer } from '../content/types';
import { t } from '../i18n/i18n';
import { unchecked } from '../i18n/offer';

/** A language's name in the UI's language ("Khmer" in English), or its own name. */
export function languageName(offer: LanguageOffer, uiLang: string): string {
  try {
    const name = new Intl.DisplayNames([uiLang], { type: 'language' }).of(offer.code);
    return name && name !== offer.code ? name : offer.name;
  } catch {
    return offer.name;
  }
}

/**
 * For adults reading content in `lang` (settings, the library's pages): says plainly when its
 * translation is a machine's or a draft, not yet checked by a speaker. Nothing for English or
 * a reviewed language.
 */
export function TranslationNote({ lang, uiLang = 'en' }: { lang: string; uiLang?: string }) {
  const [offer, setOffer] = useState<LanguageOffer | undefined>(undefined);
  useEffect(() => {
    if (lang === 'en') return;
    let live = true;
    void languagesIndex().then((i) => live && setOffer(i.languages.find((o) => o.code === lang)));
    return () => {
      live = false;
    };
  }, [lang]);
  if (!offer || !unchecked(offer)) return null;
  return (
    <p class="notice translation-note">
      {t('i18n.machineNote', { language: languageName(offer, uiLang) })}
    </p>
  );
}
