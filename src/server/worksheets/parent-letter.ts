import type { Block, PageSize, PdfDocumentModel } from '../pdf/model';
import { DEFAULT_RETENTION } from '../config/config';
import type { ClassPrintContext } from './class-print-context';
import { fill } from './print-texts';
import type { LetterSectionTexts } from './print-texts';

export interface ParentLetterInput {
  readonly schoolName: string;
  readonly className: string;
  readonly teacherName: string;
  readonly lang: string;
  /** The version of the notice the school agreed to (`kite_school`'s agreement). */
  readonly noticeVersion: string;
  /** Months without use after which a child's record is purged (`KITE_RETAIN_CHILD_MONTHS`). */
  readonly retentionMonths?: number;
  /** Whether the deployment measures outcomes: the letter then tells families about the checks. */
  readonly measurement?: boolean;
  readonly paper?: PageSize;
}

/**
 * The letter a teacher prints for the families of a class (PRIV-16): what Kite is, what it keeps
 * about their child and why (and, where outcomes are measured, the short checks), who sees it,
 * how long it is kept, what they can do, and the notice version. Every sentence is content
 * (`content/print/<lang>.json`). Compact type keeps it to one page in English; Khmer, whose
 * lines stand taller, takes a second side.
 */
export function parentLetterModel(
  input: ParentLetterInput,
  ctx: ClassPrintContext,
): PdfDocumentModel {
  const t = ctx.texts(input.lang).letter;
  const months = input.retentionMonths ?? DEFAULT_RETENTION.childMonths;
  const values = {
    schoolName: input.schoolName,
    className: input.className,
    teacherName: input.teacherName,
    noticeVersion: input.noticeVersion,
    period: fill(months === 1 ? t.period.one : t.period.other, { n: String(months) }),
  };
  const f = (s: string) => fill(s, values);
  const section = (s: LetterSectionTexts): Block[] => [
    { type: 'heading', level: 3, text: f(s.heading) },
    ...(s.text ? [{ type: 'paragraph', text: f(s.text) } as const] : []),
    ...(s.items ? [{ type: 'list', items: s.items.map(f) } as const] : []),
    ...(s.closing ? [{ type: 'paragraph', text: f(s.closing) } as const] : []),
  ];
  const title = f(t.title);
  return {
    pageSize: input.paper ?? 'a4',
    lang: input.lang,
    compact: true,
    title,
    footer: f(t.footer),
    blocks: [
      { type: 'heading', level: 1, text: title },
      { type: 'paragraph', text: f(t.greeting) },
      ...t.intro.map((p): Block => ({ type: 'paragraph', text: f(p) })),
      ...t.sections.flatMap((s, i) =>
        section(
          i === 0 && input.measurement && s.items
            ? { ...s, items: [...s.items, t.measurement] }
            : s,
        ),
      ),
      { type: 'paragraph', text: `${f(t.signoff)}\n${f(t.signature)}` },
    ],
  };
}
