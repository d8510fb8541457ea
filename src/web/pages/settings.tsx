import { useEffect, useState } from 'preact/hooks';
import { BANDS } from '../../engine';
import { SCRIPT_FONTS, language, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { offeredFor } from '../i18n/offer';
import { languagesIndex } from '../content/client';
import type { LanguageOffer } from '../content/types';
import { useSession } from '../app/session';
import { effectiveBand, saveProfile, deleteProfile } from '../store/profiles';
import type { Profile } from '../store/profiles';
import { AVATARS, AVATAR_IDS, BAND_ART } from '../components/art';
import { Link } from '../components/link';
import { ConfirmDialog } from '../components/confirm-dialog';
import { VoiceNote } from '../components/voice-note';
import { TranslationNote, languageName } from '../components/translation-note';
import { navigate } from '../app/router';

/**
 * Change age band, picture, language, read-aloud, picture lock; remove the player. The
 * languages listed are those offered for the player's band; a chosen language that is not
 * (yet) offered for it shows English, and the adult is told why.
 */
export function Settings() {
  const session = useSession();
  const p = session.profile;
  const [lockDraft, setLockDraft] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState(false);
  const [offers, setOffers] = useState<readonly LanguageOffer[]>([]);
  useEffect(() => {
    void languagesIndex().then((i) => {
      setOffers(i.languages);
      // Each language is named in its own script, in its own font.
      for (const o of i.languages) if (o.bands.length > 0) void SCRIPT_FONTS[o.code]?.();
    });
  }, []);
  if (!p) return null;
  // The app's refresh shows the chosen language where it is offered for the band.
  const update = async (patch: Partial<Profile>) => {
    await saveProfile({ ...p, ...patch });
    await session.refresh();
  };
  const band = effectiveBand(p);
  const choices = offeredFor(band, offers);
  const chosen = offers.find((o) => o.code === p.lang);
  const shown = language();

  return (
    <main class="page settings">
      <h1>{t('settings.title')}</h1>
      <fieldset class="card">
        <legend>{t('settings.band')}</legend>
        <div class="pick-grid">
          {BANDS.map((b) => (
            <button
              type="button"
              key={b}
              class="pick small"
              aria-pressed={p.band === b}
              onClick={() => update({ band: b })}
            >
              <img src={BAND_ART[b]} alt="" width="48" height="48" />
              <span>{t(`first.band.${b}` as UiKey)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{t('settings.avatar')}</legend>
        <div class="pick-grid avatars">
          {AVATAR_IDS.map((a) => (
            <button
              type="button"
              key={a}
              class="pick small"
              aria-pressed={p.avatar === a}
              onClick={() => update({ avatar: a })}
            >
              <img src={AVATARS[a]} alt="" width="48" height="48" />
              <span>{t(`avatar.${a}` as UiKey)}</span>
            </button>
          ))}
        </div>
      </fieldset>
      {(choices.length > 1 || p.lang !== 'en') && (
        <fieldset class="card">
          <legend>{t('settings.language')}</legend>
          {choices.map((o) => (
            <button
              type="button"
              key={o.code}
              lang={o.code}
              class="choice-button"
              aria-pressed={p.lang === o.code}
              onClick={() => update({ lang: o.code })}
            >
              {o.name}
            </button>
          ))}
          {chosen && p.lang !== shown && (
            <p class="notice">
              {t('settings.languageNotOffered', {
                language: languageName(chosen, shown),
                band: t(`first.band.${band}` as UiKey),
              })}
            </p>
          )}
          <TranslationNote lang={shown} uiLang={shown} />
        </fieldset>
      )}
      <div class="card">
        <label class="switch">
          <input
            type="checkbox"
            checked={p.readAloudAuto ?? p.band === '5-7'}
            onChange={(e) => update({ readAloudAuto: (e.target as HTMLInputElement).checked })}
          />
          <span>{t('settings.readAloudAuto')}</span>
        </label>
      </div>
      <VoiceNote where="settings" />
      <fieldset class="card">
        <legend>{t('profiles.lock')}</legend>
        <p>{t('profiles.lockHelp')}</p>
        {lockDraft ? (
          <div class="pick-grid avatars">
            {AVATAR_IDS.map((a) => (
              <button
                type="button"
                key={a}
                class="pick small"
                onClick={async () => {
                  const next = [...lockDraft, a];
                  if (next.length < 3) return setLockDraft(next);
                  await update({ lock: next });
                  setLockDraft(null);
                }}
              >
                <img src={AVATARS[a]} alt="" width="40" height="40" />
                <span>{t(`avatar.${a}` as UiKey)}</span>
              </button>
            ))}
          </div>
        ) : p.lock?.length ? (
          <button type="button" class="secondary" onClick={() => update({ lock: [] })}>
            {t('profiles.lockRemove')}
          </button>
        ) : (
          <button type="button" class="secondary" onClick={() => setLockDraft([])}>
            {t('profiles.lockSet')}
          </button>
        )}
      </fieldset>
      <p class="links">
        <Link href="/privacy">{t('nav.privacy')}</Link>
        <Link href="/profiles">{t('nav.profiles')}</Link>
      </p>
      <button type="button" class="secondary" onClick={() => setRemoving(true)}>
        {t('profiles.delete')}
      </button>
      {removing && (
        <ConfirmDialog
          message={t('profiles.deleteConfirm')}
          confirmLabel={t('common.yes')}
          cancelLabel={t('common.no')}
          onConfirm={async () => {
            await deleteProfile(p.id);
            await session.refresh();
            navigate('/', { replace: true });
          }}
          onCancel={() => setRemoving(false)}
        />
      )}
    </main>
  );
}
