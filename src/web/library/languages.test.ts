import { describe, expect, it } from 'vitest';
import { libraryLanguages, printLanguage } from './languages';

const status = { machine: 1, draft: 0, reviewed: 0, ui: 1 } as never;
const index = {
  langs: ['en', 'km', 'th'],
  languages: [
    { code: 'en', name: 'English', bands: ['5-7', '8-10', '11-13', '14-16'], status },
    { code: 'km', name: 'ខ្មែរ', bands: ['5-7'], status },
    { code: 'th', name: 'ไทย', bands: [], status },
  ],
} as const;

describe("the library's languages", () => {
  it('offers English and the languages offered for at least one band', () => {
    expect(libraryLanguages(index as never)).toEqual(['en', 'km']);
    expect(libraryLanguages({ langs: ['en', 'km'] })).toEqual(['en', 'km']);
  });

  it("prints an item in the library's language only where it is offered for the item's band", () => {
    expect(printLanguage(index as never, 'km', ['5-7'])).toBe('km');
    expect(printLanguage(index as never, 'km', ['8-10', '11-13'])).toBe('en');
    expect(printLanguage(index as never, 'km', ['8-10', '5-7'])).toBe('km');
    expect(printLanguage(index as never, 'th', ['5-7'])).toBe('en');
    expect(printLanguage(index as never, 'en', ['5-7'])).toBe('en');
  });
});
