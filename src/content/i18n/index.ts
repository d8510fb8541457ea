// Translators' workflow (I18N-1): export a language to a PO file, import it back.
//   npm run i18n -- export --lang km --format po [--scope content|ui|all] [--out file]
//   npm run i18n -- import --lang km --format po <file> [--dry-run]
import { translationUnits } from '../../engine';
import type { LocaleCode, TranslationScope } from '../../engine';
import { formatIssue } from '../../engine/content';
import { loadCatalogue } from '../catalogue';
import { localeFileText, readLocaleFiles, writeAll } from './files';
import { planImport } from './plan';
import type { ImportPlan } from './plan';
import { readPo, writePo } from './po';
import type { PoProblem } from './po-scan';

export type { ImportPlan, LocaleFileData } from './plan';
export type { PoErrorCode, PoProblem } from './po-scan';
export { FUZZY, MACHINE } from './po';

/** The content root has errors: nothing is exported or imported until content:check passes. */
export class ContentInvalidError extends Error {
  override readonly name = 'ContentInvalidError';
  constructor(readonly lines: readonly string[]) {
    super(`the content has ${lines.length} error(s); run npm run content:check`);
  }
}

async function load(root: string) {
  const { catalogue, errors } = await loadCatalogue(root);
  if (errors.length > 0) throw new ContentInvalidError(errors.map(formatIssue));
  return catalogue;
}

/** The PO file of `lang` for `scope` from the content under `root`. */
export async function exportPo(
  root: string,
  lang: string,
  scope: TranslationScope,
): Promise<string> {
  const catalogue = await load(root);
  return writePo(translationUnits(catalogue, lang as LocaleCode, scope), lang);
}

/** What an import did (or, with `dryRun`, would do). */
export type ImportResult =
  | { readonly ok: false; readonly problems: readonly PoProblem[] }
  | { readonly ok: true; readonly plan: ImportPlan; readonly written: readonly string[] };

/**
 * Imports a PO file of `lang` into the content under `root`. Any problem rejects the whole
 * file and nothing is written; otherwise the changed locale files are written all at once.
 */
export async function importPo(
  root: string,
  lang: string,
  text: string,
  options: { readonly dryRun?: boolean } = {},
): Promise<ImportResult> {
  const catalogue = await load(root);
  const read = readPo(text, lang);
  // A file that does not parse has no entries to check; otherwise every problem is listed.
  if (read.records.length === 0 && read.problems.length > 0)
    return { ok: false, problems: read.problems };
  const existing = await readLocaleFiles(root, catalogue, lang);
  const plan = planImport(catalogue, lang, read.records, existing);
  const problems = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line);
  if (problems.length > 0) return { ok: false, problems };
  const files = new Map([...plan.writes].map(([rel, data]) => [rel, localeFileText(data)]));
  if (!options.dryRun) await writeAll(root, files);
  return { ok: true, plan, written: [...files.keys()] };
}
