import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { kiteContent } from './src/content/vite-plugin';
import { parsePackList } from './src/content/packs';
import { parseThreshold } from './src/content/languages';
import { precompress } from './scripts/vite-precompress';
import { routeHints } from './scripts/vite-route-hints';

/** The Play page's module. */
const PLAY_PAGE = /[\\/]src[\\/]web[\\/]pages[\\/]play\.tsx$/;
/** Modules the Play page imports that other lazily loaded pages import too. */
const PLAY_SHARED =
  /[\\/]src[\\/](engine[\\/]text[\\/]|web[\\/]components[\\/](confirm-dialog|voice-note)\.tsx$|web[\\/]sync[\\/]request\.ts$)/;

/** The recording studio's modules and strings (a document of its own, src/web/studio). */
const STUDIO = /[\\/](src[\\/]web|content[\\/]ui)[\\/]studio[\\/]/;
/** A UI translation file: content/ui/<lang>.json or content/ui/<area>/<lang>.json, not English. */
const UI_TRANSLATION =
  /[\\/]ui[\\/](?:[^\\/]+[\\/])?(?!en\.json)[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.json$/;

/**
 * Whether a chunk holds only the adults' account pages and their strings (and its CSS): the
 * account, class and family pages, the industry pages with what only they use (the engine's
 * scoring of an assessment and the framework practice mode bundles), and the deployment and
 * national pages (with the engine's layout of a national table).
 */
function isAccountChunk(moduleIds: readonly string[]): boolean {
  return (
    moduleIds.length > 0 &&
    moduleIds.every(
      (id) =>
        /[\\/](src[\\/]web|content[\\/]ui)[\\/](account|classes|industry|deployment|nation)[\\/]/.test(
          id,
        ) ||
        /[\\/]src[\\/]engine[\\/](industry|nation)[\\/]/.test(id) ||
        /[\\/]content[\\/](nicknames|industry)[\\/]/.test(id),
    )
  );
}

/**
 * The quick checks' modules (docs/measurement.md): only a learner with an account runs them, so
 * their chunks are `measure-*`, kept when first loaded (home loads them for such a learner),
 * never precached: a device without an account never downloads them.
 */
const MEASURE =
  /[\\/](src[\\/](web[\\/]measure[\\/]|web[\\/]store[\\/]measures\.ts$|engine[\\/]measurement[\\/]|engine[\\/]types[\\/]measurement\.ts$)|content[\\/]ui[\\/]measure[\\/]en\.json$)/;
const isMeasureChunk = (moduleIds: readonly string[]) =>
  moduleIds.length > 0 && moduleIds.every((id) => MEASURE.test(id));

/**
 * The stylesheets only the adults' chunks (`account-*`) import. Vite names a chunk's extracted
 * CSS after the chunk's own name, not after `chunkFileNames`, so the industry pages' styles come
 * out as e.g. `labels-*.css`; this records them as the bundle is written, and the service
 * worker's manifest leaves them out (`workbox.manifestTransforms` below).
 */
const adultOnlyCss = new Set<string>();
function adultStyles(): Plugin {
  return {
    name: 'kite-adult-styles',
    apply: 'build',
    generateBundle(_options, bundle) {
      const adult = new Set<string>();
      const child = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const css = (chunk as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata
          ?.importedCss;
        for (const file of css ?? []) {
          (chunk.fileName.startsWith('assets/account-') ? adult : child).add(file);
        }
      }
      adultOnlyCss.clear();
      for (const file of adult) if (!child.has(file)) adultOnlyCss.add(file);
    },
  };
}

/**
 * Writes dist/dictionaries.json, the URLs of the password word-list chunks (`dict-*`), which
 * the app fetches in the background after a first activity (src/web/app/dictionaries.ts).
 */
function dictionaryList(): Plugin {
  return {
    name: 'kite-dictionary-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => /^assets\/dict-[^/]+\.js$/.test(f))
        .map((f) => `/${f}`)
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: 'dictionaries.json',
        source: JSON.stringify(files),
      });
    },
  };
}

/**
 * Leaves the manifest link vite-plugin-pwa writes out of index.html: the app adds it once the
 * first screen is up (src/web/app/service-worker.ts), so the browser's fetch of the manifest and
 * its icon does not compete with the first screen's files.
 */
