import type { IndustryFramework } from '../../industry/types';
import { sourceHash } from '../../text/hash';
import type { ContentFile, ParsedFile } from '../files';
import type { IssueSink } from '../issues';
import { parseWith } from '../parse';
import { industryPublishedSchema } from '../schema/industry';

/**
 * One industry framework's structure, each problem named by file and path:
 * `industry-sections` section weights that do not sum to 100, a question in a section that does
 * not exist, a section without a question; `duplicate-id` two sections or two questions with
 * one id. (`file-name` and `content-id-prefix` are checked where every file's are.)
 */
export function checkIndustryFramework(
  framework: IndustryFramework,
  file: string,
  sink: IssueSink,
): void {
  const sections = new Set<string>();
  framework.sections.forEach((s, i) => {
    if (sections.has(s.id))
      sink.add('duplicate-id', file, `sections[${i}].id`, `section "${s.id}" appears twice`);
    sections.add(s.id);
  });
  const total = framework.sections.reduce((n, s) => n + s.weight, 0);
  if (Math.abs(total - 100) > 1e-9)
    sink.add(
      'industry-sections',
      file,
      'sections',
      `section weights sum to ${total}, not 100 (each is a share of the score in percent)`,
    );
  const questions = new Set<string>();
  const used = new Set<string>();
  framework.questions.forEach((q, i) => {
    if (questions.has(q.id))
      sink.add('duplicate-id', file, `questions[${i}].id`, `question "${q.id}" appears twice`);
    questions.add(q.id);
    if (sections.has(q.section)) used.add(q.section);
    else
      sink.add(
        'industry-sections',
        file,
        `questions[${i}].section`,
        `section "${q.section}" does not exist`,
      );
  });
  framework.sections.forEach((s, i) => {
    if (!used.has(s.id))
      sink.add('industry-sections', file, `sections[${i}]`, `section "${s.id}" has no question`);
  });
}

/**
 * Published versions never change (IND-01). `industry/published.json` maps `<id>@v<version>`
 * to the `sourceHash` of that file's exact text: `industry-published-changed` when the file's
 * text hashes differently, `missing-file` when the file is gone, `schema` when the register
 * itself is malformed.
 */
export function checkIndustryPublished(
  parsed: readonly ParsedFile[],
  files: readonly ContentFile[],
  display: (rel: string) => string,
  sink: IssueSink,
): void {
  // The register as parseFiles read it (a file that is not JSON was reported there, as `json`).
  const register = parsed.find((p) => p.kind.kind === 'industry-published');
  if (register === undefined) return;
  const file = register.file;
  const published = parseWith(industryPublishedSchema, register.json, file, sink);
  if (published === undefined) return;
  for (const [key, hash] of Object.entries(published)) {
    const [id, version] = key.split('@');
    const path = `industry/${id}/${version}.json`;
    const f = files.find((x) => x.path === path);
    if (f?.text == null) {
      sink.add(
        'missing-file',
        file,
        key,
        `published version "${key}" has no ${path}: published versions are never removed`,
      );
      continue;
    }
    const actual = sourceHash(f.text);
    if (actual !== hash)
      sink.add(
        'industry-published-changed',
        file,
        key,
        `${display(path)} hashes to ${actual}, not the published ${hash}: published versions never change; add a new version`,
      );
  }
}
