import type { Media, Text } from './text';

/**
 * A labelled thing a question refers to (tick box, matching column entry, order item). Its
 * optional `media` (an SVG) is printed beside the label, for children who do not read yet.
 */
export interface WorksheetItem {
  readonly id: string;
  readonly text: Text;
  readonly media?: Media;
}

/** Write an answer on lines; `answer` is a model answer for the adults' key. */
export interface ShortQuestion {
  readonly id: string;
  /** A picture printed under the prompt (the scene the question is about). */
  readonly media?: Media;
  readonly kind: 'short';
  readonly prompt: Text;
  readonly lines: number;
  readonly answer: Text;
}

/** Tick boxes; `correct` lists the options to tick (the key). */
export interface TickQuestion {
  readonly id: string;
  /** A picture printed under the prompt (the scene the question is about). */
  readonly media?: Media;
  readonly kind: 'tick';
  readonly prompt: Text;
  readonly options: readonly WorksheetItem[];
  readonly correct: readonly string[];
}

/** Draw lines between two columns; `pairs` maps each left id to its right id (the key). */
export interface MatchQuestion {
  readonly id: string;
  /** A picture printed under the prompt (the scene the question is about). */
  readonly media?: Media;
  readonly kind: 'match';
  readonly prompt: Text;
  readonly left: readonly WorksheetItem[];
  readonly right: readonly WorksheetItem[];
  readonly pairs: Readonly<Record<string, string>>;
}

/**
 * Number the items in order; `correct` is the key. `guidance` tells the adult which other
 * orders are right too ("telling an adult can come first, and sooner is better").
 */
export interface OrderQuestion {
  readonly id: string;
  /** A picture printed under the prompt (the scene the question is about). */
  readonly media?: Media;
  readonly kind: 'order';
  readonly prompt: Text;
  readonly items: readonly WorksheetItem[];
  readonly correct: readonly string[];
  readonly guidance?: Text;
}

/** A box to draw in; `guidance` tells the adult what to look for. */
export interface DrawQuestion {
  readonly id: string;
  /** A picture printed under the prompt (the scene the question is about). */
  readonly media?: Media;
  readonly kind: 'draw';
  readonly prompt: Text;
  readonly size: 'small' | 'medium' | 'large';
  readonly guidance?: Text;
}

/** One worksheet question. */
export type WorksheetQuestion =
  ShortQuestion | TickQuestion | MatchQuestion | OrderQuestion | DrawQuestion;

/** The printable twin of an activity (LIB-3). */
export interface Worksheet {
  readonly intro?: Text;
  readonly media?: Media;
  readonly questions: readonly WorksheetQuestion[];
}
