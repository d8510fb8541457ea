import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../../engine';

/**
 * Compares the activities in the built web app's English content index
 * (`<webDir>/content/en/index.json`) with the catalogue the server loaded. They differ when
 * the web app was built with other packs (KITE_PACKS) or other content than the server serves:
 * then the app offers activities whose printable documents the server does not know, or hides
 * some it does. Returns a one-line explanation, or undefined when they agree or there is no
 * built web app to compare with.
 */
export function webContentMismatch(webDir: string, catalogue: Catalogue): string | undefined {
  let ids: string[];
  try {
    const index = JSON.parse(readFileSync(join(webDir, 'content', 'en', 'index.json'), 'utf8')) as {
      activities?: { id?: unknown }[];
    };
    ids = (index.activities ?? []).map((a) => String(a.id));
  } catch {
    return undefined;
  }
  const built = new Set(ids);
  const served = new Set<string>(catalogue.activities.keys());
  const onlyBuilt = [...built].filter((id) => !served.has(id));
  const onlyServed = [...served].filter((id) => !built.has(id));
  if (onlyBuilt.length === 0 && onlyServed.length === 0) return undefined;
  const example = (xs: string[]) => `${xs.length} (e.g. ${xs[0]})`;
  const parts = [
    onlyBuilt.length ? `activities only in the web app: ${example(onlyBuilt)}` : '',
    onlyServed.length ? `activities only on the server: ${example(onlyServed)}` : '',
  ].filter(Boolean);
  return (
    `the web app in ${webDir} was built from other content than the server serves: ` +
    `${parts.join('; ')}. Build it again with the same KITE_PACKS and KITE_CONTENT_DIR`
  );
}
