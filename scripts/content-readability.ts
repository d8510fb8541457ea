// npm run content:readability [-- --dir <content root>]: Flesch–Kincaid grade of every
// activity's learner-facing text against its band's target.
import { loadCatalogue } from '../src/content/catalogue';
import { activityReadability } from '../src/content/readability';

const i = process.argv.indexOf('--dir');
const dir = i >= 0 ? process.argv[i + 1] : 'content';
if (!dir) {
  console.error('content:readability: --dir needs a folder');
  process.exit(2);
}
const { catalogue } = await loadCatalogue(dir);
let bad = 0;
for (const a of [...catalogue.activities.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
  const r = activityReadability(a);
  if (!r.ok) bad++;
  console.log(
    `${r.ok ? 'ok  ' : 'HIGH'} ${a.id} (${a.band}): grade ${r.grade} (target ≤ ${r.target})`,
  );
}
console.log(`${bad} of ${catalogue.activities.size} activities above their band's target`);
process.exit(bad ? 1 : 0);
