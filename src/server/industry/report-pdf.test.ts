// The assessment report rendered to a real PDF and read back with poppler (pdftotext, pdffonts),
// in English and in Khmer, from the shipped framework and the shipped UI strings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../content/catalogue';
import {
  applicableQuestions,
  assessmentChanges,
  scoreAssessment,
  translatorFor,
} from '../../engine';
import type {
  ActionItem,
  Catalogue,
  IndustryAnswer,
  IndustryFramework,
  LocaleCode,
} from '../../engine';
import { createPdfRenderer } from '../pdf/renderer';
import type { PdfRenderer } from '../pdf/renderer';
import { assessmentReportCsv, assessmentReportModel } from './report-pdf';
import type { AssessmentReportInput } from './report-pdf';
import { ReportStringMissingError, reportStrings } from './report-strings';

let catalogue: Catalogue;
let framework: IndustryFramework;
let renderer: PdfRenderer;
let dir: string;

beforeAll(async () => {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  ({ catalogue } = await loadCatalogue('content'));
  framework = catalogue.industry!.get('kite-cop-industry@v1')!;
  renderer = await createPdfRenderer();
  dir = mkdtempSync(join(tmpdir(), 'kite-report-test-'));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const profile = { features: ['user-content', 'user-contact'] as const };
const SERVICE = 'Mekong Chat';

/** Everything at 4 but the critical `takedown` at 1 and two answers at 2: about 90 %, capped. */
function input(lang: string, more: Partial<AssessmentReportInput> = {}): AssessmentReportInput {
  const answers = new Map<string, IndustryAnswer>(
    applicableQuestions(framework, profile).map((q) => [q.id, { level: 4 }]),
  );
  answers.set('takedown', { level: 1 });
  answers.set('campaigns', { level: 2 });
  answers.set('privacy-info', { level: 2 });
  answers.set('geolocation', { level: 'na', reason: 'The service never asks for a location.' });
  const actions = new Map<string, ActionItem>([
    ['takedown', { owner: 'Trust and safety team', due: '2026-11-30', status: 'in-progress' }],
    ['privacy-info', { owner: 'Legal', due: '2027-02-28', status: 'open' }],
  ]);
  return {
    framework,
    text: translatorFor(catalogue, lang as LocaleCode),
    profile,
    answers,
    actions,
    service: { name: SERVICE, type: 'messaging' },
    state: 'accepted',
    date: '2026-12-01T09:30:00Z',
    today: '2026-12-05',
    feedbackLetter:
      'Thank you for a careful assessment.\n\nPlease write the takedown procedure first and send the next version within six months.',
    strings: reportStrings(catalogue, lang),
    ...more,
  };
}

async function render(i: AssessmentReportInput, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderer.render(assessmentReportModel(i)));
  return file;
}
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const squash = (s: string) => s.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('the assessment report PDF (IND-09)', () => {
  it('prints the service, the result with the critical cap explained, sections, gaps and plan', async () => {
    const i = input('en');
    const score = scoreAssessment(framework, profile, i.answers);
    expect(score).toMatchObject({ maturity: 2, criticalCap: true });
    expect(score.overall).toBeGreaterThan(85);
    const text = norm(pdftotext(await render(i, 'en')));
    for (const s of [
      'Child online protection self-assessment',
      `Report on ${SERVICE}`,
      'Messaging',
      'Child online protection: industry self-assessment, version 1',
      'Accepted',
      'December 1, 2026',
      'Level 2 of 4: Developing',
      'The overall score alone would give level 4.',
      'Thank you for a careful assessment.',
      'Trust and safety team',
      'In progress, overdue',
      'Confidential. Mekong Chat: self-assessment against',
    ])
      expect(text).toContain(s);
    for (const section of framework.sections) expect(text).toContain(section.title.text);
    // The most urgent gap is the critical takedown question (3 × (3 − 1)), with what to do.
    const top = score.gaps[0]!;
    expect(top.question).toBe('takedown');
    const recommendation = norm(top.recommendation.text.text);
    expect(text).toContain(`What to do: ${recommendation}`);
    expect(text.indexOf(recommendation)).toBeLessThan(
      text.indexOf(norm(score.gaps[1]!.recommendation.text.text)),
    );
    // pdftotext joins a line broken after a hyphen without it: compare without hyphens.
    const unhyphenated = squash(text).replace(/-/g, '');
    for (const url of top.recommendation.resources)
      expect(unhyphenated).toContain(url.replace(/-/g, ''));
    // Not an action planned for a question that is not a gap (Legal's is, and is not overdue).
    expect(text).toContain('Legal');
    expect(text).not.toContain('Open, overdue');
  }, 30_000);

  it('says when there is no score, no gap, no plan and no letter', async () => {
    const text = norm(
      pdftotext(
        await render(
          input('en', {
            answers: new Map(),
            actions: new Map(),
            feedbackLetter: null,
            state: 'draft',
            date: 'someday',
          }),
          'empty',
        ),
      ),
    );
    expect(text).toContain('Not scored yet');
    expect(text).toContain('No answer is below its target.');
    expect(text).toContain('No actions planned yet.');
    expect(text).not.toContain('Feedback letter');
    expect(text).toContain('Draft');
    expect(text).toContain('Date someday');
  }, 30_000);

  it('shows the changes since the last version when there is one', async () => {
    const now = input('en');
    const before = new Map(now.answers);
    before.set('takedown', { level: 0 });
    before.delete('campaigns');
    const changes = assessmentChanges(
      { framework, profile: { features: ['user-content'] }, answers: before },
      { framework, profile, answers: now.answers },
    );
    // takedown 0 → 1, campaigns unanswered → 2, and two questions newly asked (user contact).
    expect(changes.answers.map((a) => [a.question, a.kind])).toEqual([
      ['takedown', 'changed'],
      ['grooming', 'added'],
      ['unknown-adults', 'added'],
      ['campaigns', 'changed'],
    ]);
    const text = norm(pdftotext(await render({ ...now, changes }, 'changes')));
    expect(text).toContain('Changes since the last version');
    const q = (id: string) => norm(framework.questions.find((x) => x.id === id)!.text.text);
    expect(text).toMatch(new RegExp(`${escape(q('takedown'))}.*0 Not in place.*1 Planned`));
    expect(text).toMatch(new RegExp(`${escape(q('campaigns'))}.*no answer.*2 Partly implemented`));
    expect(text).toMatch(new RegExp(`${escape(q('grooming'))}.*not asked.*4 Measured`));
    const without = norm(pdftotext(await render(now, 'no-changes')));
    expect(without).not.toContain('Changes since the last version');
  }, 30_000);

  it('prints in Khmer with a Khmer font', async () => {
    const file = await render(input('km'), 'km');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansKhmer/);
    const text = squash(pdftotext(file));
    const km = reportStrings(catalogue, 'km');
    for (const key of ['title', 'sections', 'actions', 'maturity.2']) {
      expect(km.t(key)).not.toBe(reportStrings(catalogue, 'en').t(key));
      expect(text).toContain(squash(km.t(key)));
    }
    expect(text).toContain(squash(SERVICE));
  }, 30_000);

  it('exports the same report as CSV, every section in its summary', () => {
    const csv = assessmentReportCsv(input('km'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(reportStrings(catalogue, 'km').t('csv.questionText'));
    for (const section of framework.sections)
      expect(csv).toContain(
        `\r\n${csvField(translatorFor(catalogue, 'km' as LocaleCode)(section.title))},`,
      );
  });
});

describe('the report strings', () => {
  it('fall back to English for a language without a translation, and refuse an unknown key', () => {
    const th = reportStrings(catalogue, 'th');
    expect(th.t('maturityValue', { level: 3, name: 'x' })).toBe('Level 3 of 4: x');
    expect(() => th.t('no.such.key')).toThrow(ReportStringMissingError);
    expect(th.has('status.done')).toBe(true);
  });
});
