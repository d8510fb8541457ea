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
 * The Content Security Policy of an API answer (JSON, CSV): nothing may load or run in it and
 * nothing may frame it. It is stricter than the pages' policy and a tenth of its length.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries, whatever it is: the browser must not guess a type, send a
 * referrer, or let another site load it.
 */
const EVERY_ANSWER: Readonly<Record<string, string>> = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * What only a document needs: a page, a script or worker of the web app, or a printed document
 * that the browser shows (a PDF). These govern what a document may run and use, which is why an
 * API answer, that nothing renders or runs, sends a short policy instead (see
 * {@link API_SECURITY_HEADERS}). A route that answers a document under `/api/` (the PDFs) adds
 * these to its answer.
 */
export const DOCUMENT_ONLY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
});

/** The security headers of a document (the web app's files, pages, PDFs). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...EVERY_ANSWER,
  ...DOCUMENT_ONLY_HEADERS,
});

/**
 * The security headers of an API answer. Permissions-Policy and Cross-Origin-Opener-Policy
 * apply only to documents, and the page CSP's sources mean nothing to JSON: an API answer
 * carries `default-src 'none'` instead. Kept short on purpose: they go out with every sync and
 * every answer of the API, on slow school connections, and their bytes were most of a small
 * answer's cost (bench:http).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...EVERY_ANSWER,
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
});

export interface SecurityHeaderOptions {
  /** The deployment's public URL (`KITE_PUBLIC_URL`); https adds `Strict-Transport-Security`. */
  publicUrl?: string | undefined;
}

/** HSTS when the public URL is https (never on plain http, where a school hub would lock itself out). */
function transportHeaders({ publicUrl }: SecurityHeaderOptions): Record<string, string> {
  const https = publicUrl !== undefined && new URL(publicUrl).protocol === 'https:';
  return https ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {};
}

/** The two header sets of one deployment, computed once at start. */
export interface ResponseHeaders {
  /** Every answer under `/api/`, and errors answered before a path is known. */
  readonly api: Readonly<Record<string, string>>;
  /** Everything else: the web app's pages and files. */
  readonly document: Readonly<Record<string, string>>;
}

/**
 * Every response's headers: the security headers of its kind and of the deployment, and
 * `Cache-Control: no-store` by default, since answers are not to be kept (a route that may be
 * cached, such as a PDF or a file of the web app, sets its own).
 */
export function responseHeaders(options: SecurityHeaderOptions = {}): ResponseHeaders {
  const common = { ...transportHeaders(options), 'cache-control': 'no-store' };
  return Object.freeze({
    api: Object.freeze({ ...API_SECURITY_HEADERS, ...common }),
    document: Object.freeze({ ...SECURITY_HEADERS, ...common }),
  });
}

/** True for a request of the API (its answers carry {@link API_SECURITY_HEADERS}). */
export const isApiUrl = (url: string): boolean =>
  url.startsWith('/api/') || url === '/api' || url.startsWith('/api?');
