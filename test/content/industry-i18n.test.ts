import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { contentBundles } from '../../src/content/bundle';
import { newLocaleFile } from '../../src/content/i18n/plan';
import { sourceHash, translationUnits, translatorFor } from '../../src/engine';
import type { Catalogue, ContentId, IndustryFramework, LocaleCode, Text } from '../../src/engine';
import { formatIssue } from '../../src/engine/content';

// IND-25: a company reading Kite in Khmer sees its framework in Khmer. Every text of every
// published framework version has a current Khmer translation (made from the English as it is
// now), kept where the translators' import writes it, and the build's content bundles and the
// server's translator both give it.

const KM = 'km' as LocaleCode;

/** Every `{ id, text }` in a value, wherever it sits: a new kind of text is not missed. */
function textsOf(value: unknown, out: Text[] = []): Text[] {
  if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.id === 'string' && typeof obj.text === 'string') out.push(obj as never);
    for (const v of Object.values(obj)) textsOf(v, out);
  }
  return out;
}

/** The published versions (`industry/published.json`), each as the catalogue holds it. */
function published(catalogue: Catalogue): [string, IndustryFramework][] {
  const keys = Object.keys(
    JSON.parse(readFileSync('content/industry/published.json', 'utf8')) as object,
  );
  return keys.map((key) => [key, catalogue.industry!.get(key)!]);
}

describe('the industry frameworks in Khmer', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const result = await shippedContent();
    expect(result.errors.map(formatIssue)).toEqual([]);
    catalogue = result.catalogue;
  });

  it('every text of every published framework has a current Khmer translation', () => {
    const km = catalogue.locales.get(KM)!;
    const frameworks = published(catalogue);
    expect(frameworks.length).toBeGreaterThan(0);
    for (const [key, framework] of frameworks) {
      expect(framework, key).toBeDefined();
      const texts = textsOf(framework);
      // The walk finds the title, the sections and three texts per question.
      expect(texts.length, key).toBe(
        1 + framework.sections.length + 3 * framework.questions.length,
      );
      const missing = texts.filter((t) => km.get(t.id) === undefined).map((t) => t.id);
      expect(missing, `${key}: no Khmer`).toEqual([]);
      const stale = texts
        .filter((t) => km.get(t.id)!.sourceHash !== sourceHash(t.text))
        .map((t) => t.id);
      expect(stale, `${key}: Khmer made from an older English`).toEqual([]);
      const untranslated = texts.filter((t) => km.get(t.id)!.text.trim() === '').map((t) => t.id);
      expect(untranslated, `${key}: empty Khmer`).toEqual([]);
    }
  });

  it('the Khmer is Khmer script, and the translator gives it (English only where stale)', () => {
    const t = translatorFor(catalogue, KM);
    for (const [, framework] of published(catalogue))
      for (const text of textsOf(framework)) {
        expect(t(text), text.id).toMatch(/[\u1780-\u17FF]/);
        expect(t({ ...text, text: `${text.text} (edited)` }), text.id).toBe(
          `${text.text} (edited)`,
        );
      }
  });

  it("is kept in the file a translator's PO import writes to, one file per framework version", () => {
    for (const [, framework] of published(catalogue)) {
      const file = `locales/km/industry-${framework.id}-v${framework.version}.json`;
      const stored = JSON.parse(readFileSync(`content/${file}`, 'utf8')) as {
        strings: Record<string, unknown>;
      };
      for (const text of textsOf(framework)) {
        expect(newLocaleFile(catalogue, text.id, 'km'), text.id).toBe(file);
        expect(stored.strings[text.id], text.id).toBeDefined();
      }
    }
  });

  it('the PO export tells the translator which framework, section or question a text is', () => {
    const units = translationUnits(catalogue, KM, 'content').filter((u) =>
      u.context.startsWith('industry.kite-cop-industry.v1.'),
    );
    const where = (id: string) => units.find((u) => u.context === id)!.where;
    expect(where('industry.kite-cop-industry.v1.takedown.guidance')).toEqual([
      'industry framework kite-cop-industry v1 (adults read it: companies and coordinators)',
      'question takedown',
    ]);
    expect(where('industry.kite-cop-industry.v1.section.csam')).toContain('section csam');
    expect(units.every((u) => u.translation !== undefined && !u.stale)).toBe(true);
  });

  it('the content bundles carry each framework version in each language, translated', () => {
    // Only the frameworks: the rest of the content is not what this test is about.
    const only: Catalogue = {
      ...catalogue,
      activities: new Map(),
      guides: new Map(),
      challenges: new Map(),
      courses: new Map(),
      countries: new Map(),
    };
    const files = contentBundles(only, 'v');
    const bundled = (lang: string, f: IndustryFramework) => {
      const file = files.find((x) => x.path === `${lang}/industry/${f.id}/v${f.version}.json`);
      expect(file && 'json' in file, `${lang} ${f.id} v${f.version}`).toBe(true);
      return (file as { json: IndustryFramework }).json;
    };
    const km = catalogue.locales.get(KM)!;
    for (const [, framework] of published(catalogue)) {
      const inKm = bundled('km', framework);
      const inEn = bundled('en', framework);
      const pairs = textsOf(framework).map((t, i) => [t, textsOf(inKm)[i]!, textsOf(inEn)[i]!]);
      for (const [source, khmer, english] of pairs) {
        expect(khmer!.id).toBe(source!.id);
        expect(khmer!.text).toBe(km.get(source!.id as ContentId)!.text);
        expect(english!.text).toBe(source!.text);
      }
      // Everything but the texts is the same: ids, weights, resources.
      expect([inKm.id, inKm.version]).toEqual([framework.id, framework.version]);
      expect(inKm.questions.map((q) => [q.id, q.weight, q.recommendation.resources])).toEqual(
        framework.questions.map((q) => [q.id, q.weight, q.recommendation.resources]),
      );
    }
  });
});