function manifestAfterFirstScreen(): Plugin {
  return {
    name: 'kite-manifest-after-first-screen',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // The studio's document is no part of the installable app: it never links the manifest.
      for (const name of ['index.html', 'studio/index.html']) {
        const html = bundle[name];
        if (html?.type !== 'asset' || typeof html.source !== 'string') continue;
        const without = html.source.replace(/\s*<link rel="manifest"[^>]*>/, '');
        if (without === html.source) this.error(`${name} has no manifest link to move`);
        html.source = without;
      }
    },
  };
}

// The web app lives in src/web and builds into dist/, which the Kite server serves at `/`.
// Content under content/ is validated and bundled into dist/content/ by the kite-content plugin,
// with the packs KITE_PACKS names (default: core), as the server serves them.
const CONTENT_DIR = process.env.KITE_CONTENT_DIR ?? 'content';
/** Where the build goes: dist/, or another folder (KITE_BUILD_OUT, e.g. a test's fixture build). */
const OUT_DIR = resolve(process.env.KITE_BUILD_OUT ?? 'dist');

export default defineConfig({
  root: 'src/web',
  resolve: {
    // The UI translations (content/ui/<area>/<lang>.json) of the content root the build reads;
    // the English files are the app's source and always come from content/ui.
    alias: { '@kite-ui': resolve(CONTENT_DIR, 'ui') },
  },
  publicDir: 'public',
  plugins: [
    preact(),
    kiteContent(
      CONTENT_DIR,
      parsePackList(process.env.KITE_PACKS),
      parseThreshold(process.env.KITE_LANGUAGE_THRESHOLD),
    ),
    dictionaryList(),
    routeHints(),
    adultStyles(),
    VitePWA({
      injectRegister: null,
      registerType: 'prompt',
      filename: 'sw.js',
      // The icons are in the precache through `globPatterns` already; the plugin's own copy of
      // the manifest's icons listed them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Kite',
        short_name: 'Kite',
        description: 'Practise being safe, kind and confident online.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#dff1ff',
        theme_color: '#1b2a4a',
        icons: [
          { src: '/icons/kiri-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/kiri-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/kiri-icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The shell, its lazy chunks (every game player), styles, art and the Latin fonts.
        // Khmer fonts and content are cached when first used (runtime caching below), so the
        // precache stays small and a child's own language and band are what is kept. The
        // password word lists (`dict-*`, ~400 KB) are fetched after a first activity instead.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'assets/noto-sans-latin-*.woff2'],
        // Adults' account, class and family pages (`account-*`, with the classes pages' styles)
        // need the network anyway and are not kept either.
        globIgnores: [
          'content/**',
          // The recording studio: a page for adults with a microphone, never kept offline.
          'studio/**',
          'assets/studio-*',
          'assets/*khmer*',
          'assets/dict-*',
          'assets/account-*',
          'assets/classes-*.css',
          // The ICU formatter (plural, select: src/web/i18n/icu.ts) is used by no message of the
          // child's English app; it is kept when first loaded (runtime caching below).
          'assets/icu-*',
          // UI translations: each device keeps its own language's when first used (below).
          'assets/ui-*',
          // The quick checks of learners with an account (MEASURE above), kept when first used.
          'assets/measure-*',
          // The manifest's install icons (39 KB): no page shows them, and the browser fetches
          // them when the app is installed, which needs the network anyway.
          'icons/*.png',
        ],
        // The adults' stylesheets that no chunk of the child's app imports (adultStyles above).
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter((e) => !adultOnlyCss.has(e.url.replace(/^\//, ''))),
            warnings: [],
          }),
        ],
        navigateFallback: '/index.html',
        // The studio is a document of its own, served by the server after an access check,
        // never the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/content\//, /^\/studio(\/|$)/],
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Recordings: their own cache (about 2 MB for the core 5–7 activities in English),
            // filled in the background after a 5–7 child's first play. An <audio> element asks
            // for byte ranges; the cache keeps whole files and answers ranges from them.
            urlPattern: ({ url }) => /^\/content\/packs\/[^/]+\/audio\//.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'kite-audio',
              rangeRequests: true,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 4000 },
            },
          },
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/content/'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'kite-content', expiration: { maxEntries: 2000 } },
          },
          {
            // The password word lists: hashed, so a cached copy never goes stale.
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/dict-'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'kite-dictionaries',
              expiration: { maxEntries: 16 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // The ICU message formatter: hashed, so a cached copy never goes stale.
            urlPattern: ({ url }) =>
              url.pathname.startsWith('/assets/icu-') || url.pathname.startsWith('/assets/ui-'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'kite-i18n',
              expiration: { maxEntries: 32 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // The quick checks' code (MEASURE above): hashed, kept once loaded.
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/measure-'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'kite-measure',
              expiration: { maxEntries: 16 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ url }) =>
              url.pathname.startsWith('/assets/') && /khmer/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'kite-fonts' },
          },
          {
            // Worksheets, challenge cards and guides someone opened stay available offline.
            urlPattern: ({ url }) =>
              /^\/api\/(worksheets|challenges|guides)\/[^/]+\.pdf$/.test(url.pathname),
            handler: 'StaleWhileRevalidate',
            options: {
              cacheName: 'kite-print',
              expiration: { maxEntries: 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ url }) => url.pathname === '/api/client-config',
            handler: 'NetworkFirst',
            options: { cacheName: 'kite-config', networkTimeoutSeconds: 3 },
          },
        ],
      },
    }),
    manifestAfterFirstScreen(),
    precompress(OUT_DIR),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2020',
    // Nothing inlined as data: URIs; keeps the CSP simple and the art cacheable.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Two documents: the app shell, and the recording studio (docs/audio.md), whose code is
      // its own (`studio-*`), left out of the app's shell and of the service worker's precache.
      input: {
        index: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        studio: fileURLToPath(new URL('./src/web/studio/index.html', import.meta.url)),
      },
      // The engine's modules have no side effects (docs/ARCHITECTURE.md: pure, no I/O), so
      // what the app imports through the engine's barrel (src/engine/index.ts) is tree-shaken
      // and split per page as if imported from each file: the first screen does not load the
      // player rules and play() that only the Play page needs.
      treeshake: { moduleSideEffects: (id) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            // What every first screen runs (the entry and all it imports) is three files, not
            // five: Preact, the English UI strings (the fallback of every language) and the rest
            // of the shell. On a slow phone over HTTP/1.1 (six connections to the origin) each
            // file is a request of its own on the first screen's path, and a file of up to
            // ~15 KB compressed fits a new connection's first round trip.
            {
              name: 'preact',
              test: /[\\/]node_modules[\\/]preact[\\/]/,
              tags: ['$initial'],
              priority: 4,
            },
            {
              name: 'strings',
              test: /[\\/]content[\\/]ui[\\/]en\.json$/,
              tags: ['$initial'],
              priority: 4,
            },
            // The recording studio's modules (the second document's entry) stay in its own
            // entry chunk, never in the app's shell.
            { name: 'shell', test: (id) => !STUDIO.test(id), tags: ['$initial'], priority: 3 },
            // The few small modules the Play page shares with other pages (a dialog, the voice
            // note, the text renderer, the sync request), so those pages do not load the game.
            { name: 'shared', test: PLAY_SHARED, priority: 2 },
            // The Play page and the rest of what it imports, one file (with the above, it was
            // eight).
            { name: 'play', test: PLAY_PAGE, priority: 1 },
          ],
        },
        // The password meter's word lists (~860 KB, ~400 KB compressed) get a name of their own,
        // so the service worker can leave them out of the precache (see workbox below).
        // The studio's entry is `studio-*` (entryFileNames), left out of the precache too.
        // The adults' account, class, family and industry pages (src/web/account, classes,
        // industry) are named `account-*`, so the service worker leaves them out of the
        // precache: a child's device never downloads them.
        entryFileNames: 'assets/[name]-[hash].js',
        // A UI translation (content/ui/**/<lang>.json but English) is `ui-*`: kept when its
        // language is first used (runtime caching), never precached, so a device keeps the UI
        // of its own language only.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes('@zxcvbn-ts/language-')
            ? 'assets/dict-[name]-[hash].js'
            : UI_TRANSLATION.test(chunk.facadeModuleId ?? '')
              ? 'assets/ui-[name]-[hash].js'
              : chunk.name === 'studio'
                ? 'assets/studio-[hash].js'
                : isAccountChunk(chunk.moduleIds)
                  ? 'assets/account-[name]-[hash].js'
                  : isMeasureChunk(chunk.moduleIds)
                    ? 'assets/measure-[name]-[hash].js'
                    : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
