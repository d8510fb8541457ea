import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import framework from '../../content/industry/kite-cop-industry/v1.json';
import { translatorFor, usableMessages } from '../../src/engine';
import type { LocaleCode, Text } from '../../src/engine';
import { shippedContent } from '../helpers/content';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { outbox } from '../helpers/account-client';
import { signInAdult } from '../helpers/adult-browser';
import { browserAvailable, watchContext } from '../helpers/browser';
import { axeViolations } from '../helpers/class-child';
import { People, wallClock } from '../helpers/people';
import { browserSuite } from '../helpers/suite';

// Issue #16's journey in the browser: a company describes its service and completes its
// self-assessment with documents (an image is refused, with the reason); a coordinator starts
// the review and asks for a clarification on one question; the company answers and responds;
// the coordinator accepts with a feedback letter; both download the report; the company
// resubmits and the report shows what changed. Practice mode sends none of its answers anywhere.
// axe finds nothing on every page, at 360 px wide.
const enabled = browserAvailable();
const catalogue = (await shippedContent()).catalogue;
const translateKm = translatorFor(catalogue, 'km' as LocaleCode);
/** A framework text in Khmer, as the build translates it. */
const khmer = (t: { id: string; text: string }) => translateKm(t as Text);
const uiKm = usableMessages(
  JSON.parse(readFileSync('content/ui/en.json', 'utf8')) as Record<string, string>,
  JSON.parse(readFileSync('content/ui/km.json', 'utf8')),
);

const FEATURES = [
  'Stores files or pages for others',
  'Lets users post content',
  'Lets users contact each other',
];
type Q = (typeof framework.questions)[number] & { appliesIf?: string[] };
const QUESTIONS = framework.questions as Q[];
const text = (id: string) => QUESTIONS.find((q) => q.id === id)!.text.text;
/** A question asked only of services with live video: this service has none. */
const LIVE_ONLY = QUESTIONS.find(
  (q) => q.appliesIf?.length === 1 && q.appliesIf[0] === 'livestream',
)!;

/** A small, real one-page PDF whose text says `line` (offsets computed, as a reader checks). */
function pdf(line: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 24 72 Td (${line}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 24 72 Td (${line}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 1×1 PNG: what a screenshot of a user would be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const pdfText = (bytes: number[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kite-industry-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), Buffer.from(bytes));
    return execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The report PDF behind the page's download link, as bytes, with its status and type. */
const download = (page: Page, name: RegExp) =>
  page
    .getByRole('link', { name })
    .getAttribute('href')
    .then((href) =>
      page.evaluate(async (url) => {
        const res = await fetch(url!);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          bytes: [...new Uint8Array(await res.arrayBuffer())],
        };
      }, href),
    );

const card = (page: Page, id: string): Locator => page.getByRole('region', { name: text(id) });

/** Answers every question of the open section: `level(id)` on the scale, a document where needed. */
async function answerSection(page: Page, level: (id: string) => number | 'na'): Promise<string[]> {
  const ids = await page
    .locator('section.question')
    .evaluateAll((els) => els.map((e) => e.id.replace(/^q-/, '')));
  for (const id of ids) {
    const c = card(page, id);
    const l = level(id);
    if (l === 'na') {
      await c.getByRole('radio', { name: /^Not applicable/ }).check();
      await c.getByLabel('Why it does not apply').fill('The service has no such feature.');
    } else {
      await c.getByRole('radio', { name: new RegExp(`^${l} · `) }).check();
      await c.getByLabel('What is in place (optional)').fill(`Level ${l} for ${id}.`);
    }
    await c.getByRole('button', { name: 'Save the answer' }).click();
    await c.getByRole('status').getByText('Saved.').waitFor();
    const q = QUESTIONS.find((x) => x.id === id)!;
    if (q.evidence === 'document' && l !== 'na') {
      const attach = c.getByLabel('Attach a document');
      if ((await c.locator('.evidence-list li').count()) === 0) {
        await attach.setInputFiles({
          name: `${id}.pdf`,
          mimeType: 'application/pdf',
          buffer: pdf(`Evidence for ${id}`),
        });
        await c.getByText(`${id}.pdf is attached.`).waitFor();
      }
    }
  }
  return ids;
}

/** Walks every section with `answerSection`, returning every question shown. */
async function answerAll(page: Page, level: (id: string) => number | 'na'): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < framework.sections.length; i++) {
    await page
      .getByRole('heading', { level: 2, name: framework.sections[i]!.title.text })
      .waitFor();
    seen.push(...(await answerSection(page, level)));
    const next = framework.sections[i + 1];
    if (next) await page.getByRole('button', { name: `Next section: ${next.title.text}` }).click();
  }
  return seen;
}

