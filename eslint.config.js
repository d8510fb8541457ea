// Lint rules, including the dependency direction of the layers (docs/ARCHITECTURE.md):
//   engine  <-  db  <-  server        engine  <-  web        engine  <-  content  <-  server
// The engine imports nothing above it and no Node or DOM API; server and web never import
// each other; db knows nothing of HTTP or the browser; src/content (Node side of content) knows
// nothing of HTTP, the database or the browser. Outside src/engine, the engine is imported only
// through its public entry points: `src/engine` (index.ts) and, for content tooling with zod,
// `src/engine/content` (never from the web app). scripts/engine-barrel-imports.mjs rewrites
// deep imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const ENGINE_DEEP = {
  regex: '^(\\.{1,2}/)+(src/)?engine/(?!content$|testing/).+',
  message:
    'Import the engine through src/engine (index.ts), or src/engine/content for content tooling; node scripts/engine-barrel-imports.mjs rewrites deep imports.',
};
const ENGINE_CONTENT = {
  regex: '^(\\.{1,2}/)+(src/)?engine/content$',
  message: 'The web app never loads the content schemas (zod): import src/engine.',
};

const layer = (files, patterns, message, extra = [], more = [ENGINE_DEEP]) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: extra.map((name) => ({ name, message })),
        patterns: [...(patterns.length ? [{ group: patterns, message }] : []), ...more],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      'build.*/',
      'data/',
      'coverage/',
      'docs/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  layer(
    ['src/engine/**/*.ts'],
    ['**/db/**', '**/server/**', '**/web/**', 'node:*'],
    'The engine is pure and isomorphic: no db, server, web, Node or DOM imports.',
    [...nodeBuiltins, 'fastify', 'kysely', 'preact', 'better-sqlite3', 'pg'],
    [],
  ),
  layer(
    ['src/db/**/*.ts'],
    ['**/server/**', '**/web/**'],
    'db sits below server and knows nothing of HTTP or the browser.',
    ['fastify', 'preact'],
  ),
  layer(
    ['src/server/**/*.ts'],
    ['**/web/**'],
    'The server never imports web code; it serves the built files from dist/.',
    ['preact'],
  ),
  layer(
    ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ['**/server/**', '**/db/**', 'node:*'],
    'Web code runs in the browser: no server, db or Node imports.',
    [...nodeBuiltins, 'fastify', 'kysely', 'better-sqlite3', 'pg'],
    [ENGINE_DEEP, ENGINE_CONTENT],
  ),
  layer(
    ['src/content/**/*.ts'],
    ['**/server/**', '**/web/**', '**/db/**'],
    'src/content is the Node side of content: it may import the engine and Node, never server, web or db.',
    ['fastify', 'preact', 'kysely', 'better-sqlite3', 'pg'],
  ),
  layer(['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts'], [], ''),
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
