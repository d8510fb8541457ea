// Codemod: every import of the engine from outside src/engine goes through one of its two
// public entry points, `src/engine` (index.ts) or, for content tooling with zod,
// `src/engine/content` (content/index.ts). Rewrites deep specifiers such as
// '../../engine/types/text' to '../../engine' and '../engine/content/issues' to
// '../engine/content', then merges the imports of one file from the same entry point into one
// value import and one `import type`. Idempotent: run it again after a merge brings in new deep
// imports (eslint names them).   node scripts/engine-barrel-imports.mjs [folders…]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ts = (await import('typescript')).default;
const roots = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['src/web', 'src/server', 'src/db', 'src/content', 'test', 'bench', 'scripts'];
const DEEP = /^((?:\.\.?\/)+(?:src\/)?engine)\/(.+)$/;

/** The entry point a deep engine specifier belongs to, or undefined when it is not one. */
function entryPoint(spec) {
  const m = DEEP.exec(spec);
  if (!m) return undefined;
  const [, base, rest] = m;
  if (rest === 'index' || rest === 'content/index')
    return rest === 'index' ? base : `${base}/content`;
  if (rest === 'content') return undefined;
  // Test helpers (src/engine/testing) are their own entry point, for tests only.
  if (rest.startsWith('testing/')) return undefined;
  return rest.startsWith('content/') ? `${base}/content` : base;
}

function* sources(path) {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort())
      if (name !== 'node_modules' && !name.startsWith('.')) yield* sources(join(path, name));
  } else if (/\.(tsx?|mts)$/.test(path) && !path.endsWith('.d.ts')) yield path;
}

function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const groups = new Map(); // entry point -> { values, types, decls }
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    const entry = entryPoint(spec) ?? (/(^|\/)engine(\/content)?$/.test(spec) ? spec : undefined);
    if (entry === undefined) continue;
    const clause = st.importClause;
    const named = clause?.namedBindings;
    if (!clause || clause.name || !named || !ts.isNamedImports(named)) {
      if (entryPoint(spec)) throw new Error(`${file}: cannot merge "${st.getText()}"`);
      continue;
    }
    const g = groups.get(entry) ?? { values: [], types: [], decls: [] };
    for (const el of named.elements) {
      const name = el.propertyName ? `${el.propertyName.text} as ${el.name.text}` : el.name.text;
      if (clause.isTypeOnly || el.isTypeOnly) g.types.push(name);
      else g.values.push(name);
    }
    g.decls.push(st);
    groups.set(entry, g);
  }
  const edits = [];
  for (const [entry, g] of groups) {
    const deep = g.decls.some((d) => d.moduleSpecifier.text !== entry);
    if (!deep && g.decls.length <= 2) continue;
    const uniq = (xs) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
    const lines = [];
    if (g.values.length) lines.push(`import { ${uniq(g.values).join(', ')} } from '${entry}';`);
    if (g.types.length) lines.push(`import type { ${uniq(g.types).join(', ')} } from '${entry}';`);
    g.decls.forEach((d, i) =>
      edits.push({
        start: d.getStart(sf),
        end: d.getEnd() + (i === 0 ? 0 : (/^\r?\n/.exec(text.slice(d.getEnd()))?.[0].length ?? 0)),
        text: i === 0 ? lines.join('\n') : '',
      }),
    );
  }
  if (edits.length === 0) return false;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  writeFileSync(file, out);
  return true;
}

let changed = 0;
for (const root of roots) for (const file of sources(root)) if (rewrite(file)) changed++;
console.log(`engine-barrel-imports: ${changed} file(s) rewritten`);
