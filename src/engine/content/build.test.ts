import { describe, expect, it } from 'vitest';
import type { ActivityId } from '../ids';
import { activity, choiceScene, twoSceneActivity } from '../testing/builders';
import { contentRoot, file, INTL, TOPICS } from '../testing/content-root';
import { buildCatalogue } from './build';
import { formatIssue } from './issues';

const lines = (files: ReturnType<typeof contentRoot>) =>
  buildCatalogue(files, { root: 'content' }).errors.map(formatIssue);

describe('buildCatalogue', () => {
  it('loads a valid root into a frozen catalogue with no errors', () => {
    const { catalogue, errors, warnings } = buildCatalogue(contentRoot([twoSceneActivity()]));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(
      catalogue.activities.get('test-activity' as ActivityId)?.scenes.s1?.interaction.type,
    ).toBe('choice');
    expect(catalogue.skills.get('block-and-report' as never)?.topic).toBe('contact');
    expect(catalogue.texts.get('topic.scams.title' as never)).toBe('Scams');
    expect(Object.isFrozen(catalogue.activities.get('test-activity' as ActivityId))).toBe(true);
    expect(catalogue.sources.get('activity:test-activity')).toEqual({
      file: 'packs/core/activities/test-activity.json',
      pack: 'core',
    });
  });

  it('names the file and the path in every error, and lists them all', () => {
    const broken = activity({ s1: choiceScene('s1', 's9'), s2: choiceScene('s2', 'end') });
    expect(lines(contentRoot([broken]))).toEqual([
      'content/packs/core/activities/test-activity.json: scenes.s1.interaction.answerGroups[0].outcome.next: scene "s9" does not exist',
      'content/packs/core/activities/test-activity.json: scenes.s2: scene "s2" cannot be reached from the start scene "s1"',
      'content/packs/core/activities/test-activity.json: scenes.s1: no path from scene "s1" leads to an end',
      'content/packs/core/activities/test-activity.json: start: no path from the start scene "s1" reaches an ending marked correct',
    ]);
  });

  it('reports schema problems with the path and a plain message', () => {
    const a = { ...twoSceneActivity(), band: '9-12', colour: 'red' };
    const errors = lines(contentRoot([a as never]));
    expect(errors).toContain(
      'content/packs/core/activities/test-activity.json: colour: unknown field "colour" (check the spelling)',
    );
    expect(
      errors.some((e) => e.startsWith('content/packs/core/activities/test-activity.json: band: ')),
    ).toBe(true);
  });

  it('reports invalid JSON and files outside the layout, and goes on with the rest', () => {
    const { errors, catalogue } = buildCatalogue([
      ...contentRoot([twoSceneActivity()]),
      { path: 'packs/core/activities/broken.json', text: '{ "id": ' },
      { path: 'packs/core/activites/typo.json', text: '{}' },
      { path: 'README.md', text: '# notes' },
      { path: 'ui/en.json', text: '{"app.name": "Kite"}' },
      { path: 'print/en.json', text: '{"cards": {}}' },
      { path: 'art/kiri/happy.svg', text: null },
    ]);
    expect(errors.map((e) => [e.check, e.file])).toEqual([
      ['unknown-file', 'packs/core/activites/typo.json'],
      ['json', 'packs/core/activities/broken.json'],
    ]);
    expect(catalogue.activities.size).toBe(1);
  });

  it('allows the same id for the same text within a file, not across files or texts', () => {
    const base = twoSceneActivity();
    const files = contentRoot([base]);
    const json = JSON.parse(files[3]!.text!) as {
      title: { id: string; text: string };
      summary: { id: string; text: string };
    };
    json.summary = { ...json.title };
    const same = [...files.slice(0, 3), file('packs/core/activities/test-activity.json', json)];
    expect(buildCatalogue(same).errors).toEqual([]);
    json.summary = { id: json.title.id, text: 'different' };
    const diff = [...files.slice(0, 3), file('packs/core/activities/test-activity.json', json)];
    expect(buildCatalogue(diff).errors.map((e) => e.check)).toEqual(['duplicate-content-id']);
  });

  it('warns, without failing, when a translation is stale', () => {
    const locale = file('locales/km/topics.json', {
      strings: { 'topic.scams.title': { text: 'ការបោកប្រាស់', sourceHash: '00000000', status: 'machine' } },
    });
    const { errors, warnings, catalogue } = buildCatalogue(contentRoot([], [locale]));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.check, w.path])).toEqual([
      ['translation-stale', 'strings.topic.scams.title.sourceHash'],
    ]);
    expect(catalogue.locales.get('km' as never)?.get('topic.scams.title' as never)?.text).toBe(
      'ការបោកប្រាស់',
    );
  });

  it('needs topics.json and the intl country pack', () => {
    const { errors } = buildCatalogue([
      file('packs/core/pack.json', {
        id: 'core',
        title: { id: 'pack.core.t', text: 'x' },
        description: { id: 'pack.core.d', text: 'y' },
      }),
    ]);
    expect(errors.map((e) => e.file)).toEqual(['topics.json', 'countries/intl.json']);
    expect(
      buildCatalogue([file('topics.json', TOPICS), file('countries/intl.json', INTL)]).errors,
    ).toEqual([]);
  });
});
