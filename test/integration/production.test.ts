import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILED_CLI, COMPILED_SERVER, compiledEntry } from '../helpers/compiled-server';
import { freePort } from '../helpers/free-port';

// What production runs (docs/deploy.md): the compiled server with plain node, over the packages
// `npm ci --omit=dev` installs, which must hold no build tool.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
};

/** The packages `npm ci --omit=dev` installs: lockfile entries not marked dev-only. */
const productionTree = Object.entries(lock.packages)
  .filter(([path, p]) => path !== '' && !p.dev && !p.devOptional)
  .map(([path]) => path.replace(/^.*node_modules\//, ''));

const BUILD_TOOLS =
  /^(vite|vite-plugin-.+|@vitejs\/.+|rollup|@rollup\/.+|rolldown|@rolldown\/.+|@babel\/.+|babel-.+|tsx|esbuild|@esbuild\/.+|typescript|terser|workbox-.+|@preact\/preset-vite|lightningcss.*|postcss|vitest)$/;

/** Bare package names a module imports (static `from '…'` and `import('…')`), type-only excluded. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^(import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gms)];
  const dynamics = [...text.matchAll(/\bimport\('([^']+)'\)/g)];
  return [...statics.map((m) => m[2] as string), ...dynamics.map((m) => m[1] as string)];
}

/** Every package the server reaches from src/server/main.ts, following relative imports. */
function serverPackages(): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const base = join(dirname(file), spec);
        visit(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts'));
      } else if (!spec.startsWith('node:')) {
        const parts = spec.split('/');
        packages.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
      }
    }
  };
  visit('src/server/main.ts');
  return packages;
}

describe('the production dependency tree', () => {
  it('holds no build tool (vite, rollup, babel, tsx, esbuild, typescript…)', () => {
    expect(productionTree).toContain('fastify');
    expect(productionTree).toContain('better-sqlite3');
    expect(productionTree.filter((name) => BUILD_TOOLS.test(name))).toEqual([]);
  });

  it('holds every package the server imports at run time', () => {
    const used = serverPackages();
    expect(used).toContain('fastify');
    const missing = [...used].filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});

describe('the compiled server (build/)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kite-prod-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs with plain node: health, the OpenAPI version from package.json, a PDF', async () => {
    // Built when older than the sources (scripts/server-build.mjs), under the tests' lock.
    const entry = await compiledEntry(COMPILED_SERVER);
    const port = await freePort();
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        PORT: String(port),
        KITE_DATA_DIR: dataDir,
        KITE_WEB_DIR: 'no-such-dir',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('Kite is running')) resolve();
        });
        void exited.then(() => reject(new Error(`the server exited: ${stderr}`)));
      });
      const origin = `http://127.0.0.1:${port}`;
      expect((await fetch(`${origin}/api/health`)).status).toBe(200);
      const doc = (await (await fetch(`${origin}/api/openapi.json`)).json()) as {
        info: { version: string };
      };
      expect(doc.info.version).toBe(pkg.version);
      const pdf = await fetch(`${origin}/api/worksheets/contact-5-7-identify.pdf`);
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it('carries the command line: node build/server/cli/main.js purge', async () => {
    const r = spawnSync(process.execPath, [await compiledEntry(COMPILED_CLI), 'purge'], {
      env: { ...process.env, KITE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\npurge: done, \d+ rows? deleted\n$/);
  }, 120_000);
});
