import { excerpt } from '../http/errors';

/**
 * Query parameters that identify a click for an advertiser or an analytics service. A link a
 * child may follow from Kite carries none of them (no third party learns that a child of this
 * deployment looked for help).
 */
const TRACKING_PARAMS = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id)$/i,
  /^(mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_enc_id|oly_anon_id|vero_id)$/i,
];

/**
 * Link shorteners: they hide where a link leads and count who follows it. A helpline's own
 * address is written instead.
 */
const SHORTENERS = new Set([
  'bit.ly',
  'buff.ly',
  'cutt.ly',
  'goo.gl',
  'is.gd',
  'ow.ly',
  'rebrand.ly',
  'shorturl.at',
  't.co',
  't.ly',
  'tiny.cc',
  'tinyurl.com',
]);

/**
 * Why `url` may not be shown to children as a helpline's address, or null when it may: only
 * `https:` addresses without a user name, a tracking parameter or a link shortener.
 */
export function trackingProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'is not an address';
  }
  if (u.protocol !== 'https:') return 'must start with https://';
  if (u.username !== '' || u.password !== '') return 'must not hold a user name or password';
  if (SHORTENERS.has(u.hostname.toLowerCase().replace(/^www\./, '')))
    return 'is a link shortener; give the service’s own address';
  for (const name of u.searchParams.keys()) {
    if (TRACKING_PARAMS.some((p) => p.test(name)))
      return `carries the tracking parameter "${excerpt(name)}"`;
  }
  return null;
}
