import { beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { loadContentDir } from '../../src/content/load-dir';
import {
  applicableQuestions,
  SERVICE_FEATURES,
  scoreAssessment,
  sourceHash,
} from '../../src/engine';
import type { IndustryAnswer, IndustryFramework } from '../../src/engine';
import { buildCatalogue, classifyPath, formatIssue } from '../../src/engine/content';
import type { ContentFile } from '../../src/engine/content';

const FILE = 'industry/kite-cop-industry/v1.json';
const PUBLISHED = 'industry/published.json';
const KEY = 'kite-cop-industry@v1';

describe('the shipped industry framework (kite-cop-industry v1)', () => {
  let framework: IndustryFramework;
  let texts: ReadonlyMap<string, string>;
  beforeAll(async () => {
    const result = await shippedContent({ packs: ['core'] });
    expect(result.errors.map(formatIssue)).toEqual([]);
    framework = result.catalogue.industry!.get(KEY)!;
    texts = result.catalogue.texts;
  });

  it('loads with 8 sections whose weights sum to 100, each with questions', () => {
    expect(framework.id).toBe('kite-cop-industry');
    expect(framework.version).toBe(1);
    expect(framework.sections.map((s) => [s.id, s.weight])).toEqual([
      ['governance', 15],
      ['risk', 15],
      ['csam', 20],
      ['design', 20],
      ['remedy', 10],
      ['education', 10],
      ['participation', 5],
      ['transparency', 5],
    ]);
    expect(framework.sections.reduce((n, s) => n + s.weight, 0)).toBe(100);
    expect(framework.questions.length).toBeGreaterThanOrEqual(28);
    expect(framework.questions.length).toBeLessThanOrEqual(34);
    for (const s of framework.sections)
      expect(
        framework.questions.some((q) => q.section === s.id),
        s.id,
      ).toBe(true);
    expect(framework.questions.filter((q) => q.critical).length).toBeGreaterThanOrEqual(3);
  });

  it('puts its texts into the catalogue, so they can be translated', () => {
    for (const q of framework.questions) {
      expect(texts.get(q.text.id)).toBe(q.text.text);
      expect(texts.get(q.recommendation.text.id)).toBe(q.recommendation.text.text);
      expect(q.text.id.startsWith('industry.kite-cop-industry.v1.')).toBe(true);
    }
  });

  it('scores 100 and maturity 4 when every applicable question is answered 4, for any service', () => {
    for (const features of [[...SERVICE_FEATURES], [], ['user-contact' as const]]) {
      const profile = { features };
      const answers = new Map<string, IndustryAnswer>(
        applicableQuestions(framework, profile).map((q) => [q.id, { level: 4 }]),
      );
      const score = scoreAssessment(framework, profile, answers);
      expect(score.overall, features.join()).toBe(100);
      expect(score.maturity, features.join()).toBe(4);
    }
  });

  it('caps maturity at 2 when a critical question is answered 0', () => {
    const profile = { features: [...SERVICE_FEATURES] };
    const asked = applicableQuestions(framework, profile);
    const critical = asked.find((q) => q.critical)!;
    const answers = new Map<string, IndustryAnswer>(
      asked.map((q) => [q.id, { level: q.id === critical.id ? 0 : 4 }]),
    );
    const score = scoreAssessment(framework, profile, answers);
    expect(score.overall).toBeGreaterThan(85);
    expect(score.maturity).toBe(2);
  });
});

describe('industry file layout', () => {
  it('classifies industry/<id>/v<version>.json and industry/published.json', () => {
    expect(classifyPath('industry/kite-cop-industry/v12.json')).toEqual({
      kind: 'industry',
      name: 'kite-cop-industry',
      version: 12,
    });
    expect(classifyPath('industry/published.json')).toEqual({ kind: 'industry-published' });
    for (const p of [
      'industry/x/v0.json',
      'industry/x/1.json',
      'industry/x.json',
      'industry/x/y/v1.json',
    ])
      expect(classifyPath(p), p).toEqual({ kind: 'unknown' });
  });
});

describe('industry checks name the file and the path', () => {
  let files: ContentFile[];
  beforeAll(async () => {
    files = await loadContentDir('content', { packs: ['core'] });
  });

  /**
   * The real content with the framework's JSON changed by `edit` (moved to `path`), and
   * without published.json unless `keepPublished`. The framework's translations are left out:
   * an edit that removes or renames a text would also make them `translation-unknown-id`.
   */
  const withFramework = (
    edit: (f: Record<string, unknown>) => void,
    options: { path?: string; keepPublished?: boolean } = {},
  ) =>
    files
      .filter((f) => options.keepPublished === true || f.path !== PUBLISHED)
      .filter((f) => !/^locales\/[^/]+\/industry-kite-cop-industry-v1\.json$/.test(f.path))
      .map((f) => {
        if (f.path !== FILE) return f;
        const json = JSON.parse(f.text!) as Record<string, unknown>;
        edit(json);
        return { path: options.path ?? f.path, text: JSON.stringify(json, null, 2) };
      });
  type Q = { id: string; section: string };
  type S = { id: string; weight: number };
  const questions = (f: Record<string, unknown>) => f.questions as Q[];
  const sections = (f: Record<string, unknown>) => f.sections as S[];
  const errorsOf = (edited: ContentFile[], check?: string) =>
    buildCatalogue(edited, { root: 'content' })
      .errors.filter((e) => check === undefined || e.check === check)
      .map(formatIssue);

  it('the real content builds without published.json too', () => {
    expect(errorsOf(withFramework(() => {}))).toEqual([]);
  });

  it('file-name: the id must match the folder', () => {
    expect(
      errorsOf(
        withFramework((f) => (f.id = 'other-framework')),
        'file-name',
      ),
    ).toEqual([
      `content/${FILE}: id: industry framework "other-framework" must match its folder "kite-cop-industry"`,
    ]);
  });

  it('file-name: the version must match the file name', () => {
    expect(
      errorsOf(withFramework(() => {}, { path: 'industry/kite-cop-industry/v2.json' })),
    ).toEqual([
      'content/industry/kite-cop-industry/v2.json: version: version 1 must match the file name "v2.json"',
    ]);
  });

  it('industry-sections: the section weights sum to 100', () => {
    expect(errorsOf(withFramework((f) => (sections(f)[7]!.weight = 10)))).toEqual([
      `content/${FILE}: sections: section weights sum to 105, not 100 (each is a share of the score in percent)`,
    ]);
  });

  it("industry-sections: a question's section exists", () => {
    expect(errorsOf(withFramework((f) => (questions(f)[0]!.section = 'nowhere')))).toEqual([
      `content/${FILE}: questions[0].section: section "nowhere" does not exist`,
    ]);
  });

  it('industry-sections: every section has a question', () => {
    expect(
      errorsOf(
        withFramework((f) => (f.questions = questions(f).filter((q) => q.section !== 'education'))),
      ),
    ).toEqual([`content/${FILE}: sections[5]: section "education" has no question`]);
  });

  it('duplicate-id: question ids and section ids are unique', () => {
    expect(errorsOf(withFramework((f) => (questions(f)[1]!.id = questions(f)[0]!.id)))).toEqual([
      `content/${FILE}: questions[1].id: question "policy" appears twice`,
    ]);
    expect(
      errorsOf(
        withFramework((f) => (sections(f)[1]!.id = 'governance')),
        'duplicate-id',
      ),
    ).toEqual([`content/${FILE}: sections[1].id: section "governance" appears twice`]);
  });

  it('content-id-prefix: text ids start with industry.<id>.v<version>.', () => {
    expect(
      errorsOf(withFramework((f) => ((f.title as { id: string }).id = 'industry.kite.title'))),
    ).toEqual([
      `content/${FILE}: title.id: content id "industry.kite.title" must start with "industry.kite-cop-industry.v1."`,
    ]);
  });

  it('schema: an unknown service feature, a weight of 4, a resource that is no URL', () => {
    const errors = errorsOf(
      withFramework((f) => {
        const q = f.questions as Record<string, unknown>[];
        q[0]!.appliesIf = ['teleport'];
        q[1]!.weight = 4;
        (q[2]!.recommendation as { resources: string[] }).resources = ['see our website'];
      }),
    );
    expect(errors.length).toBe(3);
    expect(errors[0]).toMatch(
      /^content\/industry\/kite-cop-industry\/v1\.json: questions\[0\]\.appliesIf/,
    );
    expect(errors[1]).toMatch(/: questions\[1\]\.weight/);
    expect(errors[2]).toMatch(/: questions\[2\]\.recommendation\.resources\[0\]/);
  });

  it('industry-published-changed: a published version never changes', () => {
    const edited = withFramework((f) => (f.publisher = 'Someone else'), { keepPublished: true });
    const text = edited.find((f) => f.path === FILE)!.text!;
    expect(errorsOf(edited)).toEqual([
      `content/${PUBLISHED}: ${KEY}: content/${FILE} hashes to ${sourceHash(text)}, not the published ${sourceHash(files.find((f) => f.path === FILE)!.text!)}: published versions never change; add a new version`,
    ]);
  });

  it('a new version beside the published one builds, and both load', () => {
    const v1 = files.find((f) => f.path === FILE)!;
    const v2json = JSON.parse(v1.text!.replaceAll('.v1.', '.v2.')) as Record<string, unknown>;
    v2json.version = 2;
    const v2 = { path: 'industry/kite-cop-industry/v2.json', text: JSON.stringify(v2json) };
    const { catalogue, errors } = buildCatalogue([...files, v2], { root: 'content' });
    expect(errors.map(formatIssue)).toEqual([]);
    expect([...catalogue.industry!.keys()].sort()).toEqual([KEY, 'kite-cop-industry@v2']);
  });

  it('missing-file: a published version whose file is gone', () => {
    const register = {
      path: PUBLISHED,
      text: JSON.stringify({
        [KEY]: sourceHash(files.find((f) => f.path === FILE)!.text!),
        'kite-cop-industry@v7': '01234567',
      }),
    };
    const edited = [...files.filter((f) => f.path !== PUBLISHED), register];
    expect(errorsOf(edited)).toEqual([
      `content/${PUBLISHED}: kite-cop-industry@v7: published version "kite-cop-industry@v7" has no industry/kite-cop-industry/v7.json: published versions are never removed`,
    ]);
  });

  it('schema: published.json maps <id>@v<version> to an 8-hex-digit hash', () => {
    const register = { path: PUBLISHED, text: JSON.stringify({ 'kite-cop-industry': 'abc' }) };
    const errors = errorsOf([...files.filter((f) => f.path !== PUBLISHED), register]);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.startsWith(`content/${PUBLISHED}: `)).toBe(true);
  });
});