describe.skipIf(!enabled)('a company self-assessment, reviewed by a coordinator', () => {
  const mail = outbox();
  const evidenceDir = mkdtempSync(join(tmpdir(), 'kite-evidence-'));
  afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));
  const suite = browserSuite({
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
    catalogue,
    industry: { evidenceDir },
  });
  const clock = wallClock();

  it('profile, assessment, clarification, acceptance, report, resubmission, practice', async () => {
    const origin = suite.server.origin;
    const people = new People(suite.server.app, mail, clock);
    await people.bootstrap();
    const newContext = async () => {
      const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
      return { context, watch: watchContext(context, origin), page: await context.newPage() };
    };
    const axe = async (page: Page, where: string) =>
      expect(await axeViolations(page), where).toEqual([]);

    // The company signs in and describes its service: three features, no live video.
    const company = (await people.make('company')).person;
    const co = await newContext();
    await signInAdult(co.page, company, { open: `${origin}/account/signin` });
    await co.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await co.page.getByRole('link', { name: 'Your child-safety self-assessment' }).click();
    await co.page
      .getByRole('heading', { level: 1, name: 'Child-safety self-assessment' })
      .waitFor();
    await axe(co.page, 'company home, empty');
    await co.page.getByRole('link', { name: 'Describe a service' }).click();
    await co.page.getByLabel('Name of the service').fill('PlayChat');
    await co.page.getByLabel('Kind of service').selectOption({ label: 'Messaging or calls' });
    for (const f of FEATURES) await co.page.getByRole('checkbox', { name: new RegExp(f) }).check();
    const count = co.page.locator('.question-count');
    const without = await count.textContent();
    await co.page.getByRole('checkbox', { name: /Live video/ }).check();
    await expect.poll(() => count.textContent()).not.toBe(without);
    await co.page.getByRole('checkbox', { name: /Live video/ }).uncheck();
    await expect.poll(() => count.textContent()).toBe(without);
    await co.page.getByRole('radio', { name: /^Many/ }).check();
    await axe(co.page, 'service profile');
    await co.page.getByRole('button', { name: 'Save the service' }).click();
    await co.page.getByRole('heading', { level: 3, name: 'PlayChat' }).waitFor();
    await axe(co.page, 'company home, one service');

    // The assessment: every question asked, one N/A (which needs its reason), documents.
    await co.page.getByRole('button', { name: 'Start an assessment' }).click();
    await co.page.getByRole('heading', { level: 1, name: 'Assessment' }).waitFor();
    const assessmentUrl = co.page.url();
    await axe(co.page, 'assessment form');
    const first = QUESTIONS[0]!;
    const firstCard = card(co.page, first.id);
    await firstCard.getByRole('radio', { name: /^Not applicable/ }).check();
    await firstCard.getByRole('button', { name: 'Save the answer' }).click();
    await firstCard.getByText('Say why the question does not apply.').waitFor();

    // An image is refused in the browser, with the reason, and never sent.
    const evidencePosts: string[] = [];
    co.page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/evidence/')) evidencePosts.push(r.url());
    });
    await firstCard
      .getByLabel('Attach a document')
      .setInputFiles({ name: 'moderation-queue.png', mimeType: 'image/png', buffer: PNG });
    const refusal = firstCard.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toMatch(/Images are not accepted/);
    expect(await refusal.textContent()).toMatch(/other children's personal data or illegal images/);
    expect(evidencePosts).toEqual([]);
    // An image named and typed as a PDF passes the browser; the server reads its bytes and
    // refuses it with the same explanation.
    await firstCard.getByLabel('Attach a document').setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: PNG,
    });
    await expect.poll(() => evidencePosts.length).toBe(1);
    await expect
      .poll(() => refusal.textContent())
      .toMatch(/Images are not accepted.*other children's personal data or illegal images/);
    expect(await firstCard.locator('.evidence-list li').count()).toBe(0);
    await expect(firstCard.getByText(/Documents only: PDF/).isVisible()).resolves.toBe(true);

    const NA = QUESTIONS.find((q) => q.evidence === 'none' && !q.critical && !q.appliesIf)!.id;
    const CLARIFY = first.id;
    /** A critical question only planned: a gap, and the maturity capped at 2. */
    const GAP = QUESTIONS.find((q) => q.critical && !q.appliesIf)!.id;
    const levels = (clarified: number) => (id: string) =>
      id === NA ? 'na' : id === CLARIFY ? clarified : id === GAP ? 1 : 3;
    const asked = await answerAll(co.page, levels(2));
    expect(asked).not.toContain(LIVE_ONLY.id);
    expect(asked.length).toBeGreaterThan(10);
    expect(await co.page.getByText(LIVE_ONLY.text.text).count()).toBe(0);
    await co.page
      .getByText('Every question is answered and every document needed is attached.')
      .waitFor();
    await axe(co.page, 'assessment ready to submit');
    await co.page.getByRole('button', { name: 'Submit the assessment' }).click();
    await co.page.locator('.state-badge', { hasText: 'Submitted' }).first().waitFor();

    // The coordinator starts the review and asks about one question, with a note kept internal.
    const coordinator = people.operators.coordinator;
    const rv = await newContext();
    await signInAdult(rv.page, coordinator, { open: `${origin}/account/signin` });
    await rv.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await rv.page.getByRole('link', { name: 'Industry assessments to review' }).click();
    await rv.page.getByRole('heading', { level: 1, name: 'Assessments to review' }).waitFor();
    await axe(rv.page, 'queue');
    await rv.page.getByRole('link', { name: 'PlayChat' }).click();
    await rv.page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
    await rv.page.getByRole('button', { name: 'Start the review' }).click();
    await rv.page.locator('.state-badge', { hasText: 'In review' }).waitFor();
    await axe(rv.page, 'review');
    const rvCard = card(rv.page, CLARIFY);
    await rvCard.getByLabel('Your comment').fill('Internal: compare with last year.');
    await rvCard.getByRole('button', { name: 'Add the comment' }).click();
    await rvCard.getByText('Internal note: the company does not see it').waitFor();
    await rvCard.getByRole('button', { name: 'Ask the company to clarify' }).click();
    const due = await rvCard.getByLabel('Answer due by').inputValue();
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await rvCard
      .getByLabel('Your question to the company')
      .fill('Does the policy cover contractors who moderate content?');
    await rvCard.getByRole('button', { name: 'Send the request' }).click();
    await rv.page.locator('.state-badge', { hasText: 'Clarification requested' }).waitFor();
    await axe(rv.page, 'review, clarification asked');
    // The wide layout too: the sections beside the questions.
    await rv.page.setViewportSize({ width: 1280, height: 800 });
    await rv.page.getByRole('heading', { level: 2, name: 'Sections' }).waitFor();
    await axe(rv.page, 'review, 1280 px wide');
    await rv.page.setViewportSize({ width: 360, height: 740 });

    // The company sees the question and its deadline (not the internal note), answers, responds.
    await co.page.goto(assessmentUrl);
    await co.page.getByRole('heading', { name: 'The coordinator asks you to clarify' }).waitFor();
    await co.page
      .getByText('Does the policy cover contractors who moderate content?')
      .first()
      .waitFor();
    expect(await co.page.getByText('Internal: compare with last year.').count()).toBe(0);
    await axe(co.page, 'clarification requested');
    // The company asks for a week more, with its reason; the coordinator grants it.
    const clarCard = co.page.locator('.clarification-card');
    const dueBefore = await clarCard.getByText(/^Due by /).textContent();
    const later = new Date(Date.parse(`${due}T12:00:00Z`) + 7 * 86_400_000).toISOString();
    await clarCard.getByRole('button', { name: 'Ask for more time' }).click();
    await clarCard.getByLabel('New date you need').fill(later.slice(0, 10));
    await clarCard
      .getByLabel('Why you need more time')
      .fill('Our legal team reviews the contractor clause next week.');
    await clarCard.getByRole('button', { name: 'Send the request' }).click();
    await clarCard.getByText(/You asked for more time, until/).waitFor();
    await axe(co.page, 'extension asked');
    await rv.page.reload();
    await rv.page.getByText(/The company asks to move the deadline from/).waitFor();
    await rv.page.getByText('Our legal team reviews the contractor clause next week.').waitFor();
    await rv.page.getByRole('button', { name: 'Grant' }).click();
    await rv.page.getByText(/The company asks to move the deadline/).waitFor({ state: 'hidden' });
    await co.page.reload();
    await clarCard.getByText(/^Due by /).waitFor();
    expect(await clarCard.getByText(/^Due by /).textContent()).not.toBe(dueBefore);
    expect(await clarCard.getByText(/You asked for more time/).count()).toBe(0);
    await co.page.getByRole('link', { name: text(CLARIFY) }).click();
    const coCard = card(co.page, CLARIFY);
    await coCard.getByRole('radio', { name: /^3 · / }).check();
    await coCard.getByRole('button', { name: 'Save the answer' }).click();
    await coCard.getByRole('status').getByText('Saved.').waitFor();
    await coCard
      .getByLabel('Your reply to the coordinator')
      .fill('Yes: contractors sign the same policy; the contract clause is attached.');
    await coCard.getByRole('button', { name: 'Send the reply' }).click();
    await coCard.getByText('Yes: contractors sign the same policy').first().waitFor();
    await co.page.getByRole('button', { name: 'Send your response' }).click();
    await co.page.locator('.state-badge', { hasText: 'Responded' }).waitFor();

    // The coordinator continues and accepts with a feedback letter.
    const LETTER = 'Thank you for a clear assessment. Please add age assurance first.';
    await rv.page.reload();
    await rv.page.getByRole('button', { name: 'Continue the review' }).click();
    await rv.page.getByLabel('Feedback letter').fill(LETTER);
    await rv.page.getByRole('button', { name: 'Accept with this letter' }).click();
    await rv.page.locator('.state-badge', { hasText: 'Accepted' }).waitFor();
    await rv.page.getByRole('link', { name: 'Scores, gaps and report' }).click();
    await rv.page.getByRole('heading', { level: 1, name: 'Results and report' }).waitFor();
    await axe(rv.page, 'results, coordinator');

    // Both download the report; its text names the service and carries the letter.
    for (const page of [rv.page, co.page]) {
      if (page === co.page) {
        await co.page.goto(assessmentUrl);
        await co.page.getByRole('link', { name: 'Results and report' }).click();
        await co.page.getByRole('heading', { level: 1, name: 'Results and report' }).waitFor();
        await co.page.getByText(LETTER).first().waitFor();
        await co.page.getByText('The maturity is capped at level 2.').waitFor();
        await axe(co.page, 'results, company');
      }
      const file = await download(page, /report \(PDF\)/);
      expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
      const words = pdfText(file.bytes);
      expect(words).toContain('PlayChat');
      expect(words).toContain('Thank you for a clear assessment.');
      const csv = await download(page, /answers \(CSV\)/);
      expect(csv.status).toBe(200);
      expect(Buffer.from(csv.bytes).toString('utf8')).toContain(CLARIFY);
    }

    // The company plans an action on its first gap, then resubmits with one answer raised.
    const gap = co.page.locator('.gap').first();
    await gap.getByLabel('Owner').fill('Trust and safety team');
    await gap.getByLabel('Due date').fill('2027-03-01');
    await gap.getByLabel('Status').selectOption({ label: 'In progress' });
    await gap.getByRole('button', { name: 'Save the action' }).click();
    await gap.getByRole('status').getByText('Saved.').waitFor();
    await co.page.goto(`${origin}/account/industry`);
    await co.page.getByRole('button', { name: /Start the next version/ }).click();
    await co.page.getByRole('heading', { level: 1, name: 'Assessment' }).waitFor();
    // The new draft's own page (the heading can show before the address changes).
    await co.page.waitForURL(/\/account\/industry\/assessments\/[^/]+$/);
    const nextVersion = co.page.url();
    const raised = card(co.page, CLARIFY);
    await raised.getByRole('radio', { name: /^4 · / }).check();
    await raised.getByRole('button', { name: 'Save the answer' }).click();
    await raised.getByRole('status').getByText('Saved.').waitFor();
    // The new version carries the answers and the documents over: nothing blocks submitting.
    expect(await co.page.locator('.blockers li').count()).toBe(0);
    await co.page.getByRole('button', { name: 'Submit the assessment' }).click();
    await co.page.locator('.state-badge', { hasText: 'Submitted' }).first().waitFor();
    await co.page.getByRole('link', { name: 'Results and report' }).click();
    const changes = co.page.getByRole('region', { name: 'Changes since the last version' });
    await changes.getByRole('row', { name: new RegExp(text(CLARIFY).slice(0, 30)) }).waitFor();
    expect(await changes.getByRole('row', { name: /3 · Implemented.*4 · Measured/ }).count()).toBe(
      1,
    );
    await axe(co.page, 'results with changes');

    // A submission not yet in review can be taken back, in two steps.
    await co.page.goto(nextVersion);
    const withdraw = co.page.getByRole('region', { name: 'Withdraw this assessment' });
    await withdraw.getByRole('button', { name: 'Withdraw…' }).click();
    await withdraw.getByText('This cannot be undone.').waitFor();
    await axe(co.page, 'withdraw, asking');
    await withdraw.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await co.page.getByText('You withdrew this assessment.').waitFor();
    await co.page.locator('.state-badge', { hasText: 'Withdrawn' }).first().waitFor();
    expect(await co.page.getByRole('region', { name: 'Withdraw this assessment' }).count()).toBe(0);

    // Statistics: one accepted company is fewer than five, so no numbers.
    await rv.page.goto(`${origin}/account/industry/statistics`);
    await rv.page.getByRole('heading', { level: 1, name: 'Sector statistics' }).waitFor();
    await rv.page.getByRole('cell', { name: 'fewer than 5 companies' }).first().waitFor();
    await axe(rv.page, 'statistics');
    await rv.page.setViewportSize({ width: 1280, height: 800 });
    await axe(rv.page, 'statistics, 1280 px wide');

    // The review goes to a colleague and back; then publication (IND-19): the coordinator
    // proposes, the company reads exactly what would be shown and agrees, the coordinator
    // publishes, and anyone reads the register without signing in.
    await rv.page.setViewportSize({ width: 360, height: 740 });
    await rv.page.goto(assessmentUrl.replace('/assessments/', '/review/'));
    const reviewer = rv.page.getByRole('region', { name: 'Reviewer' });
    await reviewer.getByText('You are the assigned reviewer').waitFor();
    const admin = people.operators.admin;
    await reviewer.getByLabel('Give this review to').selectOption({ label: admin.displayName });
    await reviewer.getByRole('button', { name: 'Give the review' }).click();
    await reviewer.getByText(`${admin.displayName} is now the reviewer.`).waitFor();
    await reviewer.getByText(`${admin.displayName} is the assigned reviewer.`).waitFor();
    await axe(rv.page, 'review given to a colleague');
    await reviewer
      .getByLabel('Give this review to')
      .selectOption({ label: `${coordinator.displayName} (you)` });
    await reviewer.getByRole('button', { name: 'Give the review' }).click();
    await reviewer.getByText('You are the assigned reviewer').waitFor();
    const publication = rv.page.getByRole('region', { name: 'Publication' });
    await publication.getByRole('button', { name: 'Propose publication' }).click();
    await publication.getByText("Write the organisation's public name.").waitFor();
    await publication.getByLabel("The organisation's public name").fill('PlayChat Ltd');
    await publication.getByRole('button', { name: 'Propose publication' }).click();
    await publication
      .getByText(/It can be published on .*, or sooner if the company agrees\./)
      .waitFor();
    await axe(rv.page, 'publication proposed');
    await co.page.goto(assessmentUrl);
    const proposal = co.page.getByRole('region', { name: 'Publication on the public register' });
    await proposal.getByRole('heading', { name: 'PlayChat Ltd: PlayChat' }).waitFor();
    await proposal.getByText('None: every answer is confidential.').waitFor();
    await axe(co.page, 'publication proposed, company');
    await proposal.getByRole('button', { name: 'Agree to publish now' }).click();
    await proposal.getByText(/You agreed on /).waitFor();
    await rv.page.reload();
    await publication.getByText(/The company agreed on /).waitFor();
    await publication.getByRole('button', { name: 'Publish on the register' }).click();
    await publication.getByText(/Published on the public register on /).waitFor();
    const pub = await newContext();
    await pub.page.goto(`${origin}/account/industry/register`);
    await pub.page
      .getByRole('heading', { level: 1, name: 'Public register of child-safety assessments' })
      .waitFor();
    await pub.page.getByRole('heading', { level: 2, name: 'PlayChat Ltd: PlayChat' }).waitFor();
    await axe(pub.page, 'public register');
    expect(pub.watch.foreignRequests).toEqual([]);
    expect(pub.watch.consoleErrors).toEqual([]);
    await pub.context.close();

    // Practice mode: answers scored in the page; no request carries them.
    const pr = await newContext();
    const bodies: string[] = [];
    pr.context.on('request', (r) => bodies.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    await signInAdult(pr.page, company, { open: `${origin}/account/signin` });
    await pr.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await pr.page.goto(`${origin}/account/industry/practice`);
    await pr.page.getByRole('heading', { level: 1, name: 'Practice mode' }).waitFor();
    await pr.page.getByText('Nothing here leaves your browser').waitFor();
    const before = bodies.length;
    const SECRET = 'practice-only-narrative-7f3a';
    // With the keyboard only: the scale is one stop (arrows move), then the text, then Save.
    const pc = card(pr.page, first.id);
    await pc.getByRole('radio', { name: /^0 · / }).focus();
    await pr.page.keyboard.press('ArrowDown');
    expect(await pc.getByRole('radio', { name: /^1 · / }).isChecked()).toBe(true);
    await pr.page.keyboard.press('Tab');
    await pr.page.keyboard.type(SECRET);
    expect(await pc.getByLabel('What is in place (optional)').inputValue()).toBe(SECRET);
    await pr.page.keyboard.press('Tab');
    await pr.page.keyboard.press('Enter');
    await pr.page.locator('.score-big').waitFor();
    // One answer of 1 (planned) on the scale's 4: 25 %, scored by the engine in the page.
    expect((await pr.page.locator('.score-big').textContent())?.replace(/\s/g, '')).toMatch(/25%$/);
    await axe(pr.page, 'practice');
    // Only reads (the app's own configuration): nothing with a body, and nothing names the answer.
    expect(bodies.slice(before).filter((b) => !b.startsWith('GET '))).toEqual([]);
    expect(bodies.filter((b) => b.includes(SECRET))).toEqual([]);

    // On a device whose profile reads Khmer, practice mode asks the framework's questions in
    // Khmer (machine translations, which the page says).
    await pr.page.goto(`${origin}/`);
    await pr.page.getByRole('button', { name: 'ខ្មែរ' }).click();
    await pr.page.getByRole('button', { name: uiKm['first.band.5-7']! }).click();
    await pr.page.getByRole('button', { name: uiKm['avatar.fox']! }).click();
    await pr.page.getByRole('button', { name: uiKm['first.start']! }).click();
    await pr.page
      .getByRole('button', { name: uiKm['first.start']! })
      .waitFor({ state: 'detached' });
    await pr.page.goto(`${origin}/account/industry/practice`);
    const opening = framework.sections[0]!;
    await pr.page.getByRole('heading', { level: 2, name: khmer(opening.title) }).waitFor();
    const shown = QUESTIONS.find((q) => q.section === opening.id && !q.appliesIf)!;
    await pr.page.getByRole('region', { name: khmer(shown.text) }).waitFor();
    expect(khmer(shown.text)).not.toBe(shown.text.text);
    await pr.page.locator('.translation-note').waitFor();
    await axe(pr.page, 'practice, Khmer');

    // The browser logs the refused upload (415); nothing else went wrong on any page.
    expect(co.watch.consoleErrors).toEqual([expect.stringMatching(/status of 415/)]);
    co.watch.consoleErrors.length = 0;
    for (const who of [co, rv, pr]) {
      expect(who.watch.foreignRequests).toEqual([]);
      expect(who.watch.consoleErrors).toEqual([]);
      await who.context.close();
    }
  }, 600_000);
});
