import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GRADE_TARGETS, readability } from '../../src/content/readability';
import { sourceHash } from '../../src/engine';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const en = read('content/ui/measure/en.json') as Record<string, string>;
const km = (
  read('content/ui/measure/km.json') as { strings: Record<string, { sourceHash: string }> }
).strings;
const check = Object.keys(en).filter((k) => k.startsWith('check.'));

// What the quick check says to a child (docs/measurement.md) is read aloud to 5–7 year olds:
// it must read at their grade, like their activities (issue 5), and exist in Khmer.
describe("the quick check's words", () => {
  it('reads at the 5–7 grade, the intro of each check and everything else', () => {
    for (const about of ['check.before', 'check.after', 'check.later']) {
      const intro = [about, 'check.notTest', 'check.justPick', 'check.notNowOk'].map((k) => en[k]!);
      expect(readability(intro).grade, about).toBeLessThanOrEqual(GRADE_TARGETS['5-7']);
    }
    expect(readability(check.map((k) => en[k]!)).grade).toBeLessThanOrEqual(GRADE_TARGETS['5-7']);
  });

  it('says it is no test and has no score, and that "Not now" is fine', () => {
    expect(en['check.notTest']).toMatch(/not a test/);
    expect(en['check.notTest']).toMatch(/no score/);
    expect(en['check.notNowOk']).toContain(en['check.notNow']);
  });

  it('has a current Khmer translation of every string', () => {
    for (const k of check) expect(km[k]?.sourceHash, k).toBe(sourceHash(en[k]!));
  });
});
