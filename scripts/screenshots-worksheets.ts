// Renders page 1 of an English worksheet (from content/) and of a Khmer one (the 5–7 worksheet
// below, in Khmer, with the Cambodian pack's footer) to PNG with poppler's pdftoppm, so shaping
// and print layout can be checked by eye: worksheet-en.png and worksheet-km.png; and a 5–7
// worksheet with its
// pictures (worksheet-5-7.png, page 1) and the page of its answer key with the "draw a line"
// question, lines drawn in (worksheet-5-7-key-matching.png).
//   npx tsx scripts/screenshots-worksheets.ts [outDir]     (default docs/screenshots;
//   KITE_CONTENT_DIR picks another content root for the English one)
// `npm run screenshots` calls worksheetScreenshots().
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../src/content/catalogue';
import type { Activity, Catalogue } from '../src/engine';
import { createPdfRenderer } from '../src/server/pdf/renderer';
import { PrintService } from '../src/server/worksheets/print-service';

/** Resolution of the PNGs: enough to see Khmer subscripts, small enough for the docs. */
const DPI = 110;

async function catalogue(dir: string): Promise<Catalogue> {
  const { catalogue, errors } = await loadCatalogue(dir);
  if (errors.length) throw new Error(`${dir} has content errors; run npm run content:check`);
  return catalogue;
}

/** The activity whose worksheet shows the most kinds of question. */
function richestWorksheet(c: Catalogue): Activity {
  const kinds = (a: Activity) => new Set(a.worksheet.questions.map((q) => q.kind)).size;
  const all = [...c.activities.values()].sort(
    (x, y) => kinds(y) - kinds(x) || (x.id < y.id ? -1 : 1),
  );
  if (!all[0]) throw new Error('no activities in content/');
  return all[0];
}

/** A 5–7 worksheet with pictures on its tick options and a "draw a line" question on page 2. */
const PICTURED_5_7 = 'kindness-5-7-identify';

/** Writes the worksheet PNGs (A4) into `outDir`; returns their paths. */
export async function worksheetScreenshots(
  outDir: string,
  { contentDir = process.env.KITE_CONTENT_DIR ?? 'content' } = {},
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const renderer = await createPdfRenderer();
  const work = mkdtempSync(join(tmpdir(), 'kite-ws-'));
  const jobs: {
    name: string;
    root: string;
    lang: string;
    id: string;
    page: number;
    answers: boolean;
    country?: string;
  }[] = [
    { name: 'worksheet-en', root: contentDir, lang: 'en', id: '', page: 1, answers: false },
    {
      name: 'worksheet-km',
      root: contentDir,
      lang: 'km',
      id: PICTURED_5_7,
      page: 1,
      answers: false,
      country: 'kh',
    },
    {
      name: 'worksheet-5-7',
      root: contentDir,
      lang: 'en',
      id: PICTURED_5_7,
      page: 1,
      answers: false,
    },
    {
      name: 'worksheet-5-7-key-matching',
      root: contentDir,
      lang: 'en',
      id: PICTURED_5_7,
      page: 2,
      answers: true,
    },
  ];
  const written: string[] = [];
  try {
    for (const job of jobs) {
      const c = await catalogue(job.root);
      const id = job.id || richestWorksheet(c).id;
      const print = new PrintService(c, renderer, { country: job.country ?? 'intl' });
      const pdf = print.worksheet(id, { lang: job.lang, paper: 'a4', answers: job.answers });
      if (!pdf) throw new Error(`no worksheet for ${id}`);
      const file = join(work, `${job.name}.pdf`);
      writeFileSync(file, (await print.render(pdf)).bytes);
      const out = join(outDir, job.name);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        String(DPI),
        '-f',
        String(job.page),
        '-l',
        String(job.page),
        '-singlefile',
        file,
        out,
      ]);
      written.push(`${out}.png`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await worksheetScreenshots(process.argv[2] ?? 'docs/screenshots');
  for (const f of files) console.log(f);
}
