import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/app';
import { loadCatalogue } from '../../src/content/catalogue';
import { shippedContent } from '../helpers/content';
import { renderText } from '../../src/engine';
import type { Activity, Catalogue, Text } from '../../src/engine';
import { createPdfRenderPool } from '../../src/server/pdf/pool';
import type { PdfRenderPool } from '../../src/server/pdf/pool';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { COMPILED_SERVER, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import { freePort } from '../helpers/free-port';

// Printable worksheets, challenge cards and guides over HTTP, checked with poppler's pdftotext
// and pdfinfo, rendered by a worker pool as in production. The database holds only the rate-limit
// counters, which every app on one database shares, so each app gets its own SQLite database.

const dir = mkdtempSync(join(tmpdir(), 'kite-pdf-'));
let n = 0;

/** Runs a poppler tool over PDF bytes. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer): string {
  const file = join(dir, `${n++}.pdf`);
  writeFileSync(file, pdf);
  const args = tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : [file];
  return execFileSync(tool, args, { encoding: 'utf8' });
}

/** The extracted text with every run of white space made one space, for phrase matching. */
const unhyphenated = (s: string) => s.replace(/-/g, '');
const textOf = (pdf: Buffer) => poppler('pdftotext', pdf).replace(/\s+/g, ' ');

/**
 * Pixels of a page (rasterised in greys by pdftoppm at 40 dpi) inside a grey area: the pixel and
 * its eight neighbours all neither white nor black. Picture fills make such areas; text and
 * thin rules, whose grey is only the anti-aliased edge of a black stroke, hardly do.
 */
function greyArea(pdf: Buffer, page = 1): number {
  const file = join(dir, `${n++}.pdf`);
  writeFileSync(file, pdf);
  const p = String(page);
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', p, '-l', p, file]);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const px = pgm.subarray(header[0].length);
  const grey = (x: number, y: number) => {
    const v = px[y * w + x]!;
    return v > 60 && v < 240;
  };
  let count = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let all = true;
      for (let dy = -1; dy <= 1 && all; dy++)
        for (let dx = -1; dx <= 1 && all; dx++) all = grey(x + dx, y + dy);
      if (all) count++;
    }
  }
  return count;
}

/** The catalogue with every worksheet's pictures removed, to compare a sheet with and without. */
function withoutPictures(catalogue: Catalogue): Catalogue {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'media')
        .map(([k, x]) => [k, strip(x)]),
    );
  };
  const activities = new Map(
    [...catalogue.activities].map(([id, a]) => [
      id,
      { ...a, worksheet: strip(a.worksheet) as Activity['worksheet'] },
    ]),
  );
  return { ...catalogue, activities };
}

const dbs: TestDb[] = [];
let renderer: PdfRenderPool;
let content: Catalogue;
let khmer: Catalogue;
const apps: FastifyInstance[] = [];

