import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { loadContentDir } from '../../src/content/load-dir';
import { newLocaleFile } from '../../src/content/i18n/plan';
import {
  bandTextIds,
  itemTexts,
  localizedBank,
  sourceHash,
  translationUnits,
} from '../../src/engine';
import type { Catalogue, LocaleCode, MeasureBank, MeasureItem } from '../../src/engine';
import { buildCatalogue, formatIssue } from '../../src/engine/content';
import type { ContentFile } from '../../src/engine/content';

// The quick-check item banks are translated like activities: every text is a translation unit
// keyed by its content id, the Khmer is kept in locales/km/measurement-<topic>.json, and a child
// reading Khmer meets each item in Khmer, or in English where the translation is missing or was
// made from an older English.

const KM = 'km' as LocaleCode;
const KHMER = /[\u1780-\u17FF]/;

const banks = (catalogue: Catalogue): MeasureBank[] => [...(catalogue.measurement?.values() ?? [])];
const prompt = (bank: MeasureBank | null, id: string): string | undefined =>
  bank?.items.find((i) => i.id === id)?.prompt.text;
const pictures = (item: MeasureItem) => {
  const a = item.interaction.args;
  return ('options' in a ? a.options : a.items).map((x) => x.media);
};

describe('the item banks in Khmer', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const result = await shippedContent({ packs: ['core'] });
    expect(result.errors.map(formatIssue)).toEqual([]);
    catalogue = result.catalogue;
  });

  it('every text of every item has a current Khmer translation', () => {
    const km = catalogue.locales.get(KM)!;
    expect(banks(catalogue)).toHaveLength(9);
    for (const bank of banks(catalogue)) {
      const texts = bank.items.flatMap(itemTexts);
      // Prompts, answers, bins, cards, and the 5–7 pictures' alt texts.
      expect(texts.length, bank.id).toBeGreaterThan(100);
      const missing = texts.filter((t) => km.get(t.id) === undefined).map((t) => t.id);
      expect(missing, `${bank.id}: no Khmer`).toEqual([]);
      const stale = texts
        .filter((t) => km.get(t.id)!.sourceHash !== sourceHash(t.text))
        .map((t) => t.id);
      expect(stale, `${bank.id}: Khmer made from an older English`).toEqual([]);
      for (const t of texts) {
        const khmer = km.get(t.id)!;
        expect(khmer.status, t.id).toBe('machine');
        // Khmer script, except a password example typed as it is ("1234", "qwerty").
        if (!KHMER.test(khmer.text)) expect([t.id, khmer.text]).toEqual([t.id, t.text]);
      }
    }
  });

  it("is kept in the file a translator's PO import writes to, one file per bank", () => {
    for (const bank of banks(catalogue)) {
      const file = `locales/km/measurement-${bank.id}.json`;
      const stored = JSON.parse(readFileSync(`content/${file}`, 'utf8')) as {
        strings: Record<string, unknown>;
      };
      const texts = bank.items.flatMap(itemTexts);
      for (const text of texts) expect(newLocaleFile(catalogue, text.id, 'km'), text.id).toBe(file);
      expect(Object.keys(stored.strings).sort()).toEqual(
        [...new Set(texts.map((t) => t.id))].sort(),
      );
    }
  });

  it('gives a child reading Khmer the band’s items in Khmer, with the same ids, keys and pictures', () => {
    const bank = catalogue.measurement!.get('scams')!;
    const km = localizedBank(catalogue, 'scams', KM, '5-7')!;
    expect(km.items.map((i) => i.id)).toEqual(
      bank.items.filter((i) => i.bands.includes('5-7')).map((i) => i.id),
    );
    for (const item of km.items) {
      const source = bank.items.find((i) => i.id === item.id)!;
      const [khmer, english] = [itemTexts(item), itemTexts(source)];
      expect(khmer.map((t) => t.id)).toEqual(english.map((t) => t.id));
      for (const t of khmer) expect(t.text, t.id).toMatch(KHMER);
      expect(item.key).toEqual(source.key);
      expect(pictures(item).map((m) => m?.src)).toEqual(pictures(source).map((m) => m?.src));
    }
    // A pictured answer's alt text is translated with it.
    const first = km.items[1]!.interaction;
    expect(first.type === 'choice' && first.args.options[0]!.media!.alt.text).toMatch(KHMER);
    // English is the source: asked in English, the bank is as written.
    expect(localizedBank(catalogue, 'scams', 'en' as LocaleCode)).toEqual(bank);
    expect(localizedBank(catalogue, 'no-such-topic', KM)).toBeNull();
  });

  it('tells the translator which bank, item, bands and check a text belongs to', () => {
    const units = translationUnits(catalogue, KM, 'content').filter((u) =>
      u.context.startsWith('measure.scams.'),
    );
    const where = (id: string) => units.find((u) => u.context === id)!.where;
    expect(where('measure.scams.y-pre-2.a.media-alt')).toEqual([
      'measurement item bank scams (children read it: a quick check)',
      'item y-pre-2',
      'bands 5-7',
      'asked pre',
      'read aloud to children of 5–7',
    ]);
    expect(where('measure.scams.o-confidence.prompt')).toEqual([
      'measurement item bank scams (children read it: a quick check)',
      'item o-confidence',
      'bands 11-13 14-16',
      'asked pre post',
    ]);
    expect(units.every((u) => u.file === 'packs/core/measurement/scams.json')).toBe(true);
    expect(units.every((u) => u.translation !== undefined && !u.stale)).toBe(true);
  });

  it("counts a band's items in what a language needs before that band is offered it", () => {
    const ids = new Set(bandTextIds(catalogue, '5-7'));
    expect(ids.has('measure.scams.y-pre-1.prompt' as never)).toBe(true);
    expect(ids.has('measure.scams.y-pre-1.card-1.media-alt' as never)).toBe(true);
    // An item of other bands is not the 5–7 child's.
    expect(ids.has('measure.scams.o-confidence.prompt' as never)).toBe(false);
  });
});

