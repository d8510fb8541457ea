import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import { PAPERS } from './paper';
import type { PageSize } from './paper';

/** One link per paper size to a printable PDF, e.g. "Print the card (A4)". */
export function PrintLinks(props: { label: UiKey; href: (paper: PageSize) => string }) {
  return (
    <p class="print-links">
      {PAPERS.map((paper) => (
        <a key={paper} href={props.href(paper)}>
          {t(props.label, { paper: t(`paper.${paper}` as UiKey) })}
        </a>
      ))}
    </p>
  );
}
