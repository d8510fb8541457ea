import { renderText, translatorFor } from '../../engine';
import type {
  Catalogue,
  CountryCode,
  CountryPack,
  LocaleCode,
  Text,
  Translate,
} from '../../engine';
import { printLabels } from './labels';
import type { PrintLabels } from './labels';

/** What every printed document needs: its language, fixed labels, content text and footer. */
export interface PrintContext {
  readonly lang: string;
  readonly country: string;
  readonly labels: PrintLabels;
  /** A content text translated into `lang` (English where missing), placeholders filled. */
  text(t: Text): string;
  /** The helplines line printed at the foot of every page. */
  readonly footer: string;
}

/** How many helplines fit in the footer line. */
const FOOTER_HELPLINES = 2;

/**
 * "Need help? Talk to an adult you trust, or contact …" with the pack's first helplines. A
 * service is named with its number or address; a directory (`directory: true`, e.g. Child
 * Helpline International) is not a service, so it is given in the pack's own words for it
 * (`mention`: "your country's child helpline (find it at …)") followed by its address.
 */
function helplineFooter(pack: CountryPack, text: (t: Text) => string, labels: PrintLabels) {
  const entries = pack.helplines
    .filter((h) => h.kind === 'helpline')
    .slice(0, FOOTER_HELPLINES)
    .map((h) => {
      const how = h.phone ?? h.url?.replace(/^https?:\/\//, '').replace(/\/$/, '') ?? h.chat;
      if (h.directory && h.mention) {
        return how ? `${text(h.mention)}: ${how}` : text(h.mention);
      }
      return how ? `${text(h.name)} (${how})` : text(h.name);
    });
  return entries.length ? `${labels.needHelp} ${entries.join(', ')}.` : '';
}

/**
 * The print context for a language and a country pack (falling back to `intl` for the pack,
 * and to English for texts without a translation).
 */
export function printContext(catalogue: Catalogue, lang: string, country: string): PrintContext {
  const intl = catalogue.countries.get('intl' as CountryCode);
  if (!intl) throw new Error('the content has no "intl" country pack');
  const pack = catalogue.countries.get(country as CountryCode) ?? intl;
  // A stale translation gives way to the current English, as everywhere else.
  const translate: Translate = translatorFor(catalogue, lang as LocaleCode);
  const text = (t: Text) => renderText(t, pack, intl, translate);
  const labels = printLabels(lang);
  return { lang, country: pack.code, labels, text, footer: helplineFooter(pack, text, labels) };
}
