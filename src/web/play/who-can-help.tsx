import { helplinesFor } from '../../engine';
import type { CountryPack } from '../../engine';
import { t } from '../i18n/i18n';
import { Link } from '../components/link';
import helpIcon from '../../../content/art/ui/help.svg';

/**
 * "Who can help": a trusted adult first, then the first helpline a child may be shown (a
 * confirmed national one, else the international directory: `helplinesFor`), and the help page.
 */
export function WhoCanHelp({ pack, fallback }: { pack: CountryPack; fallback: CountryPack }) {
  const line = helplinesFor(pack, fallback, 'child').find((h) => h.kind === 'helpline');
  // A directory is named as what it leads to ("Your country's child helpline (find it at …)").
  const named = line ? (line.directory && line.mention ? line.mention : line.name).text : '';
  const label = named.charAt(0).toLocaleUpperCase() + named.slice(1);
  return (
    <aside class="who-can-help" aria-labelledby="who-help-title">
      <h2 id="who-help-title">
        <img src={helpIcon} alt="" width="28" height="28" /> {t('play.whoCanHelp')}
      </h2>
      <p>{t('play.talkToAdult')}</p>
      {line && (
        <p>
          <strong>{label}</strong>
          {line.phone ? ` · ${line.phone}` : ''}
        </p>
      )}
      <Link href="/help" class="button">
        {t('nav.help')}
      </Link>
    </aside>
  );
}
