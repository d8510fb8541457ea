// The document model the PDF renderer takes. It knows nothing about activities: worksheets,
// challenge cards, guides and certificates are built by mapping their content onto these
// blocks. All text is plain Unicode in logical order; the renderer picks fonts by script,
// shapes, wraps and paginates. Everything is drawn in black and greys only (pictures too, their
// colours turned into greys), so it prints well on a black-and-white printer.

export type PageSize = 'a4' | 'letter';

export interface PdfDocumentModel {
  /** Paper size. A4 is 595.28 × 841.89 pt, Letter 612 × 792 pt. */
  pageSize: PageSize;
  /** BCP 47 language of the document, e.g. `en` or `km`: the PDF's /Lang and the shaper's hint. */
  lang: string;
  /** Stored in the PDF's metadata and shown as the window title by viewers. */
  title: string;
  /** Bigger text, ruled lines and boxes, for young children (ages 5–7). */
  largeType?: boolean;
  /** Smaller type and spacing, for adults' texts that must fit one sheet (ignored with largeType). */
  compact?: boolean;
  /**
   * When true, answer areas show the answers given in the model (an adult's answer key):
   * ticks in the correct boxes, matching lines drawn in and sample answers on the ruled lines.
   */
  showAnswers?: boolean;
  /** A short line repeated at the foot of every page, e.g. helplines. It may wrap. */
  footer?: string;
  /** Adds "n / total" to the footer line of every page. */
  pageNumbers?: boolean;
  blocks: Block[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | QuestionBlock
  | NameLineBlock
  | RuleBlock
  | SpacerBlock
  | PictureBlock
  | CardGridBlock
  | TableBlock;

export interface HeadingBlock {
  type: 'heading';
  /** 1 is the document title; 2 and 3 are section and sub-section headings. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Plain text; `\n` forces a line break. */
  text: string;
  bold?: boolean;
  /** Smaller type, e.g. for notes to adults. */
  small?: boolean;
}

export interface ListBlock {
  type: 'list';
  items: string[];
  /** Numbered (1. 2. 3.) instead of bulleted. */
  ordered?: boolean;
}

export interface QuestionBlock {
  type: 'question';
  /** Shown before the prompt, e.g. 3 or "3a". */
  number: number | string;
  prompt: string;
  /** A picture under the prompt (the scene the question is about), for children who do not read yet. */
  picture?: Picture;
  answer: AnswerArea;
}

/**
 * A vector picture: the text of an SVG file (shapes only; any text in it is not drawn) and
 * what it shows, for assistive technology. Drawn in greys, scaled to fit its place.
 */
export interface Picture {
  svg: string;
  alt: string;
}

export type AnswerArea =
  LinesAnswer | ChoicesAnswer | MatchingAnswer | OrderingAnswer | DrawingAnswer;

/** N ruled lines for a short written answer. */
export interface LinesAnswer {
  kind: 'lines';
  /** 1–20. */
  count: number;
  /** Written on the lines when the document has `showAnswers`. */
  sampleAnswer?: string;
}

/** Tick boxes, one per option; an option's picture sits between its box and its label. */
export interface ChoicesAnswer {
  kind: 'choices';
  options: { label: string; correct?: boolean; picture?: Picture }[];
}

/**
 * "Draw a line": two columns with a wide gap between them; each left item ends in a dot and
 * each right item starts with one, for the child to join with a pencil line.
 */
export interface MatchingAnswer {
  kind: 'matching';
  left: string[];
  right: string[];
  /** Pictures beside the items (`null` where an item has none), same order as `left`/`right`. */
  pictures?: { left?: (Picture | null)[]; right?: (Picture | null)[] };
  /** `answers[i]` is the index in `right` that matches `left[i]`: drawn as lines with `showAnswers`. */
  answers?: number[];
}

/** Items each with a box to write its position in (1, 2, 3…), e.g. steps to put in order. */
export interface OrderingAnswer {
  kind: 'ordering';
  items: string[];
  /** A picture beside each item (`null` where it has none), between the box and the text. */
  pictures?: (Picture | null)[];
  /** `answers[i]` is the 1-based position of `items[i]`, written in its box with `showAnswers`. */
  answers?: number[];
}

/** An empty framed box to draw in. */
export interface DrawingAnswer {
  kind: 'drawing';
  size?: 'small' | 'medium' | 'large';
}

/** One or more "label ________" fields on one line, e.g. ["Name:", "Date:"]. Never filled in. */
export interface NameLineBlock {
  type: 'nameLine';
  /** 1–3 labels, written as given (include the colon the language uses, e.g. `ឈ្មោះ៖`). */
  labels: string[];
}

/** A short horizontal separator. */
export interface RuleBlock {
  type: 'rule';
}

/** A picture on its own (e.g. the scene a worksheet is about), at most the scene size. */
export interface PictureBlock {
  type: 'picture';
  picture: Picture;
}

/**
 * Cards to cut out (e.g. children's login cards): a grid of `columns` cards across the page,
 * with dashed cut lines around them. A row of cards never breaks over pages. The rows are
 * as tall as the tallest card needs, stretched so that a whole number of rows fills a page.
 */
export interface CardGridBlock {
  type: 'cards';
  /** 1–4 cards side by side. */
  columns: number;
  cards: Card[];
}

/** One card: its parts from top to bottom, each centred across the card. */
export interface Card {
  parts: CardPart[];
}

export type CardPart = CardTitle | CardText | CardPictures;

/**
 * Big bold text, after a picture when there is one (e.g. an avatar and a nickname). Text too
 * wide for the card is set smaller, down to 60 %, before it wraps.
 */
export interface CardTitle {
  kind: 'title';
  text: string;
  picture?: Picture;
}

export interface CardText {
  kind: 'text';
  text: string;
  /** A small label before the text on the same line (on its own line above when both do not fit). */
  label?: string;
  /** `large` is big and bold (e.g. a class code); `body` by default. */
  size?: 'small' | 'body' | 'large';
  bold?: boolean;
}

/**
 * Pictures in a row, each with a bold label under it (e.g. 1, 2, 3) and a small caption beside
 * the label (under it when both do not fit).
 */
export interface CardPictures {
  kind: 'pictures';
  items: { picture: Picture; label: string; caption?: string }[];
}

/**
 * A table: a heading row (when any column has a heading) and rows of cells, each cell's text
 * wrapped within its column. A row never breaks over pages; the heading row stays with the
 * first row and repeated on each page the table goes on to. Thin grey rules separate the rows.
 */
export interface TableBlock {
  type: 'table';
  /** `width` is the column's share of the text column (the shares are scaled to fill it). */
  columns: { heading?: string; width: number; align?: 'start' | 'end' }[];
  rows: TableCell[][];
}

/**
 * A cell's text, or its text with a bar: `bar` (0–1) is drawn as a grey bar of that share of
 * the cell beside the text (e.g. a score), so a column of them reads as a bar chart.
 */
export type TableCell = string | { text: string; bold?: boolean; bar?: number };

/** Vertical white space. */
export interface SpacerBlock {
  type: 'spacer';
  size?: 'small' | 'medium' | 'large';
}

export interface RenderOptions {
  /**
   * The PDF's CreationDate. Fixed by default (2000-01-01T00:00:00Z) so that the same model
   * always gives the same bytes and the output can be cached by a hash of its input.
   */
  creationDate?: Date;
}
