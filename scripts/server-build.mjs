// Compiles the server (src/server, src/db and what they import from src/engine and
// src/content) to plain JavaScript in build/, when build/ is missing or older than its sources.
// Production runs `node build/server/main.js`; tests keep running from the TypeScript sources.
//
// The sources import each other without a file extension (`from './config/config'`, resolved
// by `moduleResolution: Bundler`). Node's ESM loader needs the real file name, so the emit
// rewrites every relative specifier to the file TypeScript resolved: `./config/config.js`,
// or `./dir/index.js` for a folder.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fingerprint } from './fingerprint.mjs';

export const SERVER_BUILD_DIR = 'build';
const INPUTS = [
  'src/server',
  'src/db',
  'src/engine',
  'src/content',
  'tsconfig.base.json',
  'tsconfig.server.json',
  'package-lock.json',
];
const STAMP = `${SERVER_BUILD_DIR}/.build-fingerprint`;
const ENTRY = `${SERVER_BUILD_DIR}/server/main.js`;

/** The specifier Node needs for `spec` written in `fromFile`, or undefined when not relative. */
function nodeSpecifier(fromFile, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
  const base = resolve(dirname(fromFile), spec);
  const candidates = [
    [/\.tsx?$/.test(spec) ? base : null, spec.replace(/\.tsx?$/, '.js')],
    [`${base}.ts`, `${spec}.js`],
    [`${base}.tsx`, `${spec}.js`],
    [join(base, 'index.ts'), `${spec}/index.js`],
    [/\.(m?js|json)$/.test(spec) ? base : null, spec],
  ];
  for (const [file, out] of candidates) if (file && existsSync(file)) return out;
  throw new Error(`${relative('.', fromFile)}: cannot resolve import "${spec}"`);
}

function rewriteImports(ts) {
  return (context) => (sourceFile) => {
    const f = context.factory;
    const literal = (node) => {
      const to = nodeSpecifier(sourceFile.fileName, node.text);
      return to === undefined || to === node.text ? node : f.createStringLiteral(to);
    };
    const visit = (node) => {
      if (
        ts.isImportDeclaration(node) &&
        ts.isStringLiteral(node.moduleSpecifier) &&
        !node.importClause?.isTypeOnly
      ) {
        return f.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          literal(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (
        ts.isExportDeclaration(node) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        return f.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          literal(node.moduleSpecifier),
          node.attributes,
        );
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length >= 1 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        return f.updateCallExpression(node, node.expression, node.typeArguments, [
          literal(node.arguments[0]),
          ...node.arguments.slice(1),
        ]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit);
  };
}

/**
 * Compiles the server into build/; throws with TypeScript's messages on any error. It compiles
 * into a fresh folder and then swaps it in, so a server already running from build/ keeps its
 * files until the last moment and a failed build leaves the previous one in place.
 */
export async function buildServer() {
  const out = `${SERVER_BUILD_DIR}.tmp-${process.pid}`;
  const { default: ts } = await import('typescript');
  const configPath = resolve('tsconfig.server.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
  rmSync(out, { recursive: true, force: true });
  const program = ts.createProgram(parsed.fileNames, { ...parsed.options, outDir: resolve(out) });
  const emitted = program.emit(undefined, undefined, undefined, false, {
    before: [rewriteImports(ts)],
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => '\n',
    };
    rmSync(out, { recursive: true, force: true });
    throw new Error(ts.formatDiagnostics(diagnostics, host));
  }
  // build/ is an ES module tree whatever the package around it says.
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const old = `${SERVER_BUILD_DIR}.old-${process.pid}`;
  if (existsSync(SERVER_BUILD_DIR)) renameSync(SERVER_BUILD_DIR, old);
  renameSync(out, SERVER_BUILD_DIR);
  rmSync(old, { recursive: true, force: true });
}

/** Returns true when it built, false when build/ was already up to date. */
export async function buildServerIfStale({ force = false, quiet = false } = {}) {
  const want = fingerprint(INPUTS);
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (!force && have === want && existsSync(ENTRY)) return false;
  if (!quiet) console.log(`Building the server (${SERVER_BUILD_DIR}${sep})…`);
  await buildServer();
  writeFileSync(STAMP, `${want}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServerIfStale({ force: process.argv.includes('--force') });
}
