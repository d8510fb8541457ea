/**
 * The web app's pages as data, shared by the browser (which page a path shows, where first run
 * may return to) and the server (which paths answer 200 with the app shell and which 404).
 * Patterns use `:name` for one path segment.
 */
export const APP_ROUTES = [
  '/',
  '/start',
  // A child signing in with their class (issue #13): class code, nickname, three pictures.
  '/join',
  '/help',
  '/help/now',
  '/profiles',
  '/privacy',
  '/settings',
  '/play/:id',
  '/class/play/:id',
  '/library',
  '/library/map/:band',
  '/challenges/:id',
  '/guides/:id/:audience',
  '/lessons/:id',
  '/print/:kind/:id',
  // Kiri's course (issue 14): its map, a module's story and steps, its check, the certificate.
  '/course/:id',
  '/course/:id/certificate',
  '/course/:id/:module',
  '/course/:id/:module/check',
  // Adults' accounts (issue 12): pages of their own chunk, which may need the network.
  '/account',
  '/account/signup',
  '/account/signin',
  '/account/verify',
  '/account/reset',
  '/account/invite',
  '/account/setup',
  '/account/mfa',
  '/account/sessions',
  '/account/data',
  // Classes and families (issue 13): teachers' and parents' pages of the same chunk.
  '/account/classes',
  '/account/classes/:id',
  '/account/classes/:id/report',
  '/account/family',
  // Industry self-assessment (issue 16): companies' pages, practice mode, coordinators' review.
  '/account/industry',
  '/account/industry/practice',
  '/account/industry/services/:id',
  '/account/industry/assessments/:id',
  '/account/industry/assessments/:id/results',
  '/account/industry/review',
  '/account/industry/review/:id',
  '/account/industry/statistics',
  '/account/industry/register',
  // Deployment settings and places (issue 17): coordinators' and admins' pages.
  '/account/deployment',
  '/account/deployment/places',
  // National figures (issue 17): the terms' releases and one term's dashboard.
  '/account/nation',
  '/account/nation/:term',
] as const;

export type AppRoute = (typeof APP_ROUTES)[number];

/**
 * Documents of their own beside the app shell (other entries of the web build), which sign-in
 * may return to with a full page load: the recording studio (docs/audio.md).
 */
export const APP_DOCUMENTS = ['/studio/'] as const;

/** Whether a path (no query string) is one of {@link APP_DOCUMENTS}. */
export function isDocumentPath(path: string): boolean {
  return (APP_DOCUMENTS as readonly string[]).includes(path);
}

/** Matches a `/play/:id`-style pattern against a path; the params, or null. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) {
      if (seg === '') return null;
      let value: string;
      try {
        value = decodeURIComponent(seg);
      } catch {
        return null;
      }
      params[part.slice(1)] = value;
    } else if (part !== seg) return null;
  }
  return params;
}

/** Whether a path (no query string) is one of the app's pages. */
export function isAppPath(path: string): boolean {
  return APP_ROUTES.some((r) => matchRoute(r, path) !== null);
}

/**
 * Where first run may send a newcomer afterwards: a same-origin app path with its query
 * string, never first run itself; anything else (another origin, `//host`, an unknown path)
 * gives `/`.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/';
  const q = value.search(/[?#]/);
  const path = q === -1 ? value : value.slice(0, q);
  if (path === '/start' || !(isAppPath(path) || isDocumentPath(path))) return '/';
  return value;
}
