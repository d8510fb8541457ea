import type { Activity, WorksheetQuestion } from '../../engine';
import type { AnswerArea, Block, PageSize, PdfDocumentModel } from '../pdf/model';
import type { PictureOf } from './pictures';
import type { PrintContext } from './print-context';

export interface WorksheetOptions {
  readonly paper: PageSize;
  /** The adults' answer key instead of the child's copy. */
  readonly answers: boolean;
}

/**
 * `items` in a fixed shuffled order (seeded by `seed`) when they are already in the key's order,
 * so a printed sheet does not give its own answer away; otherwise as written.
 */
export function unsolved<T>(items: readonly T[], solved: boolean, seed: string): T[] {
  if (!solved || items.length < 2) return [...items];
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // A shuffle can land on the original order: rotate by one then.
  return out.every((x, i) => x === items[i]) ? [...items.slice(1), items[0]!] : out;
}

function answerArea(
  q: WorksheetQuestion,
  text: PrintContext['text'],
  picture: PictureOf,
): AnswerArea {
  switch (q.kind) {
    case 'short':
      return { kind: 'lines', count: q.lines, sampleAnswer: text(q.answer) };
    case 'tick':
      return {
        kind: 'choices',
        options: q.options.map((o) => {
          const pic = picture(o.media);
          const option = { label: text(o.text), correct: q.correct.includes(o.id) };
          return pic ? { ...option, picture: pic } : option;
        }),
      };
    case 'match': {
      const inLine = q.left.every((l, i) => q.right[i]?.id === q.pairs[l.id]);
      const right = unsolved(q.right, inLine, q.id);
      const pictures = {
        left: q.left.map((l) => picture(l.media) ?? null),
        right: right.map((r) => picture(r.media) ?? null),
      };
      const pictured = [...pictures.left, ...pictures.right].some((p) => p !== null);
      return {
        kind: 'matching',
        left: q.left.map((l) => text(l.text)),
        right: right.map((r) => text(r.text)),
        ...(pictured ? { pictures } : {}),
        answers: q.left.map((l) => right.findIndex((r) => r.id === q.pairs[l.id])),
      };
    }
    case 'order': {
      const inOrder = q.items.every((item, i) => q.correct[i] === item.id);
      const items = unsolved(q.items, inOrder, q.id);
      const pictures = items.map((i) => picture(i.media) ?? null);
      return {
        kind: 'ordering',
        items: items.map((i) => text(i.text)),
        ...(pictures.some((p) => p !== null) ? { pictures } : {}),
        answers: items.map((i) => q.correct.indexOf(i.id) + 1),
      };
    }
    case 'draw':
      return { kind: 'drawing', size: q.size };
  }
}

/**
 * The printable worksheet of an activity (LIB-3): title, a blank name line (never filled in,
 * nothing is stored), the goal, the intro and every question with room to answer. The answer
 * key is the same page with the answers written in and notes for adults, and no name line.
 * Items written in the key's order (an order or match question) are printed shuffled.
 * Large type for ages 5–7. Pictures (`media` of the worksheet, a question or an item) print
 * as vector drawings in greys. The footer names the country's helplines.
 */
export function worksheetModel(
  activity: Activity,
  ctx: PrintContext,
  { paper, answers }: WorksheetOptions,
  picture: PictureOf = () => undefined,
): PdfDocumentModel {
  const { text, labels } = ctx;
  const title = text(activity.title);
  const { worksheet } = activity;
  const blocks: Block[] = [{ type: 'heading', level: 1, text: title }];
  if (answers) {
    blocks.push(
      { type: 'paragraph', text: labels.answerKey, bold: true },
      { type: 'paragraph', text: labels.answerKeyNote, small: true },
    );
  } else {
    blocks.push({ type: 'nameLine', labels: [labels.name, labels.date] });
  }
  blocks.push({ type: 'paragraph', text: `${labels.goal} ${text(activity.goal)}`, bold: true });
  if (worksheet.intro) blocks.push({ type: 'paragraph', text: text(worksheet.intro) });
  const sheetPicture = picture(worksheet.media);
  if (sheetPicture) blocks.push({ type: 'picture', picture: sheetPicture });
  // A question's picture is left out when it is the one printed just before it.
  let lastPicture = sheetPicture?.svg;
  worksheet.questions.forEach((q, i) => {
    const pictured = picture(q.media);
    const questionPicture = pictured?.svg === lastPicture ? undefined : pictured;
    if (pictured) lastPicture = pictured.svg;
    blocks.push({
      type: 'question',
      number: i + 1,
      prompt: text(q.prompt),
      ...(questionPicture ? { picture: questionPicture } : {}),
      answer: answerArea(q, text, picture),
    });
    if (answers && (q.kind === 'draw' || q.kind === 'order') && q.guidance) {
      blocks.push({
        type: 'paragraph',
        text: `${labels.forAdults} ${text(q.guidance)}`,
        small: true,
      });
    }
  });
  return {
    pageSize: paper,
    lang: ctx.lang,
    title: answers ? `${title}: ${labels.answerKey}` : title,
    largeType: activity.band === '5-7',
    showAnswers: answers,
    footer: ctx.footer,
    pageNumbers: true,
    blocks,
  };
}
