import type { Profile } from '../store/profiles';

/**
 * Whether a profile may meet quick checks at all (docs/measurement.md): a learner with an
 * account (a class child, or a parent's child signed in on this device) whose device is still
 * signed in, so the answers reach the server. A child playing without an account is never
 * measured, and the pages load none of the checks' code for them.
 */
export const hasAccount = (profile: Profile | null | undefined): profile is Profile =>
  Boolean(profile?.account && !profile.account.signedOut);

/**
 * The quick checks' code (`./checks`, one lazily loaded chunk), from one import shared by the
 * pages that offer a check.
 */
export const loadChecks = () => import('./checks');
