import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core on the page as it is now: every default rule, with violations collected in full.
 * Legacy mode runs axe in the page itself; the default mode's frame protocol opens a new blank
 * page to finish every run, which made one check 1.9–5.5 s on the development machine against
 * 0.7–1.2 s this way, over about 80 checks in the e2e suite. Kite's pages have no frames.
 */
export function runAxe(page: Page): ReturnType<AxeBuilder['analyze']> {
  return new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
}
