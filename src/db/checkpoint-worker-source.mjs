// The checkpointer thread's entry when Kite runs from its TypeScript sources (tsx, vitest): a
// worker thread does not inherit the parent's TypeScript loader, so this plain JavaScript file
// loads checkpoint-worker.ts through tsx. Compiled builds run checkpoint-worker.js directly.
import { tsImport } from 'tsx/esm/api';

await tsImport('./checkpoint-worker.ts', import.meta.url);
