// npm run content:report [-- --json] [-- --gaps] [-- --dir <content root>] [-- --packs <list>]
// Coverage of the curriculum: topic × band × level, interaction types used, guides, challenges,
// and how complete each language is (UI, content per band, stale, status, bands offered).
// With --json, stdout holds only one JSON object (topics, activities, guides, challenges,
// courses, measurement forms, industry, warnings, languages). Every pack under the root unless --packs names some (as
// KITE_PACKS does for a deployment: `--packs core` gives the languages a default deployment
// offers, without the sample pack).
import { loadCatalogue } from '../src/content/catalogue';
import { PACK_LIST, parsePackList } from '../src/content/packs';
import { contentReport, coverageGaps } from '../src/content/report';
import { BANDS, INTERACTION_TYPES, LEVELS } from '../src/engine';
import type { Coverage } from '../src/engine';
import { WARNINGS } from '../src/engine/content';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args[dirAt + 1] : 'content';
const packsAt = args.indexOf('--packs');
const packList = packsAt >= 0 ? args[packsAt + 1] : undefined;
const unknown = args.filter(
  (a, i) =>
    !['--json', '--gaps', '--dir', '--packs'].includes(a) &&
    args[i - 1] !== '--dir' &&
    args[i - 1] !== '--packs',
);
if (!dir || unknown.length > 0 || (packsAt >= 0 && !PACK_LIST.test(packList ?? ''))) {
  console.error(
    `content:report: usage: npm run content:report -- [--json] [--gaps] [--dir <content root>] [--packs <pack,pack>]`,
  );
  process.exit(2);
}

const { catalogue, errors, warnings } = await loadCatalogue(
  dir,
  packList === undefined ? {} : { packs: parsePackList(packList) },
);
if (errors.length > 0) {
  console.error(`content:report: ${errors.length} content error(s); run npm run content:check`);
  process.exit(1);
}
const report = contentReport(catalogue, warnings);
if (json) {
  // Exit only once written: a pipe takes the text in 64 KB pieces, and exit would cut it there.
  await new Promise<void>((done) =>
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => done()),
  );
  process.exit(0);
}

const topics = [...catalogue.topics.keys()];
// The topic column fits the longest topic id ("misinformation").
const W = Math.max(12, ...topics.map((t) => t.length + 2));
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`Activities by topic × band × level (count per cell)\n`);
console.log(pad('topic', W) + BANDS.map((b) => pad(b, 16)).join(''));
console.log(pad('', W) + BANDS.map(() => pad('I  C  E', 16)).join(''));
for (const topic of topics) {
  const cells = BANDS.map((band) =>
    pad(
      LEVELS.map((level) =>
        String(
          report.activities.filter((a) => a.topic === topic && a.band === band && a.level === level)
            .length,
        ),
      ).join('  '),
      16,
    ),
  );
  console.log(pad(topic, W) + cells.join(''));
}
console.log(`\nGuides and challenges per topic × band (guides/challenges)\n`);
for (const topic of topics) {
  const cells = BANDS.map((band) =>
    pad(
      `${report.guides.filter((g) => g.topic === topic && g.band === band).length}/${
        report.challenges.filter((c) => c.topic === topic && c.band === band).length
      }`,
      16,
    ),
  );
  console.log(pad(topic, W) + cells.join(''));
}
console.log(`\nInteraction types used (activities using each)\n`);
for (const type of INTERACTION_TYPES.filter((t) => t !== 'continue')) {
  console.log(
    `  ${pad(type, 10)} ${report.activities.filter((a) => a.interactions.includes(type)).length}`,
  );
}
const gaps = coverageGaps(report, topics);
console.log(
  `\n${report.activities.length} activities (${report.activities.filter((a) => a.sensitive).length} sensitive), ${catalogue.guides.size} guides, ${catalogue.challenges.size} challenges, ${report.courses.length} course(s) (${report.courses.map((c) => `${c.band}: ${c.modules} modules`).join(', ')}); ${gaps.length} gap(s) in topic × band × level`,
);
for (const topic of topics) {
  const mine = gaps.filter((g) => g.startsWith(`${topic} `));
  console.log(`  ${pad(topic, 10)} ${mine.length === 0 ? 'complete' : `${mine.length} gap(s)`}`);
  if (args.includes('--gaps')) for (const g of mine) console.log(`    ${g}`);
}
console.log(`\nIndustry self-assessment frameworks: ${report.industry.length}`);
for (const f of report.industry)
  console.log(`  ${f.id} v${f.version}: ${f.sections} sections, ${f.questions} questions`);
const missing = report.activities.filter((a) => a.missingPictures > 0);
console.log(
  `\nWarnings (content:check still passes): ${WARNINGS.map((w) => `${report.warnings[w]} ${w}`).join(', ')}`,
);
if (missing.length > 0)
  console.log(
    `  missing-picture: ${missing.length} activit${missing.length === 1 ? 'y' : 'ies'} for 5–7 with answers or cards without a picture: ${missing.map((a) => `${a.id} (${a.missingPictures})`).join(', ')}`,
  );

const pct = (r: number) => `${Math.floor(r * 100)}%`;
const cov = (c: Coverage) =>
  `${pct(c.ratio)} (${c.current}/${c.total}${c.stale > 0 ? `, ${c.stale} stale` : ''})`;
const threshold = report.languages[0]?.threshold ?? 0;
console.log(
  `\nLanguages (a band is offered when the child UI and the band's content both reach ${pct(threshold)}; ${packList === undefined ? 'every pack under the root, --packs core for a default deployment' : `packs ${packList}`})\n`,
);
for (const l of report.languages) {
  if (l.lang === 'en') {
    console.log(`  en: the source (every band offered)`);
    continue;
  }
  const all = [l.childUi, l.adultUi, l.content];
  const status = (k: 'machine' | 'draft' | 'reviewed') => all.reduce((n, c) => n + c.status[k], 0);
  console.log(`  ${l.lang}: child UI ${cov(l.childUi)}, adults' UI ${cov(l.adultUi)}`);
  console.log(
    `      content ${cov(l.content)}; ${BANDS.map((b) => `${b} ${pct(l.bands[b].ratio)}`).join(', ')}`,
  );
  console.log(
    `      ${all.reduce((n, c) => n + c.stale, 0)} stale; current translations: ${status('machine')} machine, ${status('draft')} draft, ${status('reviewed')} reviewed`,
  );
  console.log(
    `      offered for: ${l.offeredBands.length > 0 ? l.offeredBands.join(', ') : 'no band yet'}`,
  );
}
