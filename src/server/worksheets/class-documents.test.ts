// The login cards and the parents' letter, built from the real content, rendered by the real
// renderer and read back with poppler (pdftotext, pdfinfo), as a teacher's printer would get
// them. Needs Debian's poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardPart, PdfDocumentModel } from '../pdf/model';
import { createPdfRenderer } from '../pdf/renderer';
import type { PdfRenderer } from '../pdf/renderer';
import { loadClassPrintContext, UnknownAvatarError } from './class-print-context';
import type { ClassPrintContext } from './class-print-context';
import { loginCardsModel, spacedCode } from './login-cards';
import type { LoginCardChild, LoginCardsInput } from './login-cards';
import { parentLetterModel } from './parent-letter';
import type { ParentLetterInput } from './parent-letter';

let renderer: PdfRenderer;
let ctx: ClassPrintContext;
let dir: string;
let counter = 0;

beforeAll(async () => {
  renderer = await createPdfRenderer();
  ctx = loadClassPrintContext('content');
  dir = mkdtempSync(join(tmpdir(), 'kite-class-docs-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function render(model: PdfDocumentModel): Promise<string> {
  const file = join(dir, `doc-${++counter}.pdf`);
  writeFileSync(file, await renderer.render(model));
  return file;
}

const pdftotext = (file: string, page?: number, layout = false): string =>
  execFileSync(
    'pdftotext',
    [
      ...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]),
      ...(layout ? ['-layout'] : []),
      file,
      '-',
    ],
    { encoding: 'utf8' },
  );
const pages = (file: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Pixels of page 1, rasterised in greys at 40 dpi, that are not white. */
function inked(file: string): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', file]);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+\d+\s+\d+\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return pgm.subarray(header[0].length).filter((v) => v < 200).length;
}

/** The same document with every picture taken out. */
function withoutPictures(model: PdfDocumentModel): PdfDocumentModel {
  return {
    ...model,
    blocks: model.blocks.map((b) =>
      b.type !== 'cards'
        ? b
        : {
            ...b,
            cards: b.cards.map((c) => ({
              parts: c.parts
                .filter((part) => part.kind !== 'pictures')
                .map((part): CardPart =>
                  part.kind === 'title' ? { kind: 'title', text: part.text } : part,
                ),
            })),
          },
    ),
  };
}

const cards = (children: LoginCardChild[], more: Partial<LoginCardsInput> = {}) =>
  loginCardsModel(
    { className: 'Class 3B', classCode: 'k7m4qx', lang: 'en', children, ...more },
    ctx,
  );

const NAMES = [
  'Amara',
  'Bilal',
  'Chenda',
  'Dara',
  'Eliza',
  'Farid',
  'Gita',
  'Hugo',
  'Ines',
  'Jonah',
  'Kanya',
  'Leon',
  'Mina',
  'Nikhil',
  'Olga',
  'Pich',
  'Quinn',
  'Rosa',
  'Sami',
  'Tevy',
  'Uma',
  'Vanna',
  'Wren',
  'Xavi',
  'Yara',
  'Zeno',
  'Arun',
  'Bopha',
  'Cleo',
  'Dmitri',
];

describe('login cards', () => {
  it('prints the nickname, the class code spaced, the three pictures in order and the lines for the child', async () => {
    const file = await render(
      cards([{ nickname: 'Amara', avatar: 'fox', pictures: ['owl', 'whale', 'bee'] }]),
    );
    expect(pages(file)).toBe(1);
    const text = norm(pdftotext(file));
    expect(text).toContain('Amara');
    expect(text).toContain('Class code K7M 4QX');
    expect(text).toContain('Your secret pictures: tap them in this order');
    // Each picture's number with its name, in the order the child taps them.
    expect(text).toContain('1 Owl 2 Whale 3 Bee');
    expect(text).toContain('Keep this card safe. Show it only to your teacher or family.');
    expect(text).toContain('Class 3B: Kite login cards.');
    // The avatar is drawn, not named: its name is not printed.
    expect(text).not.toContain('Fox');
  });

  it('draws the avatar and the three pictures', async () => {
    const model = cards([{ nickname: 'Amara', avatar: 'fox', pictures: ['owl', 'whale', 'bee'] }]);
    const bare = withoutPictures(model);
    expect(JSON.stringify(bare)).not.toContain('<svg');
    const withInk = inked(await render(model));
    const withoutInk = inked(await render(bare));
    // Four pictures about 25 pixels across at 40 dpi: their outlines and darker fills add
    // some 300 inked pixels each (pale fills stay under the threshold).
    expect(withInk - withoutInk).toBeGreaterThan(4 * 200);
  });

  it('gives a class of 30 five pages of six cards, each child once, in order, on A4 and Letter', async () => {
    const ids = ctx.avatars.ids;
    const children = NAMES.map((nickname, i): LoginCardChild => ({
      nickname,
      avatar: ids[i % 12]!,
      pictures: [ids[(i + 1) % 12]!, ids[(i + 4) % 12]!, ids[(i + 7) % 12]!],
    }));
    for (const paper of ['a4', 'letter'] as const) {
      const file = await render(cards(children, { paper }));
      expect(pages(file)).toBe(5);
      const found: string[] = [];
      for (let p = 1; p <= 5; p++) {
        const words = new Set(norm(pdftotext(file, p)).split(' '));
        const here = NAMES.filter((n) => words.has(n));
        expect(here).toHaveLength(6);
        expect(norm(pdftotext(file, p))).toContain(`${p} / 5`);
        found.push(...here);
      }
      expect(found).toEqual(NAMES);
      // Six cards, six class codes and six sets of numbered pictures on a page.
      const page = pdftotext(file, 1);
      expect(page.match(/K7M 4QX/g)).toHaveLength(6);
      expect(page.match(/Keep this card safe/g)).toHaveLength(6);
    }
  });

  it('prints a nickname in Khmer', async () => {
    const file = await render(
      cards([{ nickname: 'សុខា', avatar: 'cat', pictures: ['fox', 'owl', 'turtle'] }], {
        lang: 'km',
      }),
    );
    const text = norm(pdftotext(file));
    expect(text).toContain('សុខា');
    // The card's words (content/print/km.json) and the pictures' names (content/ui/km.json)
    // are Khmer too: nothing on a Khmer card is left in English.
    expect(text).toContain('កូដថ្នាក់ K7M 4QX');
    expect(text).toContain('1 កញ្ជ្រោង 2 ទីទុយ 3 អណ្ដើក');
    expect(text).not.toMatch(/Class code|Fox|Owl|Turtle|Keep this card/);
  });

  it('refuses a picture that is not one of the avatars', () => {
    expect(() =>
      cards([{ nickname: 'Amara', avatar: 'fox', pictures: ['owl', 'dragon', 'bee'] }]),
    ).toThrow(UnknownAvatarError);
  });

  it('spaces a class code in groups of three', () => {
    expect(spacedCode('k7m4qx')).toBe('K7M 4QX');
    expect(spacedCode('K7M-4QX')).toBe('K7M 4QX');
    expect(spacedCode(' abcd ')).toBe('ABC D');
  });
});

const letterInput: ParentLetterInput = {
  schoolName: 'Riverside Primary School',
  className: 'Class 3B',
  teacherName: 'Ms Dara',
  lang: 'en',
  noticeVersion: '2025-09',
};

describe("the parents' letter", () => {
  it('fits on one page of A4 and of Letter, with the quick checks told and without', async () => {
    for (const paper of ['a4', 'letter'] as const)
      for (const measurement of [true, false]) {
        const file = await render(parentLetterModel({ ...letterInput, paper, measurement }, ctx));
        expect(pages(file)).toBe(1);
      }
  });

  it('tells families about the quick checks only where the deployment measures outcomes', async () => {
    const on = norm(
      pdftotext(await render(parentLetterModel({ ...letterInput, measurement: true }, ctx))),
    );
    const told = 'Their answers to a few short questions before and after a topic';
    expect(on).toContain(told);
    expect(on).toContain('Nobody is shown a score, and your child can always tap “Not now”.');
    expect(on).toContain('about 15 in 100 children skip the first questions');
    // Among what is kept, before the sentence that closes it.
    expect(on.indexOf(told)).toBeGreaterThan(on.indexOf('Their progress:'));
    expect(on.indexOf(told)).toBeLessThan(on.indexOf('Kite never keeps'));
    const off = norm(
      pdftotext(await render(parentLetterModel({ ...letterInput, measurement: false }, ctx))),
    );
    expect(off).not.toContain('short questions');
  });

  it('prints the quick checks in Khmer, on at most two pages', async () => {
    // Khmer lines stand much taller than Latin ones: the Khmer letter needs a second side.
    const file = await render(
      parentLetterModel({ ...letterInput, lang: 'km', measurement: true }, ctx),
    );
    expect(pages(file)).toBeLessThanOrEqual(2);
    expect(norm(pdftotext(file))).toContain('សំណួរខ្លីៗមួយចំនួន');
  });

  it('says what is kept, why, who sees it, for how long, what families can do, and the notice version', async () => {
    const file = await render(parentLetterModel(letterInput, ctx));
    const text = norm(pdftotext(file));
    for (const s of [
      'Kite in Class 3B: a letter for families',
      'In Class 3B, your child will use Kite',
      'A nickname that Ms Dara chose for your child.',
      'A picture password: three pictures your child taps, in order, to sign in.',
      "Your child's answers in the activities.",
      'Their progress:',
      "Kite never keeps your child's surname, birthday, email address or photo.",
      'Riverside Primary School agreed to use Kite for education only.',
      "Ms Dara, your child's teacher.",
      'You, if you link your own Kite account to your child.',
      'The national programme sees only totals for groups of 10 or more children.',
      'Kite keeps it until it is erased. If your child does not use Kite for 12 months, Kite erases it.',
      'Ask Ms Dara to show you what Kite holds about your child, or for a copy to download.',
      'Ask for it to be erased.',
      'Your child can also erase their progress on their own device',
      'Ms Dara, Class 3B, Riverside Primary School',
      'notice version 2025-09',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it("states the deployment's retention period, in the singular for one month", async () => {
    const six = norm(
      pdftotext(await render(parentLetterModel({ ...letterInput, retentionMonths: 6 }, ctx))),
    );
    expect(six).toContain('does not use Kite for 6 months,');
    const one = norm(
      pdftotext(await render(parentLetterModel({ ...letterInput, retentionMonths: 1 }, ctx))),
    );
    expect(one).toContain('does not use Kite for 1 month,');
  });
});
