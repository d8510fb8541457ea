import { useEffect, useState } from 'preact/hooks';
import { helplinesFor } from '../../engine';
import type { Helpline } from '../../engine';
import { loadDeployment } from '../content/deployment';
import { SpeakButton } from '../components/speak-button';
import { language, t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { KIRI } from '../components/art';

const STEPS: UiKey[] = ['help.step1', 'help.step2', 'help.step3', 'help.step4', 'help.step5'];

/**
 * "Get help": what to do now, and the helplines a child may be shown with the date each was
 * checked: the country pack's confirmed entries, and the international directories for what it
 * has not confirmed (`helplinesFor`; an entry still "to verify" is never listed here).
 * Nothing is recorded; the page works offline once visited (the country pack is cached).
 */
export function Help() {
  const [helplines, setHelplines] = useState<readonly Helpline[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadDeployment(language()).then(
      (d) => setHelplines(helplinesFor(d.pack, d.fallback, 'child')),
      () => setFailed(true),
    );
  }, []);
  const nowText = STEPS.map((k) => t(k)).join(' ');

  return (
    <main class="page help">
      <div class="kiri-says">
        <img src={KIRI.concerned} alt="" width="72" height="94" />
        <div class="bubble">
          <h1>{t('help.title')}</h1>
          <p>{t('help.intro')}</p>
        </div>
      </div>

      <section aria-labelledby="help-now" class="card">
        <h2 id="help-now">
          {t('help.now')} <SpeakButton text={nowText} />
        </h2>
        <ol class="steps">
          {STEPS.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ol>
        <h3>{t('help.happeningNow')}</h3>
        <p class="strong">{t('help.step6')}</p>
        <p>{t('help.notYourFault')}</p>
      </section>

      <section aria-labelledby="help-lines" class="card">
        <h2 id="help-lines">{t('help.helplines')}</h2>
        {failed && <p>{t('help.noHelplines')}</p>}
        {helplines && helplines.length === 0 && <p>{t('help.noHelplines')}</p>}
        <ul class="helplines">
          {helplines?.map((h) => (
            <li key={h.id} class="helpline">
              <h3>{h.name.text}</h3>
              {h.description && <p>{h.description.text}</p>}
              {h.hours && <p>{h.hours.text}</p>}
              <p class="actions">
                {h.phone && (
                  <a class="button" href={`tel:${h.phone.replace(/[^+\d]/g, '')}`}>
                    {t('help.call', { phone: h.phone })}
                  </a>
                )}
                {h.chat && (
                  <a class="button" href={h.chat} rel="noreferrer noopener" target="_blank">
                    {t('help.chat')}
                  </a>
                )}
                {h.url && (
                  <a class="button" href={h.url} rel="noreferrer noopener" target="_blank">
                    {t('help.website')}
                  </a>
                )}
              </p>
              <p class="small">{t('help.verified', { date: h.verifiedOn })}</p>
            </li>
          ))}
        </ul>
      </section>
      <p class="small">{t('help.private')}</p>
    </main>
  );
}
