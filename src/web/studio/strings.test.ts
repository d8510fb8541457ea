import { describe, expect, it } from 'vitest';
import { studioLanguage } from './strings';

describe("the studio's language", () => {
  it("is the browser's first language the studio has words for, else English", () => {
    expect(studioLanguage(['km-KH', 'en-US'])).toBe('km');
    expect(studioLanguage(['fr-FR', 'km'])).toBe('km');
    expect(studioLanguage(['en-GB', 'km'])).toBe('en');
    expect(studioLanguage(['fr-FR', 'de'])).toBe('en');
    expect(studioLanguage([])).toBe('en');
  });
});
