import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { shippedContent } from '../helpers/content';
import { BANDS, isScored, meanDifficulty, measureForm, MEASURE_USES } from '../../src/engine';
import type { Catalogue, MeasureBank } from '../../src/engine';
import { buildCatalogue, formatIssue } from '../../src/engine/content';
import { readabilityIssues } from '../../src/content/catalogue';
import { loadContentDir } from '../../src/content/load-dir';

describe('the outcome-measurement item banks (NATION-3)', () => {
  let catalogue: Catalogue;
  let banks: MeasureBank[];
  beforeAll(async () => {
    const result = await shippedContent({ packs: ['core'] });
    expect(result.errors.map(formatIssue)).toEqual([]);
    catalogue = result.catalogue;
    banks = [...(catalogue.measurement?.values() ?? [])];
  });

  it('has one bank per topic, and per band a pre, a post and a transfer form', () => {
    expect(banks.map((b) => b.topic).sort()).toEqual([...catalogue.topics.keys()].sort());
    for (const bank of banks)
      for (const band of BANDS) {
        const [pre, post, transfer] = MEASURE_USES.map((use) => measureForm(bank, band, use));
        const where = `${bank.topic} ${band}`;
        for (const form of [pre!, post!]) {
          const scored = form.filter((i) => isScored(i.construct)).length;
          expect(scored, where).toBeGreaterThanOrEqual(3);
          expect(scored, where).toBeLessThanOrEqual(5);
          expect(
            form.filter((i) => i.construct === 'self-efficacy'),
            where,
          ).toHaveLength(1);
        }
        expect(transfer!.filter((i) => isScored(i.construct)).length, where).toBeGreaterThan(0);
        // MEAS-02: no scored item in two forms, and difficulties matched within 0.10.
        const preIds = new Set(pre!.filter((i) => isScored(i.construct)).map((i) => i.id));
        expect(
          post!.filter((i) => preIds.has(i.id)),
          where,
        ).toEqual([]);
        expect(Math.abs(meanDifficulty(pre!)! - meanDifficulty(post!)!), where).toBeLessThanOrEqual(
          0.1 + 1e-9,
        );
      }
  });

  it('marks every difficulty an estimate until pilot data exist', () => {
    for (const bank of banks)
      for (const item of bank.items)
        if (isScored(item.construct))
          expect(item.difficulty?.estimate, `${bank.topic} ${item.id}`).toBe(true);
  });

  it('asks nothing twice in the same words across pre and post', () => {
    for (const bank of banks)
      for (const band of BANDS) {
        const scoredPrompts = (use: 'pre' | 'post') =>
          measureForm(bank, band, use)
            .filter((i) => isScored(i.construct))
            .map((i) => i.prompt.text);
        const pre = new Set(scoredPrompts('pre'));
        expect(
          scoredPrompts('post').filter((p) => pre.has(p)),
          `${bank.topic} ${band}`,
        ).toEqual([]);
      }
  });

  it('keeps 5–7 prompts short enough to read aloud (at most 20 words)', () => {
    for (const bank of banks)
      for (const item of bank.items.filter((i) => i.bands.includes('5-7')))
        expect(item.prompt.text.split(/\s+/).length, item.prompt.text).toBeLessThanOrEqual(20);
  });

  it('refuses a form too hard to read for its band (readability)', async () => {
    const files = await loadContentDir('content', { packs: ['core'] });
    const BANK = 'packs/core/measurement/scams.json';
    const changed = files.map((f) => {
      if (f.path !== BANK) return f;
      const bank = JSON.parse(f.text!) as { items: { id: string; prompt: { text: string } }[] };
      bank.items.find((i) => i.id === 'y-post-2')!.prompt.text =
        'Unfortunately, sophisticated manipulation techniques circumvent conventional expectations regarding authenticity verification.';
      return { path: f.path, text: JSON.stringify(bank) };
    });
    const result = buildCatalogue(changed, { root: 'content' });
    expect(result.errors).toEqual([]);
    expect(
      readabilityIssues(result)
        .filter((i) => i.file.endsWith(BANK))
        .map((i) => [i.check, i.path, i.message.slice(0, 19)]),
    ).toEqual([['readability', 'items', "the 5-7 post form's"]]);
    expect(
      readabilityIssues(await shippedContent({ packs: ['core'] })).filter((i) =>
        i.file.includes('/measurement/'),
      ),
    ).toEqual([]);
  });

  it('content:report --json lists every form, whole even through a pipe', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/content-report.ts', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(out) as {
      measurement: { topic: string; band: string; use: string; estimate: boolean }[];
    };
    expect(report.measurement).toHaveLength(catalogue.topics.size * BANDS.length * 3);
    expect(report.measurement.every((f) => f.estimate)).toBe(true);
    expect(report.measurement[0]).toMatchObject({ band: '5-7', use: 'pre' });
  });
});
