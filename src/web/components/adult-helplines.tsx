import { useEffect, useState } from 'preact/hooks';
import { helplinesFor, isVerified } from '../../engine';
import type { Helpline } from '../../engine';
import { loadDeployment } from '../content/deployment';
import { language, t } from '../i18n/i18n';

/**
 * For signed-in adults (their account page, never the child's app): every helpline and reporting route of the deployment's
 * country pack, including those a coordinator has not confirmed yet, marked "to verify"
 * (`helplinesFor(…, 'adult')`). Children never see an unconfirmed entry: their help page lists
 * the international directories instead until the pack marks it verified.
 */
export function AdultHelplines() {
  const [lines, setLines] = useState<readonly Helpline[] | null>(null);
  useEffect(() => {
    loadDeployment(language()).then(
      (d) => setLines(helplinesFor(d.pack, d.fallback, 'adult')),
      () => setLines(null),
    );
  }, []);
  if (lines === null || lines.length === 0) return null;
  return (
    <section class="card adult-helplines" aria-labelledby="adult-helplines">
      <h2 id="adult-helplines">{t('adultHelplines.title')}</h2>
      <p>{t('adultHelplines.intro')}</p>
      <ul>
        {lines.map((h) => (
          <li key={h.id}>
            <strong>{h.name.text}</strong>
            {h.phone && <> · {h.phone}</>}
            {h.url && (
              <>
                {' · '}
                <a href={h.url} rel="noreferrer noopener" target="_blank">
                  {t('help.website')}
                </a>
              </>
            )}{' '}
            <span class={isVerified(h) ? 'small' : 'small to-verify'}>
              {isVerified(h)
                ? t('help.verified', { date: h.verifiedOn })
                : t('adultHelplines.toVerify')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
