import { BANDS, MEASURE_USES, measureForm } from '../engine';
import { buildCatalogue } from '../engine/content';
import type { BuildResult, ContentIssue } from '../engine/content';
import { loadContentDir, loadOtherPackFiles } from './load-dir';
import type { LoadOptions } from './load-dir';
import { collectTexts } from '../engine/content';
import { activityReadability, GRADE_TARGETS, readability } from './readability';

/**
 * `readability`: each activity's learner-facing text, each course module's texts and each
 * measurement form's items (docs/measurement.md) is at or below its band's Flesch–Kincaid
 * grade (5–7 ≤ 2, 8–10 ≤ 4, 11–13 ≤ 6, 14–16 ≤ 8).
 */
export function readabilityIssues(result: BuildResult): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const a of result.catalogue.activities.values()) {
    const r = activityReadability(a);
    if (r.ok) continue;
    issues.push({
      check: 'readability',
      file: result.catalogue.sources.get(`activity:${a.id}`)?.file ?? a.id,
      path: 'scenes',
      message: `reading grade ${r.grade} is above ${r.target} for band ${a.band}: use shorter sentences and words`,
    });
  }
  for (const c of result.catalogue.courses?.values() ?? []) {
    const target = GRADE_TARGETS[c.band];
    c.modules.forEach((m, i) => {
      const { grade } = readability(collectTexts(m).map((t) => t.text));
      if (grade <= target) return;
      issues.push({
        check: 'readability',
        file: result.catalogue.sources.get(`course:${c.id}`)?.file ?? c.id,
        path: `modules[${i}]`,
        message: `reading grade ${grade} is above ${target} for band ${c.band}: use shorter sentences and words`,
      });
    });
  }
  for (const bank of result.catalogue.measurement?.values() ?? [])
    for (const band of BANDS)
      for (const use of MEASURE_USES) {
        const items = measureForm(bank, band, use);
        const target = GRADE_TARGETS[band];
        const { grade } = readability(items.flatMap((i) => collectTexts(i).map((t) => t.text)));
        if (items.length === 0 || grade <= target) continue;
        issues.push({
          check: 'readability',
          file: result.catalogue.sources.get(`measurement:${bank.id}`)?.file ?? bank.id,
          path: 'items',
          message: `the ${band} ${use} form's reading grade ${grade} is above ${target}: use shorter sentences and words`,
        });
      }
  return issues;
}

/**
 * The content ids of the packs under `root` that `options.packs` leaves out, for
 * `buildCatalogue`'s `otherPackIds` (their translations are not errors of this deployment).
 */
export async function otherPackIdsOf(
  root: string,
  options: LoadOptions = {},
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const f of await loadOtherPackFiles(root, options)) {
    try {
      for (const t of collectTexts(JSON.parse(f.text ?? 'null'))) ids.add(t.id);
    } catch {
      // A pack this deployment does not serve is not checked here; `content:check` checks it.
    }
  }
  return ids;
}

/**
 * Loads and checks a content root from disk (the server and the CLI use this), including the
 * readability of every activity for its band. Every pack unless `options.packs` names some.
 *
 * @example
 * const { catalogue, errors } = await loadCatalogue('content', { packs: ['core'] });
 */
export async function loadCatalogue(root: string, options: LoadOptions = {}): Promise<BuildResult> {
  const [files, otherPackIds] = await Promise.all([
    loadContentDir(root, options),
    otherPackIdsOf(root, options),
  ]);
  const result = buildCatalogue(files, { root: root.split('\\').join('/'), otherPackIds });
  const readability = readabilityIssues(result);
  return readability.length === 0
    ? result
    : { ...result, errors: [...result.errors, ...readability] };
}
