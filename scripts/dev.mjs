// `npm run dev`: the API server on PORT (default 3000) and Vite with hot reload on 5173,
// which proxies /api to the server. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, KITE_WEB_DIR: process.env.KITE_WEB_DIR ?? 'dist' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '5173', '--strictPort'], {
    stdio: 'inherit',
  }),
];
console.log('Kite dev: open http://127.0.0.1:5173 (hot reload); the API runs on port 3000.');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
