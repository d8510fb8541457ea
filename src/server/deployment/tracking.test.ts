import { describe, expect, it } from 'vitest';
import { trackingProblem } from './tracking';

describe('trackingProblem', () => {
  it('lets a plain https address through, with its own query', () => {
    expect(trackingProblem('https://childhelpline.example.org/')).toBeNull();
    expect(trackingProblem('https://example.org/help?lang=km&page=2')).toBeNull();
  });

  it('refuses what would tell a third party that a child followed the link', () => {
    expect(trackingProblem('https://example.org/?utm_source=kite')).toMatch(/utm_source/);
    expect(trackingProblem('https://example.org/?UTM_Campaign=x')).toMatch(/UTM_Campaign/);
    expect(trackingProblem('https://example.org/?fbclid=abc')).toMatch(/fbclid/);
    expect(trackingProblem('https://example.org/?a=1&gclid=abc')).toMatch(/gclid/);
    expect(trackingProblem('https://bit.ly/3xyz')).toMatch(/shortener/);
    expect(trackingProblem('https://www.tinyurl.com/abc')).toMatch(/shortener/);
  });

  it('refuses addresses that are not https or carry credentials', () => {
    expect(trackingProblem('http://example.org/')).toMatch(/https/);
    expect(trackingProblem('javascript:alert(1)')).toMatch(/https/);
    expect(trackingProblem('https://user:pw@example.org/')).toMatch(/user name/);
    expect(trackingProblem('not a url')).toMatch(/not an address/);
  });

  it('shows a tracking parameter of any length only as a short excerpt', () => {
    const long = `utm_${'x'.repeat(200)}`;
    expect(trackingProblem(`https://example.org/?${long}=1`)!.length).toBeLessThan(100);
  });
});
