import { describe, expect, it } from 'vitest';
import type { ContentIndex } from '../content/types';
import { applyFilters, filtersQuery, parseFilters } from './filters';
import { libraryItems, translatedOnly } from './items';
import type { LibraryItem } from './items';
import { SearchIndex, tokenise } from './search';
import { lessonTiming } from './lesson-timing';

const tx = (id: string, text: string) => ({ id, text }) as never;

const index = {
  version: 'x',
  lang: 'en',
  langs: ['en', 'km'],
  countries: ['intl'],
  topics: [
    {
      id: 'passwords',
      title: tx('topic.passwords.title', 'Passwords'),
      summary: tx('topic.passwords.summary', 'Make strong passphrases.'),
      risks: [],
      skills: [{ id: 'strong', title: tx('topic.passwords.skill.strong', 'making passphrases') }],
    },
    {
      id: 'scams',
      title: tx('topic.scams.title', 'Scams and tricks'),
      summary: tx('topic.scams.summary', 'Spot fake prizes.'),
      risks: [],
      skills: [],
    },
  ],
  activities: [
    {
      id: 'prize',
      version: 1,
      topic: 'scams',
      band: '8-10',
      level: 'identify',
      title: 'The prize message',
      summary: 'Find the trick messages.',
      goal: 'I can spot a trick.',
      minutes: 10,
      skills: [],
      types: ['inbox', 'choice'],
    },
    {
      id: 'lock',
      version: 1,
      topic: 'passwords',
      band: '5-7',
      level: 'comprehend',
      title: 'Lock it up',
      summary: 'Build a passphrase.',
      goal: 'I can make a strong passphrase.',
      minutes: 5,
      skills: ['strong'],
      types: ['password'],
    },
    {
      id: 'profile',
      version: 1,
      topic: 'scams',
      band: '8-10',
      level: 'comprehend',
      title: 'Set up your profile',
      summary: 'Set up an app safely.',
      goal: 'I can choose settings.',
      minutes: 10,
      skills: [],
      types: ['settings', 'password'],
    },
  ],
  challenges: [
    {
      id: 'family-plan',
      topic: 'passwords',
      bands: ['11-13', '8-10'],
      for: 'family',
      title: tx('c.t', 'Make a family password plan'),
      summary: tx('c.s', 'Agree together.'),
      steps: [tx('c.1', 'List the apps.')],
      minutes: 20,
    },
  ],
  guides: [
    {
      id: 'scams-8-10',
      topic: 'scams',
      band: '8-10',
      title: tx('g.t', 'Scams: ages 8 to 10'),
      risk: [tx('g.r', 'Tricks rush people.')],
      practises: [tx('g.p', 'Looking at who sent a message.')],
      parents: { conversationStarters: [], ifSomethingHappened: [], settingsChecklist: [] },
      teachers: { conversationStarters: [], ifSomethingHappened: [], inClass: [] },
    },
  ],
} as unknown as ContentIndex;

const items = libraryItems(index);
const labels = (i: LibraryItem) => [i.type, ...i.games];
const search = new SearchIndex(items, labels);
const keys = (q: string, extra = '') =>
  applyFilters(items, parseFilters(`?q=${encodeURIComponent(q)}${extra}`), search).map(
    (i) => i.key,
  );

describe('library items', () => {
  it('lists every activity, its worksheet, each challenge and guide, by topic order', () => {
    expect(items.map((i) => i.key)).toEqual([
      'activity:lock',
      'worksheet:lock',
      'challenge:family-plan',
      'activity:prize',
      'worksheet:prize',
      'activity:profile',
      'worksheet:profile',
      'guide:scams-8-10',
    ]);
    expect(items.find((i) => i.key === 'challenge:family-plan')?.bands).toEqual(['8-10', '11-13']);
  });

  it('leaves out disabled topics', () => {
    expect(libraryItems(index, ['scams']).every((i) => i.topic === 'passwords')).toBe(true);
  });

  it('keeps only translated items of a translated index', () => {
    const km = libraryItems({
      ...index,
      activities: index.activities.map((a) => (a.id === 'lock' ? { ...a, title: 'សោ' } : a)),
    });
    expect(translatedOnly(km, items).map((i) => i.key)).toEqual([
      'activity:lock',
      'worksheet:lock',
    ]);
  });
});

describe('search', () => {
  it('tokenises without case, accents or plural s', () => {
    expect(tokenise('Passwords, PASSPHRASES and Café!')).toEqual([
      'password',
      'passphrase',
      'and',
      'cafe',
    ]);
  });

  it('finds the password activities by topic, game type and words', () => {
    expect(keys('password')).toEqual([
      'activity:lock',
      'worksheet:lock',
      'challenge:family-plan',
      'activity:profile',
    ]);
    expect(keys('passwords')).toEqual(keys('password'));
  });

  it('matches word prefixes and needs every word', () => {
    expect(keys('pass')).toContain('activity:lock');
    expect(keys('prize inbox')).toEqual(['activity:prize']);
    expect(keys('prize zebra')).toEqual([]);
    expect(keys('')).toHaveLength(items.length);
  });

  it('finds Khmer text by substring', () => {
    const km = libraryItems({
      ...index,
      activities: [{ ...index.activities[0]!, title: 'ពាក្យសម្ងាត់ខ្លាំង' }],
      challenges: [],
      guides: [],
    });
    const s = new SearchIndex(km, () => []);
    expect(s.search('សម្ងាត់')).toEqual(new Set(['activity:prize', 'worksheet:prize']));
  });
});

describe('filters', () => {
  it('combine with each other and with the search', () => {
    expect(keys('', '&band=8-10')).toEqual([
      'challenge:family-plan',
      'activity:prize',
      'worksheet:prize',
      'activity:profile',
      'worksheet:profile',
      'guide:scams-8-10',
    ]);
    expect(keys('', '&band=8-10&type=activity')).toEqual(['activity:prize', 'activity:profile']);
    expect(keys('', '&band=8-10&type=activity&level=comprehend')).toEqual(['activity:profile']);
    expect(keys('password', '&band=8-10&type=activity')).toEqual(['activity:profile']);
    expect(keys('', '&game=password')).toEqual(['activity:lock', 'activity:profile']);
    expect(keys('', '&topic=passwords&type=challenge')).toEqual(['challenge:family-plan']);
  });

  it('round-trip through the query string, ignoring unknown values', () => {
    const f = parseFilters('?q=pass+word&band=8-10&type=guide&level=nope&game=dance&lang=km');
    expect(f).toEqual({ q: 'pass word', band: '8-10', type: 'guide', lang: 'km' });
    expect(parseFilters(filtersQuery(f))).toEqual(f);
    expect(filtersQuery({ q: '' })).toBe('');
  });
});

describe('lesson timing', () => {
  it('always adds up to 30 minutes', () => {
    for (const m of [1, 5, 10, 15, 40]) {
      const t = lessonTiming(m);
      expect(t.warmUp + t.play + t.worksheet + t.discussion).toBe(30);
      expect(t.worksheet).toBeGreaterThanOrEqual(5);
    }
    expect(lessonTiming(10)).toEqual({ warmUp: 5, play: 10, worksheet: 10, discussion: 5 });
  });
});
