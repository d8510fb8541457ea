import { Link } from '../components/link';
import { TOPIC_ART } from '../components/art';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import type { LibraryItem } from './items';
import { agesLabel, levelLabel } from './labels';
import { links } from './links';
import { PrintLink } from './print-links';
import type { PageSize } from './paper';

interface Props {
  item: LibraryItem;
  topic: string;
  /** Language of the printable documents. */
  lang: string;
  paper: PageSize;
}

function ActionLinks({ item, lang, paper }: Props) {
  switch (item.type) {
    case 'activity':
      return (
        <>
          <Link href={links.play(item.id, true)}>{t('library.playTogether')}</Link>
          <Link href={links.lesson(item.id)}>{t('library.lessonPlan')}</Link>
        </>
      );
    case 'worksheet':
      return (
        <PrintLink href={links.worksheetPdf(item.id, lang, paper, true)}>
          {t('library.printAnswers')}
        </PrintLink>
      );
    case 'guide':
      return <Link href={links.guide(item.id, 'teachers')}>{t('library.forTeachers')}</Link>;
    case 'challenge':
      return null;
  }
}

/** Where an item's title leads. PDFs open in a new tab through the print page. */
function mainHref({ item, lang, paper }: Props): { href: string; inApp: boolean } {
  switch (item.type) {
    case 'activity':
      return { href: links.play(item.id), inApp: true };
    case 'worksheet':
      return { href: links.worksheetPdf(item.id, lang, paper), inApp: false };
    case 'challenge':
      return { href: links.challenge(item.id), inApp: true };
    case 'guide':
      return { href: links.guide(item.id, 'parents'), inApp: true };
  }
}

/** One library entry: what it is, for whom, its title link and its other links. */
export function ItemCard(props: Props) {
  const { item, topic } = props;
  const { href, inApp } = mainHref(props);
  const title = item.type === 'guide' ? `${item.title}: ${t('library.forParents')}` : item.title;
  const meta = [
    topic,
    agesLabel(item.bands),
    item.level ? levelLabel(item.level) : null,
    item.minutes ? t('home.minutes', { n: item.minutes }) : null,
    item.sensitive ? t('home.sensitiveTag') : null,
  ].filter(Boolean);
  return (
    <li class={`lib-item lib-${item.type} topic-${item.topic}`}>
      {TOPIC_ART[item.topic] && (
        <img class="lib-art" src={TOPIC_ART[item.topic]} alt="" width="44" height="44" />
      )}
      <div class="lib-body">
        <p class="lib-badge">{t(`library.badge.${item.type}` as UiKey)}</p>
        <h2 class="lib-title">
          {inApp ? <Link href={href}>{title}</Link> : <PrintLink href={href}>{title}</PrintLink>}
        </h2>
        <p class="lib-meta">{meta.join(' · ')}</p>
        {item.summary && <p class="lib-summary">{item.summary}</p>}
        <p class="lib-actions">
          <ActionLinks {...props} />
        </p>
      </div>
    </li>
  );
}
