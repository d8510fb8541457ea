import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The web app lives in src/web and builds into dist/, which the Kite server serves at `/`.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [preact()],
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    target: 'es2020',
    // Nothing inlined as data: URIs except tiny images; keeps the CSP simple.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
