import { loadCatalogue } from '../../src/content/catalogue';
import type { BuildResult } from '../../src/engine/content';
import type { LoadOptions } from '../../src/content/load-dir';

const loaded = new Map<string, Promise<BuildResult>>();

/**
 * The shipped content (`content/`), loaded once per test worker for each set of options. The
 * catalogue is deeply frozen by the build, so test files can share it; the node and e2e projects
 * run their files in one module graph per worker, and each file loading the whole content again
 * spent about a second of CPU. Fixture folders that tests write into are loaded afresh with
 * `loadCatalogue`.
 */
export function shippedContent(options: LoadOptions = {}): Promise<BuildResult> {
  const key = JSON.stringify(options);
  let result = loaded.get(key);
  if (!result) {
    result = loadCatalogue('content', options).then((r) =>
      Object.freeze({
        ...r,
        errors: Object.freeze([...r.errors]),
        warnings: Object.freeze([...r.warnings]),
      }),
    ) as Promise<BuildResult>;
    loaded.set(key, result);
  }
  return result;
}
