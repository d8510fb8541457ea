import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';

// A deployment that serves some packs (KITE_PACKS) still has every pack's translations under
// locales/: those of packs it does not serve are left out, not reported as translations of
// nothing; a translation of an id that no pack has is still an error.
describe('translations and the packs a deployment serves', () => {
  it('leaves out the translations of a pack it does not serve, and keeps those of the rest', async () => {
    const all = await loadCatalogue('test/fixtures/khmer');
    expect(all.errors).toEqual([]);
    const km = all.catalogue.locales.get('km' as never);
    expect(km?.size ?? 0).toBeGreaterThan(0);
    const none = await loadCatalogue('test/fixtures/khmer', { packs: [] });
    expect(none.errors).toEqual([]);
    expect(none.catalogue.activities.size).toBe(0);
    expect(none.catalogue.locales.get('km' as never)?.size ?? 0).toBe(0);
  });

  it('still reports a translation of an id that exists in no pack', async () => {
    const { errors } = await loadCatalogue('test/fixtures/content-broken/translation-unknown-id', {
      packs: [],
    });
    expect(errors.map((e) => e.check)).toContain('translation-unknown-id');
  });
});
