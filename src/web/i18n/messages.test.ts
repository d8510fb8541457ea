import { describe, expect, it } from 'vitest';
import { sourceHash } from '../../engine';
import { formatMessage, needsIcu } from './format';
import { icuFormat } from './icu';
import { usableMessages } from '../../engine';
import { indexTranslations, messageArea } from './messages';
import type { LocaleLoader } from './messages';

const english = {
  hello: 'Hello, {name}!',
  done: '{n} of {total, plural, one {# activity} other {# activities}} done',
  plain: 'Pick your language',
  when: 'Saved on {d, date, medium}',
};

/** A locale file as translators write it, each text made from the current English. */
const localeFile = (texts: Record<string, string>, from: Record<string, string> = english) => ({
  $schema: '../../schema/locale.schema.json',
  strings: Object.fromEntries(
    Object.entries(texts).map(([k, text]) => [
      k,
      { text, sourceHash: sourceHash(from[k] ?? ''), status: 'machine' },
    ]),
  ),
});

function area(files: Record<string, unknown>, lang: { current: string; locale?: string }) {
  const loaders: Record<string, LocaleLoader> = {};
  for (const [path, json] of Object.entries(files)) loaders[path] = () => Promise.resolve(json);
  return messageArea('', english, indexTranslations(loaders), {
    lang: () => lang.current,
    locale: () => lang.locale ?? lang.current,
  });
}

describe('formatting UI messages', () => {
  it('fills {name} placeholders without the ICU formatter, numbers in the locale’s digits', () => {
    expect(needsIcu('Hello, {name}!')).toBe(false);
    expect(formatMessage('Step {n} of {total}', { n: 2, total: 4 }, 'en', undefined)).toBe(
      'Step 2 of 4',
    );
    expect(formatMessage('ជំហាន {n}', { n: 12 }, 'km-u-nu-khmr', undefined)).toBe('ជំហាន ១២');
  });

  it('formats plurals in English and Khmer (one form in Khmer) and Khmer digits', () => {
    expect(needsIcu(english.done)).toBe(true);
    expect(formatMessage(english.done, { n: 0, total: 1 }, 'en', icuFormat)).toBe(
      '0 of 1 activity done',
    );
    expect(formatMessage(english.done, { n: 2, total: 5 }, 'en', icuFormat)).toBe(
      '2 of 5 activities done',
    );
    const km = '{n, plural, other {# សកម្មភាព}}';
    expect(formatMessage(km, { n: 1 }, 'km', icuFormat)).toBe('1 សកម្មភាព');
    expect(formatMessage(km, { n: 3 }, 'km-u-nu-khmr', icuFormat)).toBe('៣ សកម្មភាព');
  });

  it('formats dates as the locale writes them', () => {
    const d = new Date(Date.UTC(2026, 0, 15, 12));
    expect(formatMessage(english.when, { d }, 'en', icuFormat)).toBe('Saved on Jan 15, 2026');
    expect(formatMessage('{d, date, medium}', { d }, 'km-u-nu-khmr', icuFormat)).toMatch(/១៥/);
  });

  it('throws rather than leave a placeholder empty (the caller shows English)', () => {
    expect(() => formatMessage('Hi {name}', {}, 'en', undefined)).toThrow(/name/);
    expect(formatMessage('Hi {name}', {}, 'en', undefined, true)).toBe('Hi {name}');
  });
});

describe('the message loader', () => {
  it('indexes locale files by area and language, leaving English out', () => {
    const none = () => Promise.resolve({});
    const index = indexTranslations({
      '/x/content/ui/km.json': none,
      '/x/content/ui/en.json': none,
      '/x/content/ui/feedback/km.json': none,
      '/x/content/ui/feedback/th.json': none,
      '/x/content/ui/README.json': none,
    });
    expect([...index.get('')!.keys()]).toEqual(['km']);
    expect([...index.get('feedback')!.keys()].sort()).toEqual(['km', 'th']);
  });

  it('uses a translation only when made from the current English', () => {
    const file = {
      strings: {
        ...localeFile({ hello: 'សួស្តី {name}!' }).strings,
        plain: { text: 'ជ្រើសភាសា', sourceHash: sourceHash('Pick a language'), status: 'machine' },
        gone: { text: 'x', sourceHash: sourceHash('x'), status: 'machine' },
      },
    };
    expect(usableMessages(english, file)).toEqual({ hello: 'សួស្តី {name}!' });
    expect(usableMessages(english, null)).toEqual({});
  });

  it('shows the current language, and English for a missing or stale message', async () => {
    const lang = { current: 'en' };
    const ui = area(
      {
        'ui/km.json': {
          strings: {
            ...localeFile({ hello: 'សួស្តី {name}!', done: '{n} នៃ {total} រួចរាល់' }).strings,
            plain: { text: 'ជ្រើសភាសា', sourceHash: sourceHash('Old'), status: 'machine' },
          },
        },
      },
      lang,
    );
    await ui.load();
    expect(ui.t('hello', { name: 'Kiri' })).toBe('Hello, Kiri!');
    lang.current = 'km';
    // Not loaded yet in Khmer: English, not a mix.
    expect(ui.t('hello', { name: 'Kiri' })).toBe('Hello, Kiri!');
    await ui.load();
    expect(ui.t('hello', { name: 'Kiri' })).toBe('សួស្តី Kiri!');
    expect(ui.t('plain')).toBe('Pick your language'); // stale
    expect(ui.t('when', { d: new Date(Date.UTC(2026, 0, 15, 12)) })).toBe('Saved on Jan 15, 2026'); // missing
    expect(ui.t('done', { n: 1, total: 3 })).toBe('1 នៃ 3 រួចរាល់');
  });

  it('falls back to the whole English sentence when a translation cannot be filled', async () => {
    const lang = { current: 'km', locale: 'km-u-nu-khmr' };
    const ui = area(
      { 'ui/km.json': localeFile({ hello: 'សួស្តី {friend}!', done: '{n, plural, other {# ' }) },
      lang,
    );
    await ui.load();
    expect(ui.t('hello', { name: 'Kiri' })).toBe('Hello, Kiri!');
    expect(ui.t('done', { n: 2, total: 2 })).toBe('2 of 2 activities done');
  });
});
