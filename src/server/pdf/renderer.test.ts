// Renders real PDFs and reads them back with poppler (pdftotext, pdfinfo, pdffonts), the way
// a user's viewer or a screen reader would. Needs Debian's poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfDocumentModel } from './model';
import { createPdfRenderer } from './renderer';
import type { PdfRenderer } from './renderer';
import {
  englishWorksheet,
  KHMER_PARAGRAPH,
  KHMER_SAMPLES,
  khmerWorksheet,
  MYANMAR_SAMPLE,
  MYANMAR_SENTENCE,
  myanmarDocument,
  THAI_SAMPLE,
  THAI_SENTENCE,
  thaiDocument,
} from './samples';

let renderer: PdfRenderer;
let dir: string;
let counter = 0;

beforeAll(async () => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext not found: install poppler-utils (apt-get install poppler-utils)');
  }
  renderer = await createPdfRenderer();
  dir = mkdtempSync(join(tmpdir(), 'kite-pdf-test-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function renderToFile(model: PdfDocumentModel): Promise<string> {
  const file = join(dir, `doc-${++counter}.pdf`);
  writeFileSync(file, await renderer.render(model));
  return file;
}

function pdftotext(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' });
}

/** Whitespace normalised: runs of whitespace (line breaks included) become one space. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** All whitespace removed, for text wrapped inside words of a spaceless script. */
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

describe('PDF text extraction', () => {
  it('English worksheet: title, questions, options and footer extract exactly', async () => {
    const file = await renderToFile(englishWorksheet());
    const text = norm(pdftotext(file));
    for (const s of [
      'Strong passwords',
      'Name:',
      'Class:',
      'A password is like the key to your house. A strong password is long, hard to guess and used for one account only.',
      '1. Why should you not use the same password everywhere?',
      '2. Which of these is the strongest password?',
      'purple-tractor-sings-loudly',
      '3. Match each word to its meaning.',
      'A secret that lets you in',
      '4. Draw a lock that keeps your secrets safe.',
      'Need help? Talk to an adult you trust, or call a child helpline.',
      '1 / 1',
    ]) {
      expect(text).toContain(s);
    }
    // Answers only appear in the answer key.
    expect(text).not.toContain('If one account is hacked');
  });

  it('Khmer worksheet: the test strings extract exactly, and the long paragraph in full', async () => {
    const file = await renderToFile(khmerWorksheet());
    const raw = pdftotext(file);
    const text = norm(raw);
    for (const s of KHMER_SAMPLES) expect(text).toContain(s);
    expect(text).toContain('ឈ្មោះ៖');
    expect(text).toContain('1. ហេតុអ្វីបានជាយើងមិនគួរចែករំលែកពាក្យសម្ងាត់?');
    expect(text).toContain('ដំរី-ពណ៌ស្វាយ-ច្រៀង');
    expect(text).toContain('Kite ខ្មែរ');
    // The paragraph wraps over several lines, so pdftotext puts line breaks in it (some
    // between words written without a space): compare it with whitespace removed, and check
    // that it did wrap.
    expect(squash(raw)).toContain(squash(KHMER_PARAGRAPH));
    const paragraphLines = raw
      .split('\n')
      .filter((l) => l.trim() !== '' && squash(KHMER_PARAGRAPH).includes(squash(l)));
    expect(paragraphLines.length).toBeGreaterThanOrEqual(3);
  });

  it('Thai extracts exactly', async () => {
    const text = norm(pdftotext(await renderToFile(thaiDocument())));
    expect(text).toContain(THAI_SAMPLE);
    expect(text).toContain(THAI_SENTENCE);
  });

  it('Myanmar extracts exactly', async () => {
    const text = norm(pdftotext(await renderToFile(myanmarDocument())));
    expect(text).toContain(MYANMAR_SAMPLE);
    expect(text).toContain(MYANMAR_SENTENCE);
  });

  it('mixed-script lines extract in logical order', async () => {
    const line = 'Kite ខ្មែរ ภาษาไทย မြန်မာ (2025)';
    const file = await renderToFile({
      pageSize: 'a4',
      lang: 'en',
      title: 'Mixed',
      blocks: [{ type: 'paragraph', text: line }],
    });
    expect(norm(pdftotext(file))).toBe(line);
  });

  it('the answer key shows the answers', async () => {
    const file = await renderToFile(englishWorksheet({ showAnswers: true }));
    const text = norm(pdftotext(file));
    expect(text).toContain('If one account is hacked, the others stay safe.');
    const km = norm(pdftotext(await renderToFile(khmerWorksheet({ showAnswers: true }))));
    expect(km).toContain('ព្រោះវាជាការសម្ងាត់របស់យើង។');
  });
});

describe('PDF structure', () => {
  it('uses A4 and Letter page sizes', async () => {
    const a4 = pdfinfo(await renderToFile(englishWorksheet({ pageSize: 'a4' })));
    expect(a4['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    const letter = pdfinfo(await renderToFile(englishWorksheet({ pageSize: 'letter' })));
    expect(letter['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it('writes the title and language, and is tagged', async () => {
    const info = pdfinfo(await renderToFile(khmerWorksheet()));
    expect(info['Title']).toBe('ពាក្យសម្ងាត់ខ្លាំង');
    expect(info['Tagged']).toBe('yes');
    expect(info['CreationDate']).toMatch(/2000/);
  });

  it('embeds subsets of the fonts it uses, and only those', async () => {
    const file = await renderToFile(khmerWorksheet());
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
    const fonts = rows.filter((r) => r.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    }
    expect(fonts.some((r) => r.includes('NotoSansKhmer-Regular'))).toBe(true);
    expect(fonts.some((r) => r.includes('Myanmar'))).toBe(false);
  });

  it('is deterministic for the same input, and the creation date can be injected', async () => {
    const a = await renderer.render(khmerWorksheet());
    const b = await renderer.render(khmerWorksheet());
    expect(a.equals(b)).toBe(true);
    const c = await renderer.render(khmerWorksheet(), {
      creationDate: new Date('2024-05-01T00:00:00Z'),
    });
    expect(c.equals(a)).toBe(false);
  });

  it('breaks onto new pages, repeating the footer with page numbers', async () => {
    const blocks: PdfDocumentModel['blocks'] = [];
    for (let i = 1; i <= 14; i++) {
      blocks.push({
        type: 'question',
        number: i,
        prompt: `${KHMER_SAMPLES[i % 3]} ${i}`,
        answer: { kind: 'lines', count: 3 },
      });
    }
    const file = await renderToFile(
      khmerWorksheet({ blocks, footer: 'ជំនួយ 1280', largeType: true }),
    );
    const pages = Number(pdfinfo(file)['Pages']);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const text = norm(pdftotext(file, p));
      expect(text).toContain('ជំនួយ 1280');
      expect(text).toContain(`${p} / ${pages}`);
    }
    // Every question is there, each one whole on a single page.
    const all = Array.from({ length: pages }, (_, i) => norm(pdftotext(file, i + 1)));
    for (let i = 1; i <= 14; i++) {
      const prompt = `${i}. ${KHMER_SAMPLES[i % 3]} ${i}`;
      expect(all.filter((t) => t.includes(prompt))).toHaveLength(1);
    }
  });
});
