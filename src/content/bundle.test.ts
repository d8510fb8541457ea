import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { contentBundles } from './bundle';
import type { Activity, Catalogue } from '../engine';

/** The activity bundle file of `lang` for the fixture's one activity. */
function bundledTitle(catalogue: Catalogue, lang: string): string {
  const file = contentBundles(catalogue, 'v').find(
    (f) => f.path.startsWith(`${lang}/activities/`) && 'json' in f,
  );
  if (!file || !('json' in file)) throw new Error('no activity bundle');
  return (file.json as Activity).title.text;
}

describe('content bundles', async () => {
  const { catalogue, errors } = await loadCatalogue('test/fixtures/khmer');
  const activity = [...catalogue.activities.values()][0]!;
  const km = catalogue.locales.get('km' as never)!;

  it('writes each language with its translations', () => {
    expect(errors).toEqual([]);
    expect(bundledTitle(catalogue, 'en')).toBe(activity.title.text);
    expect(bundledTitle(catalogue, 'km')).toBe(km.get(activity.title.id)!.text);
  });

  it('falls back to the English for a stale translation, like the engine', () => {
    const stale = new Map(km);
    const t = stale.get(activity.title.id)!;
    stale.set(activity.title.id, { ...t, sourceHash: 'made-from-older-english' });
    const locales = new Map(catalogue.locales);
    locales.set('km' as never, stale);
    expect(bundledTitle({ ...catalogue, locales }, 'km')).toBe(activity.title.text);
  });
});
