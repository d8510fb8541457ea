import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';
import { formatIssue } from '../../src/engine/content';

// content:check reads the app's UI translations (content/ui/<area>/<lang>.json) like the
// content locale files: the broken fixtures of the translation checks carry a UI file each.
const ROOT = 'test/fixtures/content-broken';
const lines = async (check: string) => {
  const { errors, warnings } = await loadCatalogue(`${ROOT}/${check}`);
  return [...errors, ...warnings].map(formatIssue).filter((l) => l.includes('/ui/'));
};

describe('UI translation files in content:check', () => {
  it('names the file and the path of a broken ICU message (English or translation)', async () => {
    expect(await lines('ui-icu')).toEqual([
      `${ROOT}/ui-icu/ui/en.json: app.broken: a "{" is never closed`,
      `${ROOT}/ui-icu/ui/classes/km.json: strings.report.title.text: a "{" is never closed`,
      `${ROOT}/ui-icu/ui/classes/km.json: strings.report.count.text: "{count, plural, …}" has no "other" case (every plural and select needs one)`,
    ]);
  });

  it('reports an unknown key, other ICU arguments and a stale translation', async () => {
    expect(await lines('translation-unknown-id')).toEqual([
      `${ROOT}/translation-unknown-id/ui/km.json: strings.app.nam: UI key "app.nam" does not exist in the English file`,
    ]);
    expect(await lines('translation-placeholders')).toEqual([
      `${ROOT}/translation-placeholders/ui/classes/km.json: strings.report.title.text: ICU arguments differ from the English: expected [name], found [nom]`,
    ]);
    expect(await lines('translation-stale')).toEqual([
      `${ROOT}/translation-stale/ui/feedback/km.json: strings.feedback.q.sourceHash: the English source changed since this translation`,
    ]);
  });

  it('keeps the UI strings per area in the catalogue', async () => {
    const { catalogue } = await loadCatalogue(`${ROOT}/translation-stale`);
    const feedback = catalogue.ui?.get('feedback');
    expect(feedback?.english.get('feedback.q')).toBe('How was it?');
    expect(feedback?.locales.get('km' as never)?.get('feedback.q')?.status).toBe('machine');
  });
});
