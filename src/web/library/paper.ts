/** Paper sizes the printable documents come in. */
export const PAPERS = ['a4', 'letter'] as const;
export type PageSize = (typeof PAPERS)[number];

const KEY = 'kite.paper';

/**
 * The paper size an adult chose last on this device (a preference, nothing personal), else
 * US Letter where the browser's region uses it and A4 elsewhere.
 */
export function preferredPaper(): PageSize {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'a4' || saved === 'letter') return saved;
  } catch {
    // Storage may be blocked; fall through to the region's default.
  }
  try {
    const region = new Intl.Locale(navigator.language || 'en').maximize().region ?? '';
    return ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE'].includes(region) ? 'letter' : 'a4';
  } catch {
    return 'a4';
  }
}

export function savePaper(paper: PageSize): void {
  try {
    localStorage.setItem(KEY, paper);
  } catch {
    // Not saved; the choice still applies on this page.
  }
}
