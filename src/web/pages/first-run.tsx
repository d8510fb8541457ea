import { useEffect, useState } from 'preact/hooks';
import { BANDS, safeReturnPath } from '../../engine';
import type { Band } from '../../engine';
import { AVATAR_IDS, AVATARS, BAND_ART, KIRI } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { SCRIPT_FONTS, setLanguage, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { offeredFor, shownLanguage } from '../i18n/offer';
import { clientConfig, languagesIndex } from '../content/client';
import type { LanguageOffer } from '../content/types';
import { useSession } from '../app/session';
import { createProfile } from '../store/profiles';
import { navigate } from '../app/router';
import { useAutoRead } from '../speech/auto-read';
import privacyIcon from '../../../content/art/topics/privacy.svg';
import phoneIcon from '../../../content/art/ui/phone-frame.svg';
import safeIcon from '../../../content/art/ui/safe.svg';
import eraseIcon from '../../../content/art/ui/erase.svg';

type Step = 'band' | 'avatar' | 'language' | 'privacy';

/** The privacy notice, one picture per point, for children who do not read yet. */
const PRIVACY_POINTS: readonly (readonly [UiKey, string])[] = [
  ['first.privacy1', privacyIcon],
  ['first.privacy2', phoneIcon],
  ['first.privacy3', safeIcon],
  ['first.privacy4', eraseIcon],
];

/** Shows the UI in `lang` where it is offered for `band` (English elsewhere), with the deployment's digits. */
async function showIn(lang: string, band: Band, offers: readonly LanguageOffer[]): Promise<void> {
  const config = await clientConfig();
  await setLanguage(shownLanguage(lang, band, offers), config.digits);
}

/**
 * First run: a language when more than one is offered (first, each named in its own script on
 * a big button, for children who do not read yet), an age band from pictures (never a date of
 * birth), a drawn avatar (no name, no photo), and a child-friendly privacy notice (read aloud
 * for 5–7).
 */
export function FirstRun() {
  const session = useSession();
  const [offers, setOffers] = useState<readonly LanguageOffer[] | null>(null);
  const [chosenStep, setStep] = useState<Step | null>(null);
  const [band, setBand] = useState<Band | null>(null);
  const [avatar, setAvatar] = useState<string>('');
  const [lang, setLang] = useState('en');
  useEffect(() => {
    void languagesIndex().then((i) => {
      setOffers(i.languages);
      // Each language's name is written in its own script: its font's faces are declared now
      // (the browser fetches a font file only for the letters shown).
      for (const o of offeredFor(null, i.languages)) void SCRIPT_FONTS[o.code]?.();
    });
  }, []);
  // Languages offered for any band: the band is asked next, and a language not offered for it
  // shows English (settings tell the adult).
  const choices = offers ? offeredFor(null, offers) : [];
  const steps: Step[] =
    choices.length > 1 ? ['language', 'band', 'avatar', 'privacy'] : ['band', 'avatar', 'privacy'];
  const step = chosenStep ?? steps[0]!;
  const n = steps.indexOf(step) + 1;
  const next = () => setStep(steps[n] ?? 'privacy');

  const privacyText = [1, 2, 3, 4].map((i) => t(`first.privacy${i}` as UiKey)).join(' ');
  useAutoRead(step === 'privacy' && (band === null || band === '5-7') ? privacyText : null);

  const pickBand = async (b: Band | null) => {
    setBand(b);
    if (lang !== 'en' && offers) await showIn(lang, b ?? '5-7', offers);
    next();
  };

  const finish = async () => {
    await createProfile({ avatar, band, lang });
    await session.refresh();
    // Back to the link the newcomer opened, if it is one of the app's own pages.
    navigate(safeReturnPath(new URLSearchParams(location.search).get('next')), { replace: true });
  };

  if (!offers) return <p class="page">{t('common.loading')}</p>;
  return (
    <main class="page first-run">
      <div class="kiri-says">
        <img src={KIRI.happy} alt="" width="80" height="104" />
        <div class="bubble">
          <p class="big">{t('first.welcome')}</p>
          <p>{t('first.intro')}</p>
        </div>
      </div>
      <p class="step-count">{t('first.step', { n, total: steps.length })}</p>

      {step === 'band' && (
        <section aria-labelledby="q-band">
          <h1 id="q-band">{t('first.bandQuestion')}</h1>
          <div class="pick-grid">
            {BANDS.map((b) => (
              <button type="button" class="pick" key={b} onClick={() => void pickBand(b)}>
                <img src={BAND_ART[b]} alt="" width="72" height="72" />
                <span>{t(`first.band.${b}` as UiKey)}</span>
              </button>
            ))}
            <button type="button" class="pick" onClick={() => void pickBand(null)}>
              <span class="pick-mark" aria-hidden="true">
                ?
              </span>
              <span>{t('first.bandUnknown')}</span>
            </button>
          </div>
          <button type="button" class="secondary class-code-link" onClick={() => navigate('/join')}>
            {t('first.classCode')}
          </button>
        </section>
      )}

      {step === 'avatar' && (
        <section aria-labelledby="q-avatar">
          <h1 id="q-avatar">{t('first.avatarQuestion')}</h1>
          <div class="pick-grid avatars">
            {AVATAR_IDS.map((a) => (
              <button type="button" class="pick" key={a} onClick={() => (setAvatar(a), next())}>
                <img src={AVATARS[a]} alt="" width="64" height="64" />
                <span>{t(`avatar.${a}` as UiKey)}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      {step === 'language' && (
        <section aria-labelledby="q-lang">
          <h1 id="q-lang">{t('first.languageQuestion')}</h1>
          <div class="pick-grid languages">
            {choices.map((o) => (
              <button
                type="button"
                class="pick language-pick"
                key={o.code}
                lang={o.code}
                onClick={async () => {
                  setLang(o.code);
                  const config = await clientConfig();
                  await setLanguage(o.code, config.digits);
                  next();
                }}
              >
                <span class="big">{o.name}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      {step === 'privacy' && (
        <section aria-labelledby="q-privacy" class="privacy-notice">
          <h1 id="q-privacy">
            {t('first.privacyTitle')} <SpeakButton text={privacyText} />
          </h1>
          <ul class="icon-list">
            {PRIVACY_POINTS.map(([key, icon]) => (
              <li key={key}>
                <img src={icon} alt="" width="40" height="40" />
                <span>{t(key)}</span>
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={finish}>
            {t('first.start')}
          </button>
        </section>
      )}
    </main>
  );
}
