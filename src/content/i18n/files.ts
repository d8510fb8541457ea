// Reading a language's locale files and writing an import's changes, all or nothing.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { uiFilePath } from '../../engine';
import type { Catalogue } from '../../engine';
import type { LocaleFileData } from './plan';

/**
 * Every locale file of `lang` under `root`, relative path → data: `locales/<lang>/*.json` and
 * the UI areas' `<lang>.json`. The content was checked before (loadCatalogue), so each parses.
 */
export async function readLocaleFiles(
  root: string,
  catalogue: Catalogue,
  lang: string,
): Promise<Map<string, LocaleFileData>> {
  const rels: string[] = [];
  const dir = join(root, 'locales', lang);
  if (existsSync(dir))
    for (const name of (await readdir(dir)).sort())
      if (name.endsWith('.json')) rels.push(`locales/${lang}/${name}`);
  for (const area of catalogue.ui?.keys() ?? []) {
    const rel = uiFilePath(area, lang);
    if (existsSync(join(root, rel))) rels.push(rel);
  }
  const out = new Map<string, LocaleFileData>();
  for (const rel of rels)
    out.set(rel, JSON.parse(await readFile(join(root, rel), 'utf8')) as LocaleFileData);
  return out;
}

/** A locale file's text: two-space JSON and a final newline, as the repository formats it. */
export const localeFileText = (data: LocaleFileData): string =>
  `${JSON.stringify(data, null, 2)}\n`;

/**
 * Writes every file or none: each goes to a temporary file beside it first, then all are
 * renamed into place (a rename replaces a file whole, so no reader sees half a file).
 */
export async function writeAll(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  const temps: [string, string][] = [];
  try {
    for (const [rel, text] of files) {
      const full = join(root, rel);
      await mkdir(dirname(full), { recursive: true });
      const tmp = `${full}.${process.pid}.tmp`;
      temps.push([tmp, full]);
      await writeFile(tmp, text, 'utf8');
    }
  } catch (e) {
    await Promise.all(temps.map(([tmp]) => rm(tmp, { force: true })));
    throw e;
  }
  for (const [tmp, full] of temps) await rename(tmp, full);
}
