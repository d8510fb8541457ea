// `npm start`: checks the configuration, builds the web app when missing or stale, then runs the
// server (TypeScript through tsx).
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './web-build.mjs';

register();
const { parseConfig } = await import('../src/server/config/config.ts');
try {
  parseConfig(process.env);
} catch (e) {
  console.error(`kite: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
try {
  await buildWebIfStale();
} catch (e) {
  console.error(`kite: the web app could not be built: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
await import('../src/server/main.ts');
