import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/content/load-dir';
import { buildCatalogue } from '../../src/engine/content';
import type { ContentFile } from '../../src/engine/content';

// The measure-form fixture is a small valid bank but for its post form's difficulty; each test
// starts from that bank made valid and breaks one rule (NATION-3, MEAS-01…10).
const DIR = 'test/fixtures/content-broken/measure-form';
const BANK = 'packs/core/measurement/scams.json';
const FILE = `${DIR}/${BANK}`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('item bank checks name the file and the path', () => {
  let files: ContentFile[];
  beforeAll(async () => {
    files = await loadContentDir(DIR);
  });

  /** The fixture with its bank made valid, then changed by `edit`. */
  const build = (edit: (bank: Json) => void = () => {}) => {
    const changed = files.map((f) => {
      if (f.path !== BANK) return f;
      const bank = JSON.parse(f.text!) as Json;
      for (const i of [3, 4, 5]) bank.items[i].difficulty.p = 0.65;
      edit(bank);
      return { path: f.path, text: JSON.stringify(bank) };
    });
    return buildCatalogue(changed, { root: DIR }).errors.map((e) => [e.check, e.file, e.path]);
  };

  it('accepts the valid bank (pre 0.60 against post 0.65)', () => {
    expect(build()).toEqual([]);
  });

  it('refuses a scored item in both pre and post (MEAS-02: the forms share no items)', () => {
    expect(build((b) => (b.items[0].use = ['pre', 'post']))).toEqual([
      ['measure-form', FILE, 'items[0].use'],
    ]);
  });

  it('refuses pre and post forms whose mean difficulties differ by more than 0.10', () => {
    const errors = build((b) => {
      for (const i of [3, 4, 5]) b.items[i].difficulty.p = 0.71;
    });
    expect(errors).toHaveLength(4); // one per band
    expect(new Set(errors.map((e) => e.join(' ')))).toEqual(
      new Set([`measure-form ${FILE} items`]),
    );
    // 0.60 against 0.70 is exactly the allowed gap.
    expect(
      build((b) => {
        for (const i of [3, 4, 5]) b.items[i].difficulty.p = 0.7;
      }),
    ).toEqual([]);
  });

  it('refuses a transfer item in a situation the pre or post form used (MEAS-05)', () => {
    // Once per band the item is in.
    expect(build((b) => (b.items[6].context = 'inbox'))).toEqual(
      Array.from({ length: 4 }, () => ['measure-form', FILE, 'items[6].context']),
    );
  });

  it('refuses forms without a self-efficacy item or with too few scored items', () => {
    const noScale = build((b) => b.items.splice(8, 1));
    // Bands 8-10, 11-13, 14-16 lose their scale, in pre and in post.
    expect(noScale).toHaveLength(6);
    expect(noScale.every(([check, , path]) => check === 'measure-form' && path === 'items')).toBe(
      true,
    );
    const short = build((b) => (b.items[2].use = ['post']));
    expect(short.some(([check, , path]) => check === 'measure-form' && path === 'items')).toBe(
      true,
    );
  });

  it('refuses a scored item without an answer key or a difficulty', () => {
    expect(
      build((b) => {
        delete b.items[1].key;
        delete b.items[2].difficulty;
      }),
    ).toEqual([
      ['measure-item', FILE, 'items[1].key'],
      ['measure-item', FILE, 'items[2].difficulty'],
    ]);
  });

  it('refuses a self-efficacy item with a "right" answer', () => {
    expect(build((b) => (b.items[8].key = { type: 'choice', best: ['p5'] }))).toEqual([
      ['measure-item', FILE, 'items[8].key'],
    ]);
  });

  it('refuses a key that names a card or bin the item does not have', () => {
    expect(
      build((b) => {
        b.items[0].key.placement = { a: 'trick', b: 'nowhere' };
        b.items[0].key.signal = 'scam';
      }),
    ).toEqual([
      ['measure-item', FILE, 'items[0].key.placement'],
      ['measure-item', FILE, 'items[0].key.signal'],
    ]);
  });

  it('refuses an item without a construct (the schema)', () => {
    expect(build((b) => delete b.items[0].construct)).toEqual([
      ['schema', FILE, 'items[0].construct'],
    ]);
  });

  it('refuses an interaction that takes typed words (MEAS-10: no free text, no passwords)', () => {
    expect(build((b) => (b.items[0].interaction = { type: 'password', args: {} }))).toEqual([
      ['schema', FILE, 'items[0].interaction.type'],
    ]);
  });

  it('applies the band formats: 5–7 at most three options, 8–10 three and "not sure"', () => {
    // Three more transfer items, so that the forms stay as they were.
    const extra = (id: string, band: string, options: string[], notSure?: string) => ({
      id,
      bands: [band],
      construct: 'skill',
      digcomp: '4.2',
      use: ['transfer'],
      context: 'game-chat',
      difficulty: { p: 0.5, estimate: true },
      prompt: { id: `measure.scams.${id}.prompt`, text: 'What do you do?' },
      interaction: {
        type: 'choice',
        args: {
          options: options.map((o) => ({
            id: o,
            text: { id: `measure.scams.${id}.${o}`, text: o },
          })),
        },
      },
      key: { type: 'choice', best: ['a'] },
      ...(notSure === undefined ? {} : { notSure }),
    });
    expect(
      build((b) => {
        b.items.push(extra('young', '5-7', ['a', 'b', 'c', 'd']));
        b.items.push(extra('middle', '8-10', ['a', 'b', 'c']));
        b.items.push(extra('right', '8-10', ['a', 'b', 'c', 'ns'], 'ns'));
      }),
    ).toEqual([
      ['measure-format', FILE, 'items[9].interaction.args.options'],
      ['measure-format', FILE, 'items[10].notSure'],
    ]);
  });

  it('warns about a 5–7 item whose answers or cards lack pictures, and checks each picture', () => {
    const picture = (id: string, src = 'art/answers/ok.svg') => ({
      src,
      alt: { id: `${id}.media-alt`, text: 'A picture.' },
    });
    /** The bank with a picture on every answer and card of its 5–7 items, then `edit`. */
    const withPictures = (edit: (bank: Json) => void) => (bank: Json) => {
      for (const item of bank.items as Json[]) {
        if (!item.bands.includes('5-7')) continue;
        const args = item.interaction.args as Json;
        for (const x of (args.options ?? args.items) as Json[]) x.media = picture(x.text.id);
      }
      edit(bank);
    };
    const art = { path: 'art/answers/ok.svg', text: null };
    const run = (edit: (bank: Json) => void) => {
      const changed = files.map((f) => {
        if (f.path !== BANK) return f;
        const bank = JSON.parse(f.text!) as Json;
        for (const i of [3, 4, 5]) bank.items[i].difficulty.p = 0.65;
        edit(bank);
        return { path: f.path, text: JSON.stringify(bank) };
      });
      const r = buildCatalogue([...changed, art], { root: DIR });
      const of = (xs: typeof r.errors) => xs.map((e) => [e.check, e.file, e.path]);
      return { errors: of(r.errors), warnings: of(r.warnings) };
    };
    // Without pictures: one warning per 5–7 item (seven sorts and the 5–7 scale).
    const none = run(() => {});
    expect(none.errors).toEqual([]);
    expect(none.warnings).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => [
        'missing-picture',
        FILE,
        `items[${i}].interaction.args.items`,
      ]),
      ['missing-picture', FILE, 'items[7].interaction.args.options'],
    ]);
    expect(run(withPictures(() => {}))).toEqual({ errors: [], warnings: [] });
    // One card without its picture; one picture whose file does not exist.
    expect(
      run(
        withPictures((b) => {
          delete b.items[2].interaction.args.items[1].media;
          b.items[7].interaction.args.options[0].media.src = 'art/answers/nowhere.svg';
        }),
      ),
    ).toEqual({
      errors: [['missing-media', FILE, 'items[7].interaction.args.options[0].media.src']],
      warnings: [['missing-picture', FILE, 'items[2].interaction.args.items']],
    });
  });

  it('refuses a bank of a topic that does not exist', () => {
    expect(build((b) => (b.topic = 'no-such-topic'))).toEqual([['unknown-ref', FILE, 'topic']]);
  });
});