async function appFor(catalogue: Catalogue, deps: Partial<AppDeps> = {}) {
  const testDb = await freshSqlite();
  dbs.push(testDb);
  const app = await createApp({ db: testDb.db, catalogue, pdfRenderer: renderer, ...deps });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  renderer = await createPdfRenderPool({ size: 1, maxQueue: 100 });
  // The sample pack is not served by default; these tests print its activities, so ask for it.
  content = (await shippedContent({ packs: ['core', 'sample'] })).catalogue;
  const km = await loadCatalogue('test/fixtures/khmer');
  expect(km.errors).toEqual([]);
  khmer = km.catalogue;
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await renderer?.close();
  for (const testDb of dbs) await testDb.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Every question prompt and item text of a worksheet, in English. */
/** The worksheet's prompts and items as printed for the default country (placeholders filled). */
function worksheetStrings(a: Activity): string[] {
  const intl = content.countries.get('intl' as never)!;
  const shown = (t: Text) => renderText(t, intl, intl);
  return a.worksheet.questions.flatMap((q) => {
    const items =
      q.kind === 'tick'
        ? q.options
        : q.kind === 'match'
          ? [...q.left, ...q.right]
          : q.kind === 'order'
            ? q.items
            : [];
    return [shown(q.prompt), ...items.map((i) => shown(i.text))];
  });
}

describe('worksheets: GET /api/worksheets/{activityId}.pdf', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(content);
  });

  it('prints an English worksheet whose title, goal and questions extract exactly', async () => {
    const a = content.activities.get('sample-prize-message' as never)!;
    const res = await app.inject({ url: `/api/worksheets/${a.id}.pdf?lang=en&paper=a4` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="kite-worksheet-${a.id}-en-a4.pdf"`,
    );
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const text = textOf(res.rawPayload);
    expect(text).toContain(a.title.text);
    expect(text).toContain(a.goal.text);
    expect(text).toContain(a.worksheet.intro!.text);
    for (const s of worksheetStrings(a)) expect(text).toContain(s);
    expect(text).toContain('Name:');
    expect(text).toContain('Child Helpline International');
  });

  it('prints every worksheet in the content (every question kind)', async () => {
    // Its own app with a limit above the number of worksheets, so the shared app's limit stays
    // untouched for the tests after this one.
    const all = await appFor(content, {
      pdfRateLimit: { max: content.activities.size + 10, timeWindow: '1 minute' },
    });
    for (const a of content.activities.values()) {
      const res = await all.inject({ url: `/api/worksheets/${a.id}.pdf` });
      expect(res.statusCode, a.id).toBe(200);
      // pdftotext joins a word broken at its hyphen at a line end ("brand-" / "new" gives
      // "brandnew"), so hyphens are left out on both sides.
      const text = unhyphenated(textOf(res.rawPayload));
      for (const s of worksheetStrings(a)) expect(text, `${a.id}: ${s}`).toContain(unhyphenated(s));
    }
    // One render and one pdftotext per activity (over 100): a full run on the 2-core machine,
    // beside the other test worker, took just over the 20 s default (20.1 s, 20.4 s).
  }, 90_000);

  it('gives the answers in the answer key only', async () => {
    const a = content.activities.get('sample-prize-message' as never)!;
    const short = a.worksheet.questions.find((q) => q.kind === 'short')!;
    const draw = a.worksheet.questions.find((q) => q.kind === 'draw')!;
    const answer = short.kind === 'short' ? short.answer.text : '';
    const guidance = draw.kind === 'draw' ? draw.guidance!.text : '';
    const child = textOf((await app.inject({ url: `/api/worksheets/${a.id}.pdf` })).rawPayload);
    const key = await app.inject({ url: `/api/worksheets/${a.id}.pdf?answers=1` });
    expect(key.headers['content-disposition']).toContain('-answers.pdf');
    const keyText = textOf(key.rawPayload);
    expect(keyText).toContain(answer);
    expect(keyText).toContain(guidance);
    expect(keyText).toContain('Answer key');
    expect(child).not.toContain(answer);
    expect(child).not.toContain(guidance);
    expect(child).not.toContain('Answer key');
  });

  it('prints the pictures of a 5–7 worksheet as drawings, with no text from them', async () => {
    const id = 'kindness-5-7-identify';
    const a = content.activities.get(id as never)!;
    const tick = a.worksheet.questions[0]!;
    expect(tick.kind === 'tick' && tick.options.filter((o) => o.media).length).toBe(4);
    const bare = await appFor(withoutPictures(content));
    for (const answers of ['0', '1']) {
      const url = `/api/worksheets/${id}.pdf?answers=${answers}`;
      const pictured = (await app.inject({ url })).rawPayload;
      const plain = (await bare.inject({ url })).rawPayload;
      // Page 1 holds the scene and three answer pictures (grey areas); the bare sheet has none.
      const withPictures = greyArea(pictured);
      const without = greyArea(plain);
      expect(withPictures).toBeGreaterThan(3 * without + 1000);
      // The words are the same, and an SVG's <title> is not printed.
      const text = textOf(pictured);
      for (const s of worksheetStrings(a)) expect(text).toContain(s);
      expect(text).not.toContain('A smiling cat');
    }
  });

  it('lays a "draw a line" question out with no letters or boxes to fill in', async () => {
    const id = 'kindness-5-7-identify';
    const text = textOf((await app.inject({ url: `/api/worksheets/${id}.pdf` })).rawPayload);
    expect(text).toContain('Draw a line from the words to the feeling.');
    expect(text).not.toMatch(/\b[AB]\. /);
  });

  it('names the helpline directory as a directory in the footer', async () => {
    const text = textOf(
      (await app.inject({ url: '/api/worksheets/sample-prize-message.pdf' })).rawPayload,
    );
    expect(text).toContain(
      "Need help? Talk to an adult you trust, or contact your country's child helpline (find it at Child Helpline International): childhelplineinternational.org/helplines.",
    );
  });

  it('writes the order numbers into the key', async () => {
    const a = content.activities.get('sample-new-friend' as never)!;
    const order = a.worksheet.questions.find((q) => q.kind === 'order');
    if (order?.kind !== 'order') throw new Error('sample-new-friend has an order question');
    const key = poppler(
      'pdftotext',
      (await app.inject({ url: `/api/worksheets/${a.id}.pdf?answers=1` })).rawPayload,
    );
    // Each item is printed after its position number in the key.
    for (const item of order.items) {
      const position = order.correct.indexOf(item.id) + 1;
      const words = item.text.text.split(' ').slice(0, 3).join(' ');
      expect(key.replace(/\s+/g, ' ')).toMatch(new RegExp(`${position} ${escape(words)}`));
    }
  });

  it('sizes pages A4 or US Letter', async () => {
    const id = 'sample-prize-message';
    const a4 = poppler(
      'pdfinfo',
      (await app.inject({ url: `/api/worksheets/${id}.pdf` })).rawPayload,
    );
    const letter = poppler(
      'pdfinfo',
      (await app.inject({ url: `/api/worksheets/${id}.pdf?paper=letter` })).rawPayload,
    );
    expect(a4).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(letter).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('serves the second request from the cache, and 304 for a current copy', async () => {
    const url = '/api/worksheets/sample-profile-setup.pdf?paper=letter&answers=1';
    const first = await app.inject({ url });
    const second = await app.inject({ url });
    expect(second.headers['x-kite-cache']).toBe('hit');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers.etag).toBe(first.headers.etag);
    const again = await app.inject({ url, headers: { 'if-none-match': first.headers.etag! } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await app.inject({ url: url.replace('answers=1', 'answers=0') });
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it.each([
    ['/api/worksheets/no-such-activity.pdf', 404, 'unknown_activity'],
    ['/api/worksheets/sample-prize-message.pdf?lang=fr', 400, 'unsupported_language'],
    ['/api/worksheets/sample-prize-message.pdf?lang=%3Cscript%3E', 400, 'unsupported_language'],
    ['/api/worksheets/sample-prize-message.pdf?paper=a3', 400, 'unsupported_paper'],
    ['/api/worksheets/sample-prize-message.pdf?answers=yes', 400, 'validation_failed'],
    ['/api/worksheets/sample-prize-message.pdf?paper=a4&paper=letter', 400, 'validation_failed'],
    ['/api/challenges/no-such-challenge.pdf', 404, 'unknown_challenge'],
    ['/api/challenges/three-adverts.pdf?paper=legal', 400, 'unsupported_paper'],
    ['/api/guides/no-such-guide.pdf', 404, 'unknown_guide'],
    ['/api/guides/scams-8-10.pdf?audience=children', 400, 'validation_failed'],
    ['/api/guides/scams-8-10.pdf?lang=fr', 400, 'unsupported_language'],
    ['/api/worksheets/sample-prize-message.pdf?answers=zzz', 400, 'validation_failed'],
    ['/api/worksheets/sample-prize-message.pdf?color=red', 400, 'unknown_parameter'],
    ['/api/challenges/three-adverts.pdf?answers=1', 400, 'unknown_parameter'],
    ['/api/guides/scams-8-10.pdf?lang=en&x', 400, 'unknown_parameter'],
    [`/api/worksheets/${'a'.repeat(100)}.pdf`, 404, 'unknown_activity'],
    [`/api/worksheets/${'a'.repeat(101)}.pdf`, 414, 'uri_too_long'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('declares the PDF routes in a valid OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect((await new Validator().validate(doc)).valid).toBe(true);
    for (const path of [
      '/api/worksheets/{activityId}.pdf',
      '/api/challenges/{challengeId}.pdf',
      '/api/guides/{guideId}.pdf',
    ]) {
      const op = doc.paths[path].get;
      expect(op.security).toEqual([]);
      expect(op.responses['200'].content['application/pdf'].schema.format).toBe('binary');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '404', '429']));
    }
  });
});

describe('Khmer worksheet (test/fixtures/khmer)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(khmer);
  });

  it('extracts the Khmer title and every question exactly', async () => {
    const a = khmer.activities.get('km-strong-password' as never)!;
    const km = khmer.locales.get('km' as never)!;
    const tr = (id: string) => km.get(id as never)?.text;
    const res = await app.inject({ url: `/api/worksheets/${a.id}.pdf?lang=km` });
    expect(res.statusCode).toBe(200);
    const raw = poppler('pdftotext', res.rawPayload);
    const lines = raw.split('\n').map((l) => l.trim());
    expect(lines).toContain('ពាក្យសម្ងាត់ខ្លាំង');
    expect(tr(a.title.id)).toBe('ពាក្យសម្ងាត់ខ្លាំង');
    const text = raw.replace(/\s+/g, ' ');
    for (const s of worksheetStrings(a)) {
      const id = a.worksheet.questions
        .flatMap((q) => [
          q.prompt,
          ...(q.kind === 'tick'
            ? q.options.map((o) => o.text)
            : q.kind === 'match'
              ? [...q.left, ...q.right].map((o) => o.text)
              : q.kind === 'order'
                ? q.items.map((o) => o.text)
                : []),
        ])
        .find((t) => t.text === s)!.id;
      // Khmer where translated (123456 stays as written).
      expect(text).toContain(tr(id) ?? s);
    }
    expect(text).toContain('ហេតុអ្វីបានជាយើងមិនគួរចែករំលែកពាក្យសម្ងាត់?');
    expect(text).toContain('តើអ្នកអាចប្រាប់នរណា ប្រសិនបើមាននរណាម្នាក់សុំពាក្យសម្ងាត់របស់អ្នក?');
    expect(text).toContain('ឈ្មោះ៖');
    // Not the English source.
    expect(text).not.toContain(a.title.text);
  });

  it('prints the fixture’s picture on the Khmer sheet, and none of the SVG’s own text', async () => {
    const url = '/api/worksheets/km-strong-password.pdf?lang=km';
    const pictured = (await app.inject({ url })).rawPayload;
    const bare = await appFor(withoutPictures(khmer));
    const plain = (await bare.inject({ url })).rawPayload;
    expect(greyArea(pictured)).toBeGreaterThan(2 * greyArea(plain) + 300);
    const text = textOf(pictured);
    expect(text).not.toContain('FIXTURE-TEXT');
    expect(text).not.toContain('A closed padlock');
    expect(text).toContain('ឈ្មោះ៖');
  });

  it('puts the Khmer model answers in the key only', async () => {
    const child = textOf(
      (await app.inject({ url: '/api/worksheets/km-strong-password.pdf?lang=km' })).rawPayload,
    );
    const key = textOf(
      (await app.inject({ url: '/api/worksheets/km-strong-password.pdf?lang=km&answers=1' }))
        .rawPayload,
    );
    for (const answer of ['ព្រោះវាជាការសម្ងាត់របស់យើង។', 'ឪពុកម្តាយ អ្នកថែទាំ ឬគ្រូបង្រៀន។']) {
      expect(key).toContain(answer);
      expect(child).not.toContain(answer);
    }
  });

  it('prints the same activity in English from the same content', async () => {
    const text = textOf(
      (await app.inject({ url: '/api/worksheets/km-strong-password.pdf?lang=en&paper=letter' }))
        .rawPayload,
    );
    expect(text).toContain('A strong password');
    expect(text).toContain('Why should we not share our passwords?');
  });
});

describe('challenge cards and guides', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appFor(content);
  });

  it('prints a challenge card with its steps', async () => {
    const c = content.challenges.get('family-password-plan' as never)!;
    const res = await app.inject({ url: `/api/challenges/${c.id}.pdf?paper=letter` });
    expect(res.statusCode).toBe(200);
    expect(poppler('pdfinfo', res.rawPayload)).toMatch(/\(letter\)/);
    const text = textOf(res.rawPayload);
    expect(text).toContain(c.title.text);
    expect(text).toContain('A family challenge');
    for (const step of c.steps) expect(text).toContain(step.text);
  });

  it('prints a guide for parents and one for teachers from its sections', async () => {
    const g = content.guides.get('scams-8-10' as never)!;
    const parents = textOf((await app.inject({ url: `/api/guides/${g.id}.pdf` })).rawPayload);
    const teachers = textOf(
      (await app.inject({ url: `/api/guides/${g.id}.pdf?audience=teachers` })).rawPayload,
    );
    expect(parents).toContain('For parents and carers');
    expect(teachers).toContain('For teachers');
    for (const t of [...g.risk, ...g.practises]) {
      expect(parents).toContain(t.text);
      expect(teachers).toContain(t.text);
    }
    for (const t of g.parents.settingsChecklist) expect(parents).toContain(t.text);
    for (const t of g.teachers.inClass) {
      expect(teachers).toContain(t.text);
      expect(parents).not.toContain(t.text);
    }
    // {helpline} is filled from the country pack; intl's entry is a directory, named by its mention.
    expect(parents).toContain(
      "your country's child helpline (find it at Child Helpline International) can help you find someone",
    );
  });
});

describe('deployment settings', () => {
  it('prints only verified helplines for children, and marks the rest for adults (KITE_COUNTRY=kh)', async () => {
    const app = await appFor(content, { country: 'kh' });
    const worksheet = unhyphenated(
      textOf((await app.inject({ url: '/api/worksheets/sample-prize-message.pdf' })).rawPayload),
    );
    expect(worksheet).toContain('contact Child Helpline Cambodia (1280).');
    for (const unconfirmed of ['to verify', 'APLE', '1288'])
      expect(worksheet).not.toContain(unconfirmed);
    const guide = unhyphenated(
      textOf((await app.inject({ url: '/api/guides/scams-8-10.pdf' })).rawPayload),
    );
    expect(guide).toContain('To report abuse: Internet Hotline Cambodia (APLE)');
    expect(guide).toContain('Police hotline (1288) (to verify)');
  });

  it('rate-limits the PDF routes with a stable code', async () => {
    const app = await appFor(content, { pdfRateLimit: { max: 2, timeWindow: '1 minute' } });
    const url = '/api/challenges/three-adverts.pdf';
    expect((await app.inject({ url })).statusCode).toBe(200);
    expect((await app.inject({ url })).statusCode).toBe(200);
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate_limited');
  });

  it('offers no worksheet, card or guide of a topic the deployment switched off', async () => {
    const app = await appFor(content, { disabledTopics: ['scams'] });
    const scams = (m: ReadonlyMap<string, { topic: string }>) =>
      [...m.values()].find((v) => v.topic === 'scams') as { id: string } | undefined;
    const activity = scams(content.activities)!;
    const guide = scams(content.guides)!;
    const urls = [`/api/worksheets/${activity.id}.pdf`, `/api/guides/${guide.id}.pdf`];
    const challenge = scams(content.challenges);
    if (challenge) urls.push(`/api/challenges/${challenge.id}.pdf`);
    for (const url of urls) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_offered');
    }
    // A topic left on is served, and an id that never existed is still unknown.
    const other = [...content.activities.values()].find((a) => a.topic !== 'scams')!;
    expect((await app.inject({ url: `/api/worksheets/${other.id}.pdf` })).statusCode).toBe(200);
    const none = await app.inject({ url: '/api/worksheets/no-such-activity.pdf' });
    expect(none.json().error.code).toBe('unknown_activity');
  });

  it('serves no PDF routes when no catalogue is given', async () => {
    const testDb = await freshSqlite();
    dbs.push(testDb);
    const app = await createApp({ db: testDb.db });
    apps.push(app);
    const res = await app.inject({ url: '/api/worksheets/sample-prize-message.pdf' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('main: content at start', () => {
  compiledBuildBeforeAll();
  async function runMain(
    env: Record<string, string>,
    whileRunning?: (port: number) => Promise<void>,
  ) {
    const port = await freePort();
    // The compiled server (build/, brought up to date by compiledEntry).
    const entry = await compiledEntry(COMPILED_SERVER);
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [entry], {
        env: {
          ...process.env,
          KITE_DATA_DIR: dir,
          KITE_WEB_DIR: 'no-such-dir',
          PORT: String(port),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
        if (whileRunning && stdout.includes('Kite is running')) {
          const run = whileRunning;
          whileRunning = undefined;
          void run(port).finally(() => child.kill('SIGTERM'));
        }
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
  }

  it('serves only the core pack by default; KITE_PACKS adds the sample pack', async () => {
    const status = (port: number, id: string) =>
      fetch(`http://127.0.0.1:${port}/api/worksheets/${id}.pdf`).then((r) => r.status);
    const byDefault: number[] = [];
    // A server that stopped before it served says why (its stderr) in the failure.
    const first = await runMain({}, async (port) => {
      byDefault.push(await status(port, 'contact-5-7-identify'));
      byDefault.push(await status(port, 'sample-prize-message'));
    });
    expect(byDefault, first.stderr).toEqual([200, 404]);
    const withSample: number[] = [];
    const second = await runMain({ KITE_PACKS: 'core,sample' }, async (port) => {
      withSample.push(await status(port, 'sample-prize-message'));
    });
    expect(withSample, second.stderr).toEqual([200]);
  }, 60_000);

  it('refuses a pack that is not there, in one line', async () => {
    const r = await runMain({ KITE_PACKS: 'core,nowhere' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'kite: KITE_PACKS names "nowhere" but ./content/packs/ has no nowhere/pack.json',
    );
  });

  it('refuses to start on content with errors, in one line', async () => {
    const r = await runMain({ KITE_CONTENT_DIR: 'test/fixtures/content-broken/dead-end' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kite: The content in test\/fixtures\/content-broken\/dead-end has/);
  });

  it('refuses a country without its pack, in one line', async () => {
    const r = await runMain({
      KITE_CONTENT_DIR: 'test/fixtures/khmer',
      KITE_PACKS: 'khmer',
      KITE_COUNTRY: 'xx',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'kite: KITE_COUNTRY is "xx" but test/fixtures/khmer/countries/ has no xx.json',
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
