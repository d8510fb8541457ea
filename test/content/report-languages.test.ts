import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';
import { exportPo, importPo } from '../../src/content/i18n';
import { contentReport } from '../../src/content/report';

// content:report's languages on test/fixtures/i18n: one 8-10 activity (39 texts with the pack,
// topic and country texts; km: one machine, one draft, one reviewed and one stale), the child
// UI (root 3 keys + feedback 1; km: 1 reviewed) and the adults' UI (classes 2; km: 1 machine).

const FIXTURE = 'test/fixtures/i18n';
const work = mkdtempSync(join(tmpdir(), 'kite-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('content:report languages', () => {
  it('counts UI and content completeness, stale and statuses, per band and per activity', async () => {
    const { catalogue, warnings } = await loadCatalogue(FIXTURE);
    const report = contentReport(catalogue, warnings);
    expect(report.languages.map((l) => l.lang)).toEqual(['en', 'km']);
    const [en, km] = report.languages;
    expect(en?.offeredBands).toEqual(['5-7', '8-10', '11-13', '14-16']);
    expect(en?.content.ratio).toBe(1);
    expect(km?.childUi).toMatchObject({ total: 4, current: 1, stale: 0, missing: 3 });
    expect(km?.childUi.status).toEqual({ machine: 0, draft: 0, reviewed: 1 });
    expect(km?.adultUi).toMatchObject({ total: 2, current: 1, ratio: 0.5 });
    expect(km?.adultUi.status).toEqual({ machine: 1, draft: 0, reviewed: 0 });
    expect(km?.content).toMatchObject({ total: catalogue.texts.size, current: 3, stale: 1 });
    expect(km?.content.status).toEqual({ machine: 1, draft: 1, reviewed: 1 });
    expect(km?.bands['8-10']).toMatchObject({ current: 3, stale: 1 });
    expect(km?.bands['5-7'].current).toBe(0);
    expect(km?.offeredBands).toEqual([]);
    const quizTexts = [...catalogue.texts.keys()].filter((id) => id.startsWith('quiz.')).length;
    expect(report.activities[0]?.locales).toEqual({
      en: 1,
      km: Math.floor((3 / quizTexts) * 100) / 100,
    });
    expect(report.warnings['translation-stale']).toBe(1);
  });

  it('offers a band once the child UI and its content reach the threshold', async () => {
    const dir = join(work, 'full');
    cpSync(FIXTURE, dir, { recursive: true });
    // Every untranslated entry gets a "translation" that repeats the English (so it keeps every
    // placeholder); with no flag it comes in as reviewed.
    const po = (await exportPo(dir, 'km', 'all'))
      .split('\n\n')
      .map((e, i) => {
        if (i === 0) return e;
        const msgid = /\nmsgid ((?:"(?:[^"\\]|\\.)*"\n?)+)/.exec(e)?.[1]?.trimEnd() ?? '""';
        return e.replace(/\nmsgstr ""$/, `\nmsgstr ${msgid}`);
      })
      .join('\n\n');
    const result = await importPo(dir, 'km', po);
    expect(result.ok).toBe(true);
    const { catalogue, warnings } = await loadCatalogue(dir);
    const km = contentReport(catalogue, warnings).languages[1];
    expect(km?.childUi.ratio).toBe(1);
    expect(km?.content.stale).toBe(1); // the stale one came back untouched
    expect(km?.bands['8-10'].ratio).toBeGreaterThanOrEqual(0.95);
    expect(km?.content.status.reviewed).toBe(km!.content.current - 2); // + 1 machine, 1 draft
    expect(km?.offeredBands).toEqual(['8-10']); // the only band with an activity
    expect(contentReport(catalogue, warnings, 1).languages[1]?.offeredBands).toEqual([]);
  });

  it('prints each language in the text report', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/content-report.ts', '--dir', FIXTURE],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toContain("  km: child UI 25% (1/4), adults' UI 50% (1/2)\n");
    expect(out).toMatch(/ {6}1 stale; current translations: 2 machine, 1 draft, 2 reviewed\n/);
    expect(out).toContain('      offered for: no band yet\n');
  });
});
