// The PDF worker's entry when Kite runs from its TypeScript sources (tsx, vitest): a worker
// thread does not inherit the parent's TypeScript loader, so this plain JavaScript file loads
// render-worker.ts through tsx. Compiled builds run render-worker.js directly (see pool.ts).
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./render-worker.ts', import.meta.url);

export default worker.default;
