import { buildCatalogue } from '../engine/content/build';
import type { BuildResult } from '../engine/content/build';
import { loadContentDir } from './load-dir';

/**
 * Loads and checks a content root from disk (the server and the CLI use this).
 *
 * @example
 * const { catalogue, errors } = await loadCatalogue('content');
 */
export async function loadCatalogue(root: string): Promise<BuildResult> {
  const files = await loadContentDir(root);
  return buildCatalogue(files, { root: root.split('\\').join('/') });
}
