import { describe, expect, it } from 'vitest';
import { isAppPath, isDocumentPath, matchRoute, safeReturnPath } from './routes';

describe('app routes', () => {
  it('matches patterns with params and rejects other shapes', () => {
    expect(matchRoute('/play/:id', '/play/sample-new-friend')).toEqual({ id: 'sample-new-friend' });
    expect(matchRoute('/play/:id', '/play/a%20b')).toEqual({ id: 'a b' });
    expect(matchRoute('/play/:id', '/play/')).toBeNull();
    expect(matchRoute('/play/:id', '/play/a/b')).toBeNull();
    expect(matchRoute('/play/:id', '/play/%zz')).toBeNull();
  });

  it('knows the app pages and nothing else', () => {
    for (const p of [
      '/',
      '/library',
      '/play/x',
      '/guides/g/parents',
      '/lessons/l',
      '/help/now',
      '/account',
      '/account/signin',
      '/account/data',
    ])
      expect(isAppPath(p), p).toBe(true);
    for (const p of [
      '/nope',
      '/play',
      '/library/x',
      '/wp-admin/setup.php',
      '/api/health',
      '/account/x',
      '/account/signin/x',
    ])
      expect(isAppPath(p), p).toBe(false);
  });

  it('returns newcomers only to same-origin app paths', () => {
    expect(safeReturnPath('/play/x?together=1')).toBe('/play/x?together=1');
    expect(safeReturnPath('/library?q=threat')).toBe('/library?q=threat');
    for (const bad of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/play/x',
      '/\\evil',
      '/start',
      '/nope',
      'play/x',
      '/studio',
      '/studio/x',
    ])
      expect(safeReturnPath(bad), String(bad)).toBe('/');
  });

  it('returns to a document of its own, such as the recording studio', () => {
    expect(isDocumentPath('/studio/')).toBe(true);
    expect(isAppPath('/studio/')).toBe(false);
    expect(safeReturnPath('/studio/')).toBe('/studio/');
  });
});
