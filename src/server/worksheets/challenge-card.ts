import type { Challenge } from '../../engine';
import type { PageSize, PdfDocumentModel } from '../pdf/model';
import type { PrintContext } from './print-context';

/**
 * The printable card of a challenge (LIB-2): who it is for, the ages, how long it takes, what
 * it is, and the numbered steps. Large type when the youngest band is 5–7.
 */
export function challengeModel(
  challenge: Challenge,
  ctx: PrintContext,
  paper: PageSize,
): PdfDocumentModel {
  const { text, labels } = ctx;
  const title = text(challenge.title);
  const ages = challenge.bands.map((b) => labels.ages(b)).join(', ');
  return {
    pageSize: paper,
    lang: ctx.lang,
    title,
    largeType: challenge.bands.includes('5-7'),
    footer: ctx.footer,
    pageNumbers: true,
    blocks: [
      { type: 'heading', level: 1, text: title },
      {
        type: 'paragraph',
        text: `${labels.challengeFor[challenge.for]} · ${ages} · ${labels.minutes(challenge.minutes)}`,
        small: true,
      },
      { type: 'paragraph', text: text(challenge.summary) },
      { type: 'heading', level: 2, text: labels.steps },
      { type: 'list', ordered: true, items: challenge.steps.map(text) },
    ],
  };
}