describe('a changed or missing Khmer item text shows in English', () => {
  const BANK = 'packs/core/measurement/scams.json';
  const LOCALE = 'locales/km/measurement-scams.json';
  let files: ContentFile[];
  beforeAll(async () => {
    files = await loadContentDir('content', { packs: ['core'] });
  });

  /** The shipped content with the scams bank and its Khmer file changed. */
  const build = (
    editBank: (bank: MeasureBank) => void,
    editKhmer: (strings: Record<string, unknown>) => void = () => {},
  ) =>
    buildCatalogue(
      files.map((f) => {
        if (f.path === BANK) {
          const bank = JSON.parse(f.text!) as MeasureBank;
          editBank(bank);
          return { path: f.path, text: JSON.stringify(bank) };
        }
        if (f.path === LOCALE) {
          const data = JSON.parse(f.text!) as { strings: Record<string, unknown> };
          editKhmer(data.strings);
          return { path: f.path, text: JSON.stringify(data) };
        }
        return f;
      }),
      { root: 'content' },
    );
  const set = (bank: MeasureBank, id: string, text: string) =>
    ((bank.items.find((i) => i.id === id)!.prompt as { text: string }).text = text);

  it('falls back to English for a stale translation, and the check warns with file and path', () => {
    const EDITED = 'A pop-up says: You won! Tap now! What is it?';
    const { catalogue, errors, warnings } = build((b) => set(b, 'y-pre-2', EDITED));
    expect(errors.map(formatIssue)).toEqual([]);
    expect(warnings.map(formatIssue)).toEqual([
      `content/${LOCALE}: strings.measure.scams.y-pre-2.prompt.sourceHash: the English source changed since this translation`,
    ]);
    const km = localizedBank(catalogue, 'scams', KM, '5-7')!;
    expect(prompt(km, 'y-pre-2')).toBe(EDITED);
    // The item's answers did not change, so they stay in Khmer.
    const answers = km.items.find((i) => i.id === 'y-pre-2')!.interaction;
    expect(answers.type === 'choice' && answers.args.options[0]!.text.text).toMatch(KHMER);
    expect(prompt(km, 'y-pre-3')).toMatch(KHMER);
  });

  it('falls back to English for a missing translation', () => {
    const { catalogue, errors } = build(
      () => {},
      (strings) => delete strings['measure.scams.y-pre-3.prompt'],
    );
    expect(errors).toEqual([]);
    const km = localizedBank(catalogue, 'scams', KM)!;
    expect(prompt(km, 'y-pre-3')).toBe('A game asks for money to buy gold. What do you do?');
    expect(prompt(km, 'y-pre-2')).toMatch(KHMER);
  });

  it('refuses a Khmer entry for an item text that does not exist, naming file and path', () => {
    const { errors } = build(
      () => {},
      (strings) =>
        (strings['measure.scams.y-pre-9.prompt'] = {
          text: 'សួស្ដី',
          sourceHash: '00000000',
          status: 'machine',
        }),
    );
    expect(errors.map(formatIssue)).toEqual([
      `content/${LOCALE}: strings.measure.scams.y-pre-9.prompt: content id "measure.scams.y-pre-9.prompt" does not exist in the English source`,
    ]);
  });
});
