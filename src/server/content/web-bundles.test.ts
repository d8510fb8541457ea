import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../content/catalogue';
import type { Catalogue } from '../../engine';
import { webContentMismatch } from './web-bundles';

const dir = mkdtempSync(join(tmpdir(), 'kite-web-bundles-'));
let core: Catalogue;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  core = (await loadCatalogue('content', { packs: ['core'] })).catalogue;
});

function webDirWith(name: string, ids: string[]): string {
  const web = join(dir, name);
  mkdirSync(join(web, 'content', 'en'), { recursive: true });
  const index = { activities: ids.map((id) => ({ id })) };
  writeFileSync(join(web, 'content', 'en', 'index.json'), JSON.stringify(index));
  return web;
}

describe('webContentMismatch', () => {
  it('is silent when the web app was built from the same activities', () => {
    const web = webDirWith('same', [...core.activities.keys()]);
    expect(webContentMismatch(web, core)).toBeUndefined();
  });

  it('names a web app built with the sample pack that the server does not serve', () => {
    const web = webDirWith('sample', [...core.activities.keys(), 'sample-prize-message']);
    expect(webContentMismatch(web, core)).toMatch(
      /built from other content than the server serves: activities only in the web app: 1 \(e\.g\. sample-prize-message\)\. Build it again with the same KITE_PACKS/,
    );
  });

  it('names activities the web app lacks', () => {
    const web = webDirWith('fewer', [...core.activities.keys()].slice(1));
    expect(webContentMismatch(web, core)).toMatch(
      /activities only on the server: 1 \(e\.g\. .+\)\./,
    );
  });

  it('is silent without a built web app', () => {
    expect(webContentMismatch(join(dir, 'nowhere'), core)).toBeUndefined();
  });
});
