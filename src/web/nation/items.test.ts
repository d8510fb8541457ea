import { describe, expect, it } from 'vitest';
import type { MeasureBundle } from '../content/types';
import { promptsOf } from './items';

const bundle = (band: '5-7' | '8-10', items: [string, string, string][]): MeasureBundle =>
  ({
    version: 'v',
    lang: 'en',
    band,
    banks: [...new Set(items.map(([topic]) => topic))].map((topic) => ({
      id: topic,
      topic,
      version: 1,
      items: items
        .filter(([t]) => t === topic)
        .map(([, id, text]) => ({ id, prompt: { id: `${topic}.${id}`, text } })),
    })),
  }) as unknown as MeasureBundle;

describe("the most-missed questions' words", () => {
  it('names each question by its topic and id, across bands, the first words found kept', () => {
    const words = promptsOf([
      bundle('5-7', [
        ['scams', 'q1', 'Is this a trick?'],
        ['passwords', 'q1', 'Which password is strongest?'],
      ]),
      null,
      bundle('8-10', [
        ['scams', 'q1', 'Is this a trick? (again)'],
        ['scams', 'q2', 'Who sent it?'],
      ]),
    ]);
    expect([...words]).toEqual([
      ['scams/q1', 'Is this a trick?'],
      ['passwords/q1', 'Which password is strongest?'],
      ['scams/q2', 'Who sent it?'],
    ]);
  });
});
