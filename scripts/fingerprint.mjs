// A build's staleness: a fingerprint of every input file's path, size and modification time
// (test files left out), plus any extra settings the build depends on.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* files(path) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (!st.isDirectory()) {
    yield [path, st];
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    yield* files(join(path, name));
  }
}

/** @param {readonly string[]} inputs @param {string} [extra] @param {string} [root] */
export function fingerprint(inputs, extra = '', root = '.') {
  const h = createHash('sha256');
  h.update(`${extra}\n`);
  for (const input of inputs) {
    for (const [path, st] of files(join(root, input))) {
      if (/\.test(-d)?\.tsx?$/.test(path)) continue;
      h.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex');
}
