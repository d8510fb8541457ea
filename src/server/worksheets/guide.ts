import type { Guide, Text } from '../../engine';
import type { Block, PageSize, PdfDocumentModel } from '../pdf/model';
import type { PrintContext } from './print-context';

/** Who a printed guide is for. */
export type GuideAudienceName = 'parents' | 'teachers';
export const GUIDE_AUDIENCES: readonly GuideAudienceName[] = ['parents', 'teachers'];

/**
 * The printable guide for one audience (ADULT-1), from the guide's sections: the risk, what the
 * child practises, conversation starters, the settings checklist (parents) or the classroom
 * steps (teachers), and what to do if something happened.
 */
export function guideModel(
  guide: Guide,
  audience: GuideAudienceName,
  ctx: PrintContext,
  paper: PageSize,
): PdfDocumentModel {
  const { text, labels } = ctx;
  const s = labels.guideSections;
  const title = text(guide.title);
  const part = guide[audience];
  const section = (heading: string, items: readonly Text[], ordered = false): Block[] =>
    items.length === 0
      ? []
      : [
          { type: 'heading', level: 2, text: heading },
          { type: 'list', ordered, items: items.map(text) },
        ];
  return {
    pageSize: paper,
    lang: ctx.lang,
    title: `${title}: ${labels.guideFor[audience]}`,
    // Guides are for adults: their footer also lists entries still to verify, marked.
    footer: ctx.adultFooter,
    pageNumbers: true,
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'paragraph', text: labels.guideFor[audience], bold: true },
      { type: 'heading', level: 2, text: s.risk },
      ...guide.risk.map((r): Block => ({ type: 'paragraph', text: text(r) })),
      ...section(s.practises, guide.practises),
      ...section(s.conversationStarters, part.conversationStarters),
      ...(audience === 'parents'
        ? section(s.settingsChecklist, guide.parents.settingsChecklist)
        : section(s.inClass, guide.teachers.inClass, true)),
      ...section(s.ifSomethingHappened, part.ifSomethingHappened),
      ...section(s.adapting, guide.adapting ?? []),
    ],
  };
}
