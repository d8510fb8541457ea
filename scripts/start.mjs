// `npm start`: builds the server (build/) and the web app (dist/) when missing or stale, checks
// the configuration, then runs the compiled server with plain node. Production without build
// tools runs `node build/server/main.js` directly (docs/deploy.md).
import { pathToFileURL } from 'node:url';
import { buildServerIfStale, SERVER_BUILD_DIR } from './server-build.mjs';
import { buildWebIfStale } from './web-build.mjs';

try {
  await buildServerIfStale();
} catch (e) {
  console.error(`kite: the server could not be built:\n${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const configModule = pathToFileURL(`${SERVER_BUILD_DIR}/server/config/config.js`).href;
const { parseConfig } = await import(configModule);
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

// Plain node runs the compiled server (the builds above are done and hold nothing open).
await import(pathToFileURL(`${SERVER_BUILD_DIR}/server/main.js`).href);
