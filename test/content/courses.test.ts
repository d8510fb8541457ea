import { beforeAll, describe, expect, it } from 'vitest';
import { readabilityIssues } from '../../src/content/catalogue';
import { shippedContent } from '../helpers/content';
import { loadContentDir } from '../../src/content/load-dir';
import { BANDS, canPlay } from '../../src/engine';
import type { Catalogue } from '../../src/engine';
import { buildCatalogue, formatIssue } from '../../src/engine/content';
import type { ContentFile } from '../../src/engine/content';

const COURSE_57 = 'packs/core/courses/kiri-5-7.json';

describe('the core courses (COURSE-1)', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const result = await shippedContent({ packs: ['core'] });
    expect(result.errors.map(formatIssue)).toEqual([]);
    catalogue = result.catalogue;
  });

  it('has one course per band, each with at least five modules of 2–4 activities of its band', () => {
    const courses = [...(catalogue.courses?.values() ?? [])];
    expect(courses.map((c) => c.band).sort()).toEqual([...BANDS].sort());
    for (const c of courses) {
      expect(c.modules.length, c.id).toBeGreaterThanOrEqual(5);
      for (const m of c.modules) {
        expect(m.activities.length, m.id).toBeGreaterThanOrEqual(2);
        expect(m.activities.length, m.id).toBeLessThanOrEqual(4);
        expect(m.story.length, m.id).toBeGreaterThanOrEqual(1);
        expect(m.help.text, m.id).not.toBe('');
        expect(
          m.check.choices.some((ch) => ch.correct),
          m.id,
        ).toBe(true);
        for (const id of m.activities) {
          const a = catalogue.activities.get(id);
          expect(a?.band, id).toBe(c.band);
          // What a child of the band may play on their own profile: never a sensitive one below 14.
          expect(canPlay(a!, { band: c.band, adultSession: false }), id).toBe(true);
        }
      }
    }
  });

  it('keeps 5–7 stories short enough to read aloud (at most six lines of at most 12 words)', () => {
    const course = [...(catalogue.courses?.values() ?? [])].find((c) => c.band === '5-7')!;
    for (const m of course.modules) {
      expect(m.story.length).toBeLessThanOrEqual(6);
      for (const line of m.story)
        expect(line.text.split(/\s+/).length, line.text).toBeLessThanOrEqual(12);
    }
  });
});

describe('course checks name the file and the path', () => {
  let files: ContentFile[];
  beforeAll(async () => {
    files = await loadContentDir('content', { packs: ['core'] });
  });

  /** The core content with the 5–7 course's JSON changed by `edit`. */
  const withCourse = (edit: (course: Record<string, unknown>) => void) =>
    files.map((f) => {
      if (f.path !== COURSE_57) return f;
      const json = JSON.parse(f.text!) as Record<string, unknown>;
      edit(json);
      return { path: f.path, text: JSON.stringify(json) };
    });
  type Module = { activities: string[]; check: { choices: { correct: boolean }[] } };
  const modules = (c: Record<string, unknown>) => c.modules as Module[];

  it('an unknown activity', () => {
    const { errors } = buildCatalogue(
      withCourse((c) => (modules(c)[1]!.activities[2] = 'no-such-activity')),
      { root: 'content' },
    );
    expect(errors.map(formatIssue)).toEqual([
      `content/${COURSE_57}: modules[1].activities[2]: activity "no-such-activity" does not exist`,
    ]);
  });

  it('a sensitive activity (and another band) in a 5–7 course', () => {
    const { errors } = buildCatalogue(
      withCourse((c) => (modules(c)[0]!.activities[0] = 'contact-14-16-evaluate')),
      { root: 'content' },
    );
    expect(errors.map((e) => [e.check, e.file, e.path])).toEqual([
      ['course-activity', `content/${COURSE_57}`, 'modules[0].activities[0]'],
    ]);
  });

  it('a module with one activity (the schema), and a check with no right answer', () => {
    const one = buildCatalogue(
      withCourse((c) => {
        modules(c)[2]!.activities = modules(c)[2]!.activities.slice(0, 1);
      }),
      { root: 'content' },
    );
    expect(one.errors.map((e) => [e.check, e.file, e.path])).toEqual([
      ['schema', `content/${COURSE_57}`, 'modules[2].activities'],
    ]);
    const wrong = buildCatalogue(
      withCourse((c) => {
        for (const ch of modules(c)[3]!.check.choices) ch.correct = false;
      }),
      { root: 'content' },
    );
    expect(wrong.errors.map((e) => [e.check, e.file, e.path])).toEqual([
      ['course-check', `content/${COURSE_57}`, 'modules[3].check.choices'],
    ]);
  });

  it('a module too hard to read for its band', () => {
    const result = buildCatalogue(
      withCourse((c) => {
        const story = (c.modules as { story: { text: string }[] }[])[4]!.story;
        story[0]!.text =
          'Unfortunately, sophisticated manipulation techniques circumvent conventional expectations regarding authenticity verification.';
      }),
      { root: 'content' },
    );
    expect(result.errors).toEqual([]);
    expect(
      readabilityIssues(result)
        .filter((i) => i.file.endsWith(COURSE_57))
        .map((i) => [i.check, i.path]),
    ).toEqual([['readability', 'modules[4]']]);
  });

  it('a file named after another id', () => {
    const { errors } = buildCatalogue(
      withCourse((c) => (c.id = 'kiri-other')),
      { root: 'content' },
    );
    expect(errors.some((e) => e.check === 'file-name' && e.file === `content/${COURSE_57}`)).toBe(
      true,
    );
  });
});
