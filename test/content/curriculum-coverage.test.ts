import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { contentReport, coverageGaps } from '../../src/content/report';
import { INTERACTION_TYPES } from '../../src/engine';

// The whole curriculum (issues 5 and 11): every topic declared in topics.json, complete for
// every band and level. The nine topics are read from the file, so a topic added there without
// its activities, guides and challenges fails here.
const TOPICS = (
  JSON.parse(readFileSync('content/topics.json', 'utf8')) as { topics: { id: string }[] }
).topics.map((t) => t.id);

describe('curriculum coverage', async () => {
  const { catalogue, errors } = await shippedContent();
  const report = contentReport(catalogue);
  const core = [...catalogue.activities.values()].filter(
    (a) => catalogue.sources.get(`activity:${a.id}`)?.pack === 'core',
  );

  it('declares the nine topics of issue 11, news retired into misinformation', () => {
    expect([...TOPICS].sort()).toEqual(
      [
        'commercial',
        'contact',
        'images',
        'kindness',
        'misinformation',
        'passwords',
        'privacy',
        'scams',
        'wellbeing',
      ].sort(),
    );
  });

  it('passes the checker', () => {
    expect(errors).toEqual([]);
  });

  it('has an activity for every topic × band × level, and a guide and a challenge for every topic × band', () => {
    expect(coverageGaps(report, TOPICS)).toEqual([]);
  });

  it('uses every one of the nine interaction types', () => {
    const used = new Set(
      report.activities.filter((a) => TOPICS.includes(a.topic)).flatMap((a) => a.interactions),
    );
    for (const type of INTERACTION_TYPES.filter((t) => t !== 'continue'))
      expect(used).toContain(type);
  });

  it('marks the hardest subjects sensitive, for 14–16 only', () => {
    const sensitive = [...catalogue.activities.values()].filter((a) => a.sensitive);
    for (const topic of ['contact', 'images']) {
      expect(sensitive.some((a) => a.topic === topic && a.band === '14-16')).toBe(true);
    }
    for (const a of sensitive) expect(a.sensitive?.minBand).toBe('14-16');
  });

  it('ends every activity of the curriculum with who can help', () => {
    for (const a of catalogue.activities.values()) {
      if (!TOPICS.includes(a.topic)) continue;
      const endings = Object.values(a.scenes).flatMap((s) =>
        [...s.interaction.answerGroups.map((g) => g.outcome), s.interaction.defaultOutcome].filter(
          (o) => o.next === 'end' && o.correct,
        ),
      );
      expect(endings.length, a.id).toBeGreaterThan(0);
      for (const o of endings) expect(o.feedback?.text ?? '', a.id).toMatch(/\{helpline\}/);
    }
  });

  it('gives teachers a short word list for every core activity', () => {
    for (const a of core) {
      expect(a.vocabulary?.length ?? 0, a.id).toBeGreaterThanOrEqual(3);
      expect(a.vocabulary?.length ?? 0, a.id).toBeLessThanOrEqual(8);
    }
  });

  it('maps every topic to a learning framework, and every guide says how to adapt for SEND', () => {
    for (const id of TOPICS)
      expect(Object.keys(catalogue.topics.get(id as never)?.frameworks ?? {}), id).not.toEqual([]);
    for (const g of catalogue.guides.values())
      expect(g.adapting?.length ?? 0, g.id).toBeGreaterThan(0);
  });
});

describe('npm run content:report -- --json', () => {
  it('prints only one JSON object with the topics, activities, guides and challenges', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/content-report.ts', '--json'],
      {
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(out) as ReturnType<typeof contentReport>;
    expect(report.topics.map((t) => t.id)).toEqual(TOPICS);
    expect(report.activities.length).toBeGreaterThanOrEqual(48);
    for (const a of report.activities) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(['id', 'topic', 'band', 'level', 'interactions']),
      );
    }
    expect(report.guides.every((g) => g.topic && g.band)).toBe(true);
    expect(report.challenges.every((c) => c.topic && c.band)).toBe(true);
    // A default deployment's courses (core): one per band, with their number of modules.
    const core = report.courses.filter((c) => c.id.startsWith('kiri-'));
    expect(core.map((c) => c.band)).toEqual(['5-7', '8-10', '11-13', '14-16']);
    for (const c of core) expect(c.modules).toBeGreaterThanOrEqual(5);
    // Each industry self-assessment framework version (docs/industry.md).
    expect(report.industry).toEqual([
      { id: 'kite-cop-industry', version: 1, sections: 8, questions: 33 },
    ]);
  });
});
