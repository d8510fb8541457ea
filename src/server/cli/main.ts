// The command line's process: `npm run kite -- <command>` (through scripts/kite.ts) or, in
// production without dev packages, `node build/server/cli/main.js <command>`.
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
