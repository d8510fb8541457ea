import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { links } from './links';
import { PAPERS } from './paper';
import type { PageSize } from './paper';

/**
 * One link per paper size to a printable PDF, e.g. "Print the card (A4)". Each opens in a new
 * tab through the print page, which explains in words when the PDF cannot be had.
 */
export function PrintLinks(props: { label: UiKey; href: (paper: PageSize) => string }) {
  return (
    <p class="print-links">
      {PAPERS.map((paper) => (
        <PrintLink key={paper} href={props.href(paper)}>
          {t(props.label, { paper: t(`paper.${paper}` as UiKey) })}
        </PrintLink>
      ))}
    </p>
  );
}

/** A link to a printable PDF (its `/api/…pdf` URL), opened by the print page in a new tab. */
export function PrintLink(props: { href: string; children: ComponentChildren }) {
  return (
    <a href={links.printPage(props.href)} target="_blank" rel="noopener">
      {props.children}
      <span class="visually-hidden"> {t('print.newTab')}</span>
    </a>
  );
}
