// Screenshots of the industry pages with a stand-in API (for looking only; never committed).
import { readFileSync } from 'node:fs';
import { scoreAssessment, submissionBlockers } from './src/engine';
import type { IndustryFramework } from './src/engine';
import { resolvedFramework } from './src/web/industry/framework';
import { launchBrowser } from './test/helpers/browser';
import { startServer } from './test/helpers/server';

const raw = JSON.parse(readFileSync('content/industry/kite-cop-industry/v1.json', 'utf8')) as IndustryFramework;
const fw = resolvedFramework(raw, 'kite-cop-industry@v1');
const role = process.argv[2] ?? 'company';
const features = ['hosting', 'user-content', 'user-contact'] as const;
const answers: Record<string, unknown> = {};
const map = new Map<string, any>();
raw.questions.forEach((q, i) => {
  if (i > 18) return;
  const level = (i * 7) % 5;
  answers[q.id] = { level, reason: null, narrative: i % 3 ? 'A written policy signed by the board in 2024.' : '', confidentiality: 'confidential', updatedAt: '2026-11-01T10:00:00Z' };
  map.set(q.id, { level });
});
const score = scoreAssessment(raw, { features: [...features] }, map);
const state = process.argv[3] ?? 'draft';
const assessment = {
  id: 'a1', state, framework: 'kite-cop-industry@v1',
  service: { id: 's1', name: 'PlayChat', type: 'messaging', features, childShare: 'many' },
  previousId: state === 'accepted' ? 'a0' : null, reviewer: role === 'company' ? 'u2' : 'me',
  answers, evidence: { policy: [{ id: 'e1', fileName: 'child-safety-policy-2026.pdf', mediaType: 'application/pdf', bytes: 182000, uploadedAt: '2026-11-02T09:00:00Z' }] },
  comments: [
    { id: 'c1', question: 'policy', parentId: null, author: 'coordinator', visibility: 'company', body: 'Does the policy cover contractors who moderate content?', resolvedAt: null, createdAt: '2026-11-10T09:00:00Z' },
    ...(role === 'company' ? [] : [{ id: 'c2', question: 'policy', parentId: null, author: 'coordinator', visibility: 'internal', body: 'Compare with last year: no mention of contractors then.', resolvedAt: null, createdAt: '2026-11-10T09:05:00Z' }]),
  ],
  deadlines: state === 'clarification-requested' ? [{ id: 'd1', kind: 'clarification', question: 'policy', dueAt: '2026-12-08', overdue: false, metAt: null, extensions: [] }] : [],
  actions: { [score.gaps[0]!.question]: { owner: 'Trust and safety team', due: '2026-03-01', status: 'in-progress' } },
  score, blockers: submissionBlockers(raw, { features: [...features] }, map, new Map([['policy', 1]])),
  next: role === 'company' ? (state === 'draft' ? ['submitted', 'withdrawn'] : []) : state === 'submitted' ? ['in-review'] : state === 'in-review' ? ['clarification-requested', 'accepted'] : [],
  feedbackLetter: state === 'accepted' ? 'Thank you for a thorough assessment. Your takedown procedure is clear. Please prioritise age assurance before the next version in 12 months.' : null,
};
const routes: Record<string, unknown> = {
  '/api/auth/session': { user: { id: 'me', email: 'x@example.org', displayName: 'Ana', role, status: 'active', mfaEnabled: true, mfaRequired: false }, stage: 'full' },
  '/api/industry/frameworks': [{ key: 'kite-cop-industry@v1', id: 'kite-cop-industry', version: 1, title: fw.title }],
  '/api/industry/frameworks/kite-cop-industry%40v1': fw,
  '/api/industry/services': [{ id: 's1', name: 'PlayChat', type: 'messaging', features, childShare: 'many' }],
  '/api/industry/assessments': [
    { id: 'a1', state, framework: 'kite-cop-industry@v1', service: { id: 's1', name: 'PlayChat' }, submittedAt: '2026-11-03T10:00:00Z', reviewer: null, deadline: { kind: 'review', dueAt: '2026-12-03', overdue: false } },
    { id: 'a2', state: 'accepted', framework: 'kite-cop-industry@v1', service: { id: 's2', name: 'Tunes for Kids' }, submittedAt: '2026-05-03T10:00:00Z', reviewer: 'me', deadline: null },
  ],
  '/api/industry/assessments/a1': assessment,
  '/api/industry/assessments/a1/changes': { previous: 'a0', answers: [{ question: 'policy', from: 1, to: 3 }, { question: 'staff', from: 'na', to: 2 }], sections: [{ section: 'governance', from: 30, to: 55 }], overall: { from: 35, to: 48 }, maturity: { from: 1, to: 2 } },
  '/api/industry/statistics': { framework: 'kite-cop-industry@v1', years: [
    { year: 2025, overall: { suppressed: true }, sections: {} },
    { year: 2026, overall: { companies: 7, median: 58, maturity: { 1: 1, 2: 3, 3: 2, 4: 1 } }, sections: Object.fromEntries(fw.sections.map((s, i) => [s.id, i === 6 ? { suppressed: true } : { companies: 7, median: 30 + i * 7, maturity: {} }])) },
  ] },
};
const server = await startServer('dist');
const browser = await launchBrowser();
const pages = (process.argv[4] ?? '/account/industry').split(',');
for (const [w, h] of [[360, 740], [1280, 800]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  await ctx.route('**/api/**', (route) => {
    const u = new URL(route.request().url());
    const body = routes[u.pathname];
    if (body === undefined) return route.fulfill({ status: 404, json: { error: { code: 'not_found', message: u.pathname } } });
    return route.fulfill({ json: body });
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  for (const p of pages) {
    await page.goto(server.origin + p);
    await page.waitForTimeout(1500);
    const name = `/tmp/shots/${role}-${state}-${p.replace(/\//g, '_')}-${w}.png`;
    await page.screenshot({ path: name, fullPage: process.argv[5] === 'full' });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
await server.stop();
