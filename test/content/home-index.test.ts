import { describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { contentBundles, mediaOf } from '../../src/content/bundle';
import { catalogueFromBundle, catalogueFromHome } from '../../src/web/content/catalogue';
import type { BandBundle } from '../../src/web/content/catalogue';
import type { HomeIndex } from '../../src/web/content/types';
import { BANDS, canPlay, LEVELS, recommend, summarize, topicMastery } from '../../src/engine';
import { event } from '../../src/engine/testing/events';
import type { AttemptId, EventId, SceneId } from '../../src/engine';

// Home reads its small index of a band instead of the band's bundle: everything home computes
// from it (suggestions with reasons, stars, done marks, what may be played) must be what the
// full bundle gives, on the real content.
describe("home's index of a band", async () => {
  const { catalogue, errors } = await shippedContent();
  const files = contentBundles(catalogue, 'v');
  const json = (path: string) => {
    const f = files.find((x) => x.path === path);
    if (!f || !('json' in f)) throw new Error(`no ${path}`);
    return f.json;
  };

  it('loads the content without errors', () => expect(errors).toEqual([]));

  it('lists the pictures of the bands that have some', () => {
    const counts = BANDS.map((b) => (json(`en/home/${b}.json`) as HomeIndex).media.length);
    expect(counts.some((n) => n > 0)).toBe(true);
  });

  for (const band of BANDS) {
    it(`gives home the same results as the band's bundle (${band})`, () => {
      const bundle = json(`en/bands/${band}.json`) as BandBundle;
      const index = json(`en/home/${band}.json`) as HomeIndex;
      expect(index.activities.map((a) => a.id)).toEqual(bundle.activities.map((a) => a.id));
      // The pictures home has fetched for the offline cache: every one the band's bundle shows.
      expect(index.media).toEqual(mediaOf(bundle.activities));
      expect(index.media.every((u) => u.startsWith('/content/'))).toBe(true);
      expect(JSON.stringify(index).length).toBeLessThan(JSON.stringify(bundle).length / 4);
      const disabled = [bundle.topics[0]!.id];
      const full = catalogueFromBundle(bundle, disabled);
      const home = catalogueFromHome(index, disabled);
      // Every scene of every activity answered once, right and wrong in turn, some twice.
      const events = bundle.activities.flatMap((a, i) =>
        Object.keys(a.scenes).map((scene, j) =>
          event({
            id: `e${i}-${j}` as EventId,
            seq: i * 100 + j,
            attempt: `x${i % 3}` as AttemptId,
            activity: a.id,
            scene: scene as SceneId,
            correct: (i + j) % 3 !== 0,
            ended: j === Object.keys(a.scenes).length - 1,
            at: i * 100 + j,
          }),
        ),
      );
      for (const evs of [[], events.slice(0, 7), events]) {
        const s1 = summarize(evs, full, band);
        const s2 = summarize(evs, home, band);
        expect(s2).toEqual(s1);
        for (const adultSession of [false, true]) {
          expect(recommend(home, s2.learner, { adultSession })).toEqual(
            recommend(full, s1.learner, { adultSession }),
          );
        }
        for (const topic of full.topics.keys())
          for (const level of LEVELS)
            expect(topicMastery(home, s2.learner, topic, level)).toEqual(
              topicMastery(full, s1.learner, topic, level),
            );
      }
      for (const adultSession of [false, true]) {
        const ctx = { band, adultSession, disabledTopics: disabled };
        const ids = (c: typeof full) =>
          [...c.activities.values()].filter((a) => canPlay(a, ctx)).map((a) => a.id);
        expect(ids(home)).toEqual(ids(full));
      }
      for (const a of home.activities.values()) {
        const f = full.activities.get(a.id)!;
        expect([a.title, a.level, a.minutes, a.topic, a.band, !!a.sensitive]).toEqual([
          f.title,
          f.level,
          f.minutes,
          f.topic,
          f.band,
          !!f.sensitive,
        ]);
      }
    });
  }
});
