import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { shippedContent } from '../helpers/content';
import { contentBundles } from '../../src/content/bundle';
import { BANDS, MEASURE_USES, measureForm, sourceHash } from '../../src/engine';
import type { Catalogue, ContentId, MeasureBank, Translation } from '../../src/engine';
import { collectTexts } from '../../src/engine/content';

interface MeasureFile {
  readonly band: string;
  readonly banks: readonly MeasureBank[];
}

// What a device with an account reads for its quick checks: measurement/<band>.json per
// language, the band's items only, and a bank only in a language it is fully translated into.
describe('the measurement bundles of a band (NATION-3)', async () => {
  const { catalogue, errors } = await shippedContent();
  const file = (c: Catalogue, path: string) => {
    const f = contentBundles(c, 'v').find((x) => x.path === path);
    if (!f || !('json' in f)) throw new Error(`no ${path}`);
    return f.json as MeasureFile;
  };

  it('loads the content without errors', () => expect(errors).toEqual([]));

  for (const band of BANDS)
    it(`holds every topic's bank with its ${band} items only, each form whole, a few KB`, () => {
      const json = file(catalogue, `en/measurement/${band}.json`);
      expect(json.band).toBe(band);
      expect(json.banks.map((b) => b.topic).sort()).toEqual([...catalogue.topics.keys()].sort());
      for (const bank of json.banks) {
        const full = catalogue.measurement!.get(bank.id)!;
        expect(bank.version).toBe(full.version);
        expect(bank.items.every((i) => i.bands.includes(band))).toBe(true);
        // The same items of each form, whole; only a picture's address is the served one.
        const served = (items: readonly unknown[]) =>
          JSON.parse(
            JSON.stringify(items).replace(
              /"src":"\/content\/(art|packs\/[^/]+\/media)\//g,
              '"src":"$1/',
            ),
          ) as unknown;
        for (const use of MEASURE_USES)
          expect(served(measureForm(bank, band, use))).toEqual(
            served(measureForm(full, band, use)),
          );
      }
      const gz = gzipSync(JSON.stringify(json)).length;
      expect(gz).toBeLessThan(16 * 1024);
    });

  it('leaves a bank out of a language until its band items are all translated', () => {
    // The shipped Khmer has every bank; without its item translations, none is offered.
    const km = new Map(
      [...catalogue.locales.get('km' as never)!].filter(([id]) => !id.startsWith('measure.')),
    );
    const untranslated = {
      ...catalogue,
      locales: new Map(catalogue.locales).set('km' as never, km),
    };
    expect(file(catalogue, 'km/measurement/8-10.json').banks).toHaveLength(9);
    expect(file(untranslated, 'km/measurement/8-10.json').banks).toEqual([]);
    // Every 8-10 text of the scams bank translated (current): that bank, in Khmer, only.
    const bank = catalogue.measurement!.get('scams')!;
    const items = bank.items.filter((i) => i.bands.includes('8-10'));
    for (const t of collectTexts(items))
      km.set(t.id as ContentId, {
        text: `ខ្មែរ ${t.text}`,
        sourceHash: sourceHash(t.text),
        status: 'machine',
      } satisfies Translation);
    const locales = new Map(catalogue.locales);
    locales.set('km' as never, km);
    const translated = { ...catalogue, locales };
    const banks = file(translated, 'km/measurement/8-10.json').banks;
    expect(banks.map((b) => b.id)).toEqual(['scams']);
    expect(banks[0]!.items[0]!.prompt.text).toBe(`ខ្មែរ ${items[0]!.prompt.text}`);
    // One stale translation (made from older English) and the bank is left out again.
    const first = collectTexts(items)[0]!;
    km.set(first.id as ContentId, { ...km.get(first.id as ContentId)!, sourceHash: 'older' });
    expect(file(translated, 'km/measurement/8-10.json').banks).toEqual([]);
    // Other bands are not offered it.
    expect(file(translated, 'km/measurement/5-7.json').banks).toEqual([]);
  });
});
