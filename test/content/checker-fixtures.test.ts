import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue';
import { CHECKS, formatIssue, WARNINGS } from '../../src/engine/content';
import type { CheckName } from '../../src/engine/content';

// One broken content root per check under test/fixtures/content-broken/<check>/. Each must
// fail with exactly that check, naming the file and the path inside it. A warning's fixture
// builds with no error and warns with exactly that check.
const ROOT = 'test/fixtures/content-broken';
const FILE_LEVEL: readonly CheckName[] = ['unknown-file', 'missing-file'];

describe('broken content fixtures', () => {
  it('has one fixture for every check', () => {
    expect(readdirSync(ROOT).sort()).toEqual([...CHECKS, ...WARNINGS].sort());
  });

  it.each(CHECKS.map((c) => [c]))('%s fails with its file and path', async (check) => {
    const dir = join(ROOT, check);
    const { errors } = await loadCatalogue(dir);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.check).toBe(check);
      expect(e.file.startsWith(`${dir}/`)).toBe(true);
      if (!FILE_LEVEL.includes(check)) expect(e.path).not.toBe('');
      expect(formatIssue(e)).toBe(
        e.path === '' ? `${e.file}: ${e.message}` : `${e.file}: ${e.path}: ${e.message}`,
      );
    }
  });

  it.each(WARNINGS.map((w) => [w]))(
    '%s warns with its file and path, and is no error',
    async (w) => {
      const dir = join(ROOT, w);
      const { errors, warnings } = await loadCatalogue(dir);
      expect(errors).toEqual([]);
      expect(warnings.length).toBeGreaterThan(0);
      for (const i of warnings) {
        expect(i.check).toBe(w);
        expect(i.file.startsWith(`${dir}/`)).toBe(true);
        expect(i.path).not.toBe('');
      }
    },
  );
});
