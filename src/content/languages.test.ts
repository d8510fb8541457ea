import { beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '../engine';
import { CHILD_UI_AREAS, uiLanguages, uiTable } from '../engine';
import type { Activity, Catalogue, TextTable, UiStrings } from '../engine';
import { contentBundles } from './bundle';
import { loadCatalogue } from './catalogue';
import { languageOffers, ownName, parseThreshold, reviewedIn } from './languages';
import type { LanguageOffer } from './languages';

/**
 * test/fixtures/khmer (one 8–10 activity, most of it translated into Khmer), with every text
 * translated (a made-up "ខ្មែរ …" text) at `status`.
 */
function allTranslated(c: Catalogue, status: 'machine' | 'reviewed'): Catalogue {
  const table = new Map(
    [...c.texts].map(([id, en]) => [
      id,
      { text: `ខ្មែរ ${en}`, sourceHash: sourceHash(en), status },
    ]),
  );
  return { ...c, locales: new Map([['km' as never, table]]) } as Catalogue;
}

let fixture: Catalogue;
let khmer: Catalogue;
beforeAll(async () => {
  fixture = (await loadCatalogue('test/fixtures/khmer')).catalogue;
  khmer = allTranslated(fixture, 'machine');
});

const english = { root: { 'a.one': 'One', 'a.two': 'Two {n}' }, feedback: { 'f.x': 'Like it?' } };

/** Khmer UI translations of the English above (status machine), made from `[english, khmer]`. */
type KmUi = Partial<Record<keyof typeof english, Record<string, [string, string]>>>;

/** `c` with the UI above, translated into Khmer as `km` says (as the checker loads ui/). */
function withUi(c: Catalogue, km: KmUi): Catalogue {
  const ui = new Map<string, UiStrings>();
  for (const [area, texts] of Object.entries(english)) {
    const made = Object.entries(km[area as keyof KmUi] ?? {}).map(
      ([k, [en, text]]) => [k, { text, sourceHash: sourceHash(en), status: 'machine' }] as const,
    );
    ui.set(area, {
      english: new Map(Object.entries(texts)),
      locales: new Map([['km' as never, new Map(made)]]),
    });
  }
  return { ...c, ui } as Catalogue;
}

const fullUi: KmUi = {
  root: { 'a.one': ['One', 'មួយ'], 'a.two': ['Two {n}', 'ពីរ {n}'] },
  feedback: { 'f.x': ['Like it?', 'ចូលចិត្តទេ?'] },
};

/** The child's UI of `c` in a language, as the build reads it. */
const childUi = (c: Catalogue) => (lang: string) => uiTable(c, lang, CHILD_UI_AREAS);

const offer = (offers: LanguageOffer[], code: string) => offers.find((o) => o.code === code)!;

describe('the child UI of a language as one table', () => {
  it('joins the child areas, prefixed, with their translations', () => {
    const c = withUi(khmer, fullUi);
    const table = uiTable(c, 'km', CHILD_UI_AREAS);
    expect([...table.english.keys()]).toEqual(['root:a.one', 'root:a.two', 'feedback:f.x']);
    expect(table.translated?.get('feedback:f.x')?.text).toBe('ចូលចិត្តទេ?');
    expect(uiTable(c, 'en', CHILD_UI_AREAS).translated).toBeUndefined();
    expect(uiLanguages(c)).toEqual(['km']);
  });
});

describe('which bands a language is offered for (I18N-1, I18N-3)', () => {
  it('offers Khmer for the band whose content and child UI are translated, not others', () => {
    const offers = languageOffers(khmer, ['en', 'km'], childUi(withUi(khmer, fullUi)));
    expect(offer(offers, 'en').bands).toEqual(['5-7', '8-10', '11-13', '14-16']);
    expect(offer(offers, 'km')).toMatchObject({ name: 'ខ្មែរ', bands: ['8-10'] });
    expect(offer(offers, 'km').status.machine).toBeGreaterThan(0);
    expect(offer(offers, 'km').status.reviewed).toBe(0);
  });

  it('offers it for no band while the band’s content is below the threshold', () => {
    // The fixture as it is leaves 8 of the band's 39 texts in English (79 %).
    const offers = languageOffers(fixture, ['km'], childUi(withUi(fixture, fullUi)));
    expect(offer(offers, 'km').bands).toEqual([]);
  });

  it('offers it for no band while the child UI is below the threshold (a stale message counts as missing)', () => {
    const staleUi: KmUi = {
      root: { 'a.one': ['One', 'មួយ'], 'a.two': ['Two', 'ពីរ {n}'] },
      feedback: fullUi.feedback!,
    };
    const ui: (l: string) => TextTable = childUi(withUi(khmer, staleUi));
    expect(offer(languageOffers(khmer, ['km'], ui), 'km').bands).toEqual([]);
    // At a threshold the deployment lowered (KITE_LANGUAGE_THRESHOLD=0.6), 2 of 3 is enough.
    expect(offer(languageOffers(khmer, ['km'], ui, 0.6), 'km').bands).toEqual(['8-10']);
  });

  it('names each language in itself', () => {
    expect(ownName('km')).toBe('ខ្មែរ');
    expect(ownName('en')).toBe('English');
    expect(ownName('th')).toBe('ไทย');
  });

  it('validates KITE_LANGUAGE_THRESHOLD', () => {
    expect(parseThreshold(undefined)).toBe(0.95);
    expect(parseThreshold('0.8')).toBe(0.8);
    expect(parseThreshold('1')).toBe(1);
    for (const bad of ['0', '1.5', 'abc', '-0.5', '95%'])
      expect(() => parseThreshold(bad)).toThrow(/KITE_LANGUAGE_THRESHOLD/);
  });
});

describe('a sensitive activity in the bundles', () => {
  /** The fixture's activity, made sensitive; its Khmer reviewed when `reviewed`. */
  function sensitive(reviewed: boolean): Catalogue {
    const c = allTranslated(fixture, reviewed ? 'reviewed' : 'machine');
    const a = c.activities.get('km-strong-password' as never)!;
    const made = { ...a, sensitive: { minBand: '8-10' } } as unknown as Activity;
    return { ...c, activities: new Map([[a.id, made]]) } as Catalogue;
  }

  it('carries the languages it is reviewed in, everywhere the app reads it', () => {
    expect(reviewedIn(sensitive(false), 'km-strong-password', ['en', 'km'])).toEqual([]);
    expect(reviewedIn(sensitive(true), 'km-strong-password', ['en', 'km'])).toEqual(['km']);
    const files = contentBundles(sensitive(true), 'v1');
    const json = (path: string) => files.find((f) => f.path === path) as unknown as { json: never };
    const index = json('km/index.json').json as {
      activities: { reviewedIn?: string[] }[];
      languages: LanguageOffer[];
    };
    expect(index.activities[0]!.reviewedIn).toEqual(['km']);
    expect(index.languages.map((l) => l.code)).toEqual(['en', 'km']);
    expect(json('km/home/8-10.json').json).toMatchObject({
      activities: [{ sensitive: { minBand: '8-10', reviewedIn: ['km'] } }],
    });
    expect(json('km/activities/km-strong-password.json').json).toMatchObject({
      sensitive: { reviewedIn: ['km'] },
    });
    // No UI translations given: Khmer is listed, offered for no band.
    expect(
      (json('languages.json').json as { languages: LanguageOffer[] }).languages[1],
    ).toMatchObject({
      code: 'km',
      bands: [],
    });
  });
});
