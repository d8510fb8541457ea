// The release builder's worker entry when Kite runs from its TypeScript sources (tsx, vitest): a
// worker thread does not inherit the parent's TypeScript loader, so this plain JavaScript file
// loads fold-worker.ts through tsx. Compiled builds run fold-worker.js directly (fold-workers.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./fold-worker.ts', import.meta.url);
