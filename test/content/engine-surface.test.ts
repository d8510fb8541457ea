import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app shell imports `src/engine` (index.ts); the schema library must stay out of it.
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map(
    (m) => m[1] as string,
  );
}

function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of imports(file)) {
      if (spec.startsWith('.')) visit(`${join(dirname(file), spec)}.ts`);
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the engine surface for the browser', () => {
  it('imports no package at all (so no zod) from src/engine/index.ts', () => {
    const { files, packages } = reach('src/engine/index.ts');
    expect([...packages]).toEqual([]);
    expect([...files].some((f) => f.includes('/content/schema/'))).toBe(false);
    expect(files.size).toBeGreaterThan(20);
  });

  it('keeps zod behind src/engine/content/index.ts', () => {
    expect([...reach('src/engine/content/index.ts').packages]).toEqual(['zod']);
  });
});
