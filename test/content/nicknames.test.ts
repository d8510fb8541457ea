import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';
import { shippedContent } from '../helpers/content';
import { checkNickname, suggestNicknames } from '../../src/engine';
import { formatIssue } from '../../src/engine/content';

describe('content/nicknames', () => {
  it.each(['en', 'km'])(
    'offers about sixty nicknames in %s, each accepted by checkNickname as written',
    async (lang) => {
      const { catalogue, errors } = await shippedContent({ packs: [] });
      expect(errors.map(formatIssue)).toEqual([]);
      const list = catalogue.nicknames?.get(lang as never) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(50);
      for (const name of list) expect(checkNickname(name)).toEqual({ ok: true, nickname: name });
      expect(new Set(list.map((n) => n.toLowerCase())).size).toBe(list.length);
    },
  );

  it('keeps suggestions away from the nicknames a class already uses', async () => {
    const { catalogue } = await shippedContent({ packs: [] });
    const en = catalogue.nicknames?.get('en' as never) ?? [];
    const taken = en.slice(0, en.length - 3).map((n) => n.toUpperCase());
    expect([...suggestNicknames(en, taken, 10, () => 0.5)].sort()).toEqual(
      [...en.slice(-3)].sort(),
    );
  });

  it('names each refused entry of a broken list, by its index', async () => {
    const dir = 'test/fixtures/content-broken/nickname';
    const { errors, catalogue } = await loadCatalogue(dir);
    expect(errors.map((e) => [e.check, e.path])).toEqual([
      ['nickname', 'nicknames[8]'],
      ['nickname', 'nicknames[9]'],
      ['nickname', 'nicknames[10]'],
      ['nickname', 'nicknames[11]'],
    ]);
    expect(errors[0]?.message).toContain('personal_data');
    expect(catalogue.nicknames?.get('en' as never)).toHaveLength(8);
  });
});
