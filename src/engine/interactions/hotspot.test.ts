import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { hotspot } from './hotspot';
import type { HotspotArgs, HotspotRule } from './hotspot';

const spots = ['logo', 'sign', 'tree'].map((id) => ({ id, label: text(id) }));
const postArgs: HotspotArgs = {
  parts: [
    { text: text('p1'), spot: 'logo' },
    { text: text('p2') },
    { text: text('p3'), spot: 'sign' },
    { text: text('p4'), spot: 'tree' },
  ],
  spots,
};
const found = (...ids: string[]) => ({ type: 'hotspot' as const, found: ids });

describe('hotspot', () => {
  it('accepts distinct existing spots', () => {
    expect(hotspot.isValidAnswer(postArgs, found('logo', 'sign'))).toBe(true);
    expect(hotspot.isValidAnswer(postArgs, found('cloud'))).toBe(false);
  });

  it.each<[HotspotRule['rule'], string[], boolean]>([
    ['Found', ['logo', 'sign'], true],
    ['Found', ['logo', 'sign', 'tree'], true],
    ['Found', ['logo'], false],
    ['FoundExactly', ['sign', 'logo'], true],
    ['FoundExactly', ['logo', 'sign', 'tree'], false],
    ['FoundAny', ['sign'], true],
    ['FoundAny', ['tree'], false],
    ['MissedAny', ['logo'], true],
    ['MissedAny', ['logo', 'sign'], false],
  ])('%s [logo, sign] with found %j → %s', (rule, ids, expected) => {
    expect(hotspot.matches({ rule, spots: ['logo', 'sign'] }, found(...ids), postArgs)).toBe(
      expected,
    );
  });

  it('gives samples that satisfy each rule', () => {
    for (const rule of ['Found', 'FoundExactly', 'FoundAny', 'MissedAny'] as const) {
      const r: HotspotRule = { rule, spots: ['logo', 'sign'] };
      for (const s of hotspot.samples(r, postArgs))
        expect(hotspot.matches(r, s, postArgs)).toBe(true);
    }
  });

  it('needs exactly one of a picture or a post', () => {
    expect(hotspot.checkArgs({ spots })[0]?.message).toMatch(/exactly one/);
    expect(hotspot.checkArgs(postArgs)).toEqual([]);
  });

  it('needs rects inside a picture, and every spot in the post', () => {
    const media = { src: 'media/x.svg', alt: text('alt') };
    const pic: HotspotArgs = {
      media,
      spots: [
        { id: 'a', label: text('a'), rect: { x: 10, y: 10, w: 20, h: 20 } },
        { id: 'b', label: text('b') },
        { id: 'c', label: text('c'), rect: { x: 90, y: 0, w: 20, h: 10 } },
      ],
    };
    expect(hotspot.checkArgs(pic).map((i) => i.path)).toEqual(['spots[1].rect', 'spots[2].rect']);
    const post: HotspotArgs = {
      parts: [{ text: text('p'), spot: 'ghost' }],
      spots: [{ id: 'a', label: text('a') }],
    };
    expect(hotspot.checkArgs(post).map((i) => i.path)).toEqual(['parts[0].spot', 'spots[0].id']);
  });

  it('reports unknown spots in rules', () => {
    expect(hotspot.checkRule({ rule: 'Found', spots: ['cloud'] }, postArgs)[0]?.path).toBe(
      'spots[0]',
    );
  });
});
