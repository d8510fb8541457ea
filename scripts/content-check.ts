// Checks every content pack under a content root and lists all problems.
//   npm run content:check [-- --dir <path>]
// Exits 1 when there are errors, 2 on bad arguments.
import { existsSync, statSync } from 'node:fs';
import { formatIssue } from '../src/engine/content';
import { loadCatalogue } from '../src/content/catalogue';

const USAGE = 'usage: npm run content:check [-- --dir <content-root>]   (default: content)';

function parseArgs(argv: readonly string[]): { dir: string } | { error: string } {
  let dir = 'content';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { error: USAGE };
    if (arg === '--dir') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        return { error: `--dir needs a path\n${USAGE}` };
      dir = value;
      i++;
    } else if (arg?.startsWith('--dir=')) {
      dir = arg.slice('--dir='.length);
      if (dir === '') return { error: `--dir needs a path\n${USAGE}` };
    } else {
      return { error: `unknown argument "${arg}"\n${USAGE}` };
    }
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return { error: `"${dir}" is not a directory\n${USAGE}` };
  return { dir };
}

const args = parseArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(args.error);
  process.exit(2);
}
const { catalogue, errors, warnings } = await loadCatalogue(args.dir.replace(/\/+$/, ''));
for (const w of warnings) console.warn(`warning: ${formatIssue(w)}`);
for (const e of errors) console.error(formatIssue(e));
const counts =
  `${catalogue.activities.size} activities, ${catalogue.guides.size} guides, ` +
  `${catalogue.challenges.size} challenges, ${catalogue.courses?.size ?? 0} courses, ${catalogue.measurement?.size ?? 0} item banks, ${catalogue.topics.size} topics, ${catalogue.countries.size} country packs`;
if (errors.length > 0) {
  console.error(
    `content:check: ${errors.length} error(s), ${warnings.length} warning(s) in ${args.dir} (${counts} valid)`,
  );
  process.exit(1);
}
console.log(`content:check: ok (${counts}; ${warnings.length} warning(s))`);
