import type { Card, PageSize, PdfDocumentModel, Picture } from '../pdf/model';
import { UnknownAvatarError } from './class-print-context';
import type { ClassPrintContext } from './class-print-context';
import { fill } from './print-texts';

/** A child of the class as the teacher sees them (docs/classes.md, `ClassChild`). */
export interface LoginCardChild {
  readonly nickname: string;
  /** Avatar ids (`content/art/avatars/<id>.svg`). */
  readonly avatar: string;
  readonly pictures: readonly [string, string, string];
}

export interface LoginCardsInput {
  readonly className: string;
  readonly classCode: string;
  readonly lang: string;
  readonly paper?: PageSize;
  readonly children: readonly LoginCardChild[];
}

/** Cards side by side on a page. */
export const CARD_COLUMNS = 2;

/** A class code as children read it off a card: upper case, in groups of three ("K7M 4QX"). */
export function spacedCode(code: string): string {
  const plain = code.replace(/[\s-]+/g, '').toUpperCase();
  return plain.match(/.{1,3}/g)?.join(' ') ?? '';
}

/**
 * The children's login cards of a class (ADULT-3, SEC-04): one card per child, to cut out. A
 * card has the child's picture and nickname, the class code, and the three secret pictures in
 * order, numbered, each with its name in small type for the teacher.
 */
export function loginCardsModel(input: LoginCardsInput, ctx: ClassPrintContext): PdfDocumentModel {
  const t = ctx.texts(input.lang).cards;
  const values = { className: input.className };
  const picture = (id: string): { picture: Picture; name: string } => {
    const avatar = ctx.avatars.get(id, input.lang);
    if (!avatar) throw new UnknownAvatarError(`unknown avatar "${id}"`);
    return { picture: { svg: avatar.svg, alt: avatar.name }, name: avatar.name };
  };
  const code = spacedCode(input.classCode);
  const cards = input.children.map((child): Card => ({
    parts: [
      { kind: 'title', text: child.nickname, picture: picture(child.avatar).picture },
      { kind: 'text', label: t.classCode, text: code, size: 'large' },
      { kind: 'text', text: t.secretPictures, size: 'small', bold: true },
      {
        kind: 'pictures',
        items: child.pictures.map((id, i) => {
          const p = picture(id);
          return { picture: p.picture, label: String(i + 1), caption: p.name };
        }),
      },
      { kind: 'text', text: t.keepSafe, size: 'small' },
    ],
  }));
  return {
    pageSize: input.paper ?? 'a4',
    lang: input.lang,
    title: fill(t.title, values),
    footer: fill(t.footer, values),
    pageNumbers: true,
    blocks: [{ type: 'cards', columns: CARD_COLUMNS, cards }],
  };
}
