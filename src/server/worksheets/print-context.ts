import { helplinesFor, isVerified, renderText, translatorFor } from '../../engine';
import type {
  Catalogue,
  CountryCode,
  CountryPack,
  Helpline,
  HelplineAudience,
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
  /**
   * The helplines line printed at the foot of every page of what children hold (worksheets,
   * challenge cards): only entries a coordinator confirmed.
   */
  readonly footer: string;
  /**
   * The footer of adults' documents (guides for parents and teachers): helplines, then the
   * routes to report abuse, with entries still to verify marked "(to verify)".
   */
  readonly adultFooter: string;
}

/** How many entries of a kind fit in the footer line. */
const FOOTER_HELPLINES = 2;
const FOOTER_HOTLINES = 3;

/**
 * One entry of a footer. A service is named with its number or address; a directory
 * (`directory: true`, e.g. Child Helpline International) is not a service, so it is given in the
 * pack's own words for it (`mention`: "your country's child helpline (find it at …)") followed
 * by its address. An entry still to verify (adults' footers only) says so.
 */
function footerEntry(h: Helpline, text: (t: Text) => string, labels: PrintLabels): string {
  const how = h.phone ?? h.url?.replace(/^https?:\/\//, '').replace(/\/$/, '') ?? h.chat;
  let entry: string;
  if (h.directory && h.mention) entry = how ? `${text(h.mention)}: ${how}` : text(h.mention);
  else entry = how ? `${text(h.name)} (${how})` : text(h.name);
  return isVerified(h) ? entry : `${entry} ${labels.toVerify}`;
}

/**
 * "Need help? Talk to an adult you trust, or contact …" with the first helplines `audience` may
 * be shown (`helplinesFor`); an adult's footer adds "To report abuse: …" with the hotlines.
 */
function helplineFooter(
  pack: CountryPack,
  intl: CountryPack,
  audience: HelplineAudience,
  text: (t: Text) => string,
  labels: PrintLabels,
) {
  const shown = helplinesFor(pack, intl, audience);
  const entries = (kind: Helpline['kind'], max: number) =>
    shown
      .filter((h) => h.kind === kind)
      .slice(0, max)
      .map((h) => footerEntry(h, text, labels));
  const help = entries('helpline', FOOTER_HELPLINES);
  const lines = help.length ? [`${labels.needHelp} ${help.join(', ')}.`] : [];
  if (audience === 'adult') {
    const report = entries('hotline', FOOTER_HOTLINES);
    if (report.length) lines.push(`${labels.toReport} ${report.join(', ')}.`);
  }
  return lines.join(' ');
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
  return {
    lang,
    country: pack.code,
    labels,
    text,
    footer: helplineFooter(pack, intl, 'child', text, labels),
    adultFooter: helplineFooter(pack, intl, 'adult', text, labels),
  };
}
