/**
 * The quick checks (docs/measurement.md), one lazily loaded chunk (`measure-*`, kept by the
 * service worker once loaded, never precached): only a learner with an account loads it.
 */
export { preCheck } from './due';
export type { DueCheck } from './due';
export { QuickCheck } from './quick-check';
export { EndCheck } from './end-check';
export { HomeCheck } from './home-check';
