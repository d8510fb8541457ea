/**
 * Kite's Content Security Policy. Written by hand rather than taken from helmet, whose default
 * adds `upgrade-insecure-requests` and `https:` sources that break plain-HTTP school hubs.
 * No inline scripts; everything from our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  // default-src covers scripts, styles, fonts, connections, workers, media and the manifest.
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Powerful browser features Kite does not use, denied to every page and frame. Kite plays
 * sound it was asked to (speech, `Audio`), so `autoplay` stays; `microphone` is denied until a
 * page needs it (then only that page may get `microphone=(self)`). A name a browser does not
 * know is ignored by it (Chromium logs a warning, not an error).
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'ambient-light-sensor',
  'attribution-reporting',
  'bluetooth',
  'browsing-topics',
  'camera',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-write',
  'compute-pressure',
  'deferred-fetch',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'interest-cohort',
  'keyboard-map',
  'language-detector',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'speaker-selection',
  'storage-access',
  'summarizer',
  'translator',
  'usb',
  'web-share',
  'window-management',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((f) => `${f}=()`).join(', ');

/** HSTS for a deployment served over https: a year, subdomains left to their own choice. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Headers on every response, computed once: the ones every deployment sends. Kept short on
 * purpose: they go out with every API answer too, and their bytes are most of a small JSON
 * response (see bench:http).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
});

export interface SecurityHeaderOptions {
  /** The deployment's public URL (`KITE_PUBLIC_URL`); https adds `Strict-Transport-Security`. */
  publicUrl?: string | undefined;
}

/**
 * The header set of one deployment, computed once at start: {@link SECURITY_HEADERS}, plus HSTS
 * when the public URL is https (never on plain http, where a school hub would lock itself out).
 */
export function securityHeaders({ publicUrl }: SecurityHeaderOptions = {}): Readonly<
  Record<string, string>
> {
  const https = publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  return https
    ? Object.freeze({ ...SECURITY_HEADERS, 'strict-transport-security': STRICT_TRANSPORT_SECURITY })
    : SECURITY_HEADERS;
}

/**
 * Every response's headers: the security headers of the deployment, and `Cache-Control:
 * no-store` by default, since API answers are not to be kept (a route that may be cached, such
 * as a PDF or a file of the web app, sets its own).
 */
export function responseHeaders(
  options: SecurityHeaderOptions = {},
): Readonly<Record<string, string>> {
  return Object.freeze({ ...securityHeaders(options), 'cache-control': 'no-store' });
}
