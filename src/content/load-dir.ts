import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { ContentFile } from '../engine/content';
import { inOtherPack } from './packs';

const TEXT_EXTENSIONS = new Set(['.json', '.md']);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
      ),
  );
  return nested.flat();
}

/** Options of {@link loadContentDir}. */
export interface LoadOptions {
  /** Only these packs under `packs/` (the rest of the root is always read); unset: every pack. */
  readonly packs?: readonly string[] | undefined;
}

/**
 * Reads every file under a content root for `buildCatalogue`: JSON files with their text,
 * other files (media) as paths only. Paths are relative to `root`, with forward slashes.
 */
export async function loadContentDir(
  root: string,
  options: LoadOptions = {},
): Promise<ContentFile[]> {
  const paths = (await walk(root))
    .map((full) => ({ full, path: relative(root, full).split(sep).join('/') }))
    .filter(({ path }) => !inOtherPack(path, options.packs));
  return readFiles(paths);
}

/**
 * The JSON files of the packs under `root` that `options.packs` leaves out (none when every
 * pack is served): only their content ids are used, so their translations are not errors.
 */
export async function loadOtherPackFiles(
  root: string,
  options: LoadOptions = {},
): Promise<ContentFile[]> {
  if (options.packs === undefined) return [];
  const paths = (await walk(root))
    .map((full) => ({ full, path: relative(root, full).split(sep).join('/') }))
    .filter(({ path }) => extname(path) === '.json' && inOtherPack(path, options.packs));
  return readFiles(paths);
}

function readFiles(paths: readonly { full: string; path: string }[]): Promise<ContentFile[]> {
  return Promise.all(
    paths.map(async ({ full, path }) => {
      const text = TEXT_EXTENSIONS.has(extname(full)) ? await readFile(full, 'utf8') : null;
      return { path, text };
    }),
  );
}
