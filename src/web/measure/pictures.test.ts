import { describe, expect, it } from 'vitest';
import { contentBundles } from '../../content/bundle';
import { shippedContent } from '../../../test/helpers/content';
import type { MeasureBundle } from '../content/types';
import { bankPictures } from './pictures';

describe('bankPictures', () => {
  it('lists every picture of the 5–7 items once, as the bundle names them, and none for 8–10', async () => {
    const { catalogue } = await shippedContent();
    const bundle = (band: string) =>
      contentBundles(catalogue, 'test').find((f) => f.path === `en/measurement/${band}.json`) as {
        json: MeasureBundle;
      };
    const young = bankPictures(bundle('5-7').json);
    expect(young.length).toBeGreaterThan(20);
    expect(new Set(young).size).toBe(young.length);
    for (const url of young) expect(url).toMatch(/^\/content\/[\w/.-]+\.svg$/);
    expect(bankPictures(bundle('8-10').json)).toEqual([]);
  });
});
