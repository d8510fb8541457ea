import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS, findPersonalData } from './personal-data';
import type { PersonalDataKind } from './personal-data';

/** Each hit as its kind and the text it covers, so a wrong range fails as clearly as a miss. */
const found = (text: string) =>
  findPersonalData(text).map((h) => [h.kind, text.slice(h.start, h.end)] as const);

// Sentences a child or an adult might type, the one piece of personal data in each, and the
// exact stretch the filter must report.
const POSITIVES: readonly (readonly [string, PersonalDataKind, string])[] = [
  ['my email is sok.dara@example.org', 'email', 'sok.dara@example.org'],
  ['write me at sok @ gmail . com ok', 'email', 'sok @ gmail . com'],
  ['its sok at gmail dot com', 'email', 'sok at gmail dot com'],
  ['mail sok(at)mail please', 'email', 'sok(at)mail'],
  ['sok [at] mymail [dot] com', 'email', 'sok [at] mymail [dot] com'],
  ['SOK＠MAIL．COM is mine', 'email', 'SOK＠MAIL．COM'],
  ['sok at mail.com', 'url', 'mail.com'],
  ['call me on +855 12 345 678', 'phone', '+855 12 345 678'],
  ['my number 012-345-678', 'phone', '012-345-678'],
  ['text 012.345.678 after school', 'phone', '012.345.678'],
  ['(012) 345 6789 is mum', 'phone', '012) 345 6789'],
  [
    'zero one two three four five six seven eight',
    'phone',
    'zero one two three four five six seven eight',
  ],
  ['ring 0 12 three 4 5 six 7 8 9 tonight', 'phone', '0 12 three 4 5 six 7 8 9'],
  ['Zero One Two 345 678', 'phone', 'Zero One Two 345 678'],
  ['លេខខ្ញុំ ០១២៣៤៥៦៧៨', 'phone', '០១២៣៤៥៦៧៨'],
  ['ខ្ញុំ ០១២ ៣៤៥ ៦៧៨ ណា', 'phone', '០១២ ៣៤៥ ៦៧៨'],
  [
    '0\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8',
    'phone',
    '0\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8',
  ],
  ['I live at 12 Oak Street', 'address', '12 Oak Street'],
  ['we are at house 45 street 271', 'address', 'house 45 street 271'],
  ['come to #23 St. 51 today', 'address', '#23 St. 51'],
  ['our flat is on street 271', 'address', 'street 271'],
  ['my house number is 45', 'address', 'house number is 45'],
  ['I live at Riverside Flats with my mum', 'address', 'Riverside Flats'],
  ['my address is 7 Mango Lane', 'address', '7 Mango Lane'],
  ['look at kite-games.com/play', 'url', 'kite-games.com/play'],
  ['see https://example.net/x?y=1 now', 'url', 'https://example.net/x?y=1'],
  ['go to www.example.org', 'url', 'www.example.org'],
  ['my site is sokdara dot com', 'url', 'sokdara dot com'],
  ['follow me @sok_dara99', 'handle', '@sok_dara99'],
  ['my snap is sokd_2015', 'handle', 'sokd_2015'],
  ['my username is starcat77', 'handle', 'starcat77'],
  ['add me on chatterbox: sokdara', 'handle', 'sokdara'],
  ['profile: sok.dara', 'handle', 'sok.dara'],
  ['my name is Sok Dara', 'full_name', 'Sok Dara'],
  ["Hi! My name's Dara Sok and I am 9", 'full_name', 'Dara Sok'],
  ['my real name is Dara', 'full_name', 'Dara'],
  ['ខ្ញុំឈ្មោះ សុខ ដារា', 'full_name', 'សុខ ដារា'],
  ['my school is Sunrise Primary', 'school', 'Sunrise Primary'],
  ['I go to Hillside Primary School', 'school', 'Hillside Primary School'],
  ['my birthday is 12/05/2015', 'birthday', '12/05/2015'],
  ['I was born on the 5th of June 2016', 'birthday', '5th of June 2016'],
];

// Ordinary nicknames and things children write: none of it is personal data.
const NEGATIVES: readonly string[] = [
  'Star',
  'Tiger 7',
  'Mia',
  'Sok',
  'Dara K',
  'Lucky-Cat',
  'Ninja2',
  'ស្រីពៅ',
  'តូច',
  'Blue Fox',
  'Captain Zoom',
  "O'Malley Moon",
  'I have 3 cats',
  'level 12',
  'Room 4B',
  'Year 2',
  'at school',
  'My cat is cute',
  'I live at home',
  'I live on a farm',
  'I live in Phnom Penh',
  'my name is Sok and I like cats',
  'I go to school',
  'I go to the big school',
  'my school is fun',
  'I crossed 1 busy road today',
  'I walked 3 blocks down the road',
  'I have one cat and two dogs',
  'I scored 10000000 points',
  'the test is on 12/05/2025',
  'see you at 5pm',
  'we meet at 3 o clock',
  'my account is blocked',
  'my profile is private',
  'my birthday is tomorrow',
  'I was born in Cambodia',
  'Look at this cat. Come here',
  'oh no I lost level 9',
  'I am 9 years old',
  'I like cats.me too',
  'my username is secret',
  '1st place and 2nd place',
  'I read 2 books on the bus',
  'ខ្ញុំចូលចិត្តឆ្មា',
  'I got 100 200 300 400 points',
  'pi is 3.14159265',
  'on the road 2 school',
  'meet me at 3:30 at the park',
  'look at this dot and that line',
  'my name is Sok',
];

describe('findPersonalData', () => {
  it('has at least thirty cases on each side', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(30);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(POSITIVES)('finds it in %j (%s)', (text, kind, stretch) => {
    expect(found(text)).toEqual([[kind, stretch]]);
  });

  it.each(NEGATIVES.map((t) => [t]))('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('covers every kind in the positive table', () => {
    expect(new Set(POSITIVES.map((p) => p[1]))).toEqual(new Set(PERSONAL_DATA_KINDS));
  });

  it('reports several hits in text order, without overlaps', () => {
    expect(found('mail sok@mail.com or call 012 345 678, I live at 4 Oak Road')).toEqual([
      ['email', 'sok@mail.com'],
      ['phone', '012 345 678'],
      ['address', '4 Oak Road'],
    ]);
  });

  it('reports ranges of the typed text around characters it drops or widens', () => {
    const text = 'a\u200dbc 😀 ០១២-៣៤៥-៦៧៨';
    const [hit] = findPersonalData(text);
    expect(hit?.kind).toBe('phone');
    expect(text.slice(hit?.start, hit?.end)).toBe('០១២-៣៤៥-៦៧៨');
  });

  it('stays linear on hostile input (each would backtrack without bounded patterns)', () => {
    const long = (unit: string) => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
    expect(found(long('a'))).toEqual([]);
    expect(found(long('a.'))).toEqual([]);
    expect(found(long('a @ '))).toEqual([]);
    expect(found(long('my name is '))).toEqual([]);
    expect(found(long('1 2 3 4 5 6 7 a '))).toEqual([]);
    expect(found(long('12 a b '))).toEqual([]);
    expect(found(long('i live at '))).toEqual([]);
    const phone = found(long('1 '));
    expect(phone).toHaveLength(1);
    expect(phone[0]?.[0]).toBe('phone');
  });
});
