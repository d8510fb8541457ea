// Kite's command line for operators: `npm run kite -- <command>` (`npm run kite -- help` lists
// the commands). The commands live in src/server/cli/ so that the compiled server in build/
// carries them too (`node build/server/cli/main.js <command>` where tsx is not installed).
import '../src/server/cli/main';
