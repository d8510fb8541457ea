/**
 * Fonts a language needs beyond the bundled Latin Noto Sans, loaded only when the language is
 * chosen (a separate CSS chunk with self-hosted woff2 files; the service worker keeps them).
 */
export const SCRIPT_FONTS: Readonly<Record<string, () => Promise<unknown>>> = {
  km: () =>
    Promise.all([
      import('@fontsource/noto-sans-khmer/khmer-400.css'),
      import('@fontsource/noto-sans-khmer/khmer-700.css'),
    ]),
};
