import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CHILD_UI_AREAS, uiLanguages, uiTable } from '../engine';
import { buildCatalogue, formatIssue } from '../engine/content';
import { loadContentDir } from './load-dir';
import { otherPackIdsOf, readabilityIssues } from './catalogue';
import { contentBundles, mediaFiles } from './bundle';
import type { BundleFile } from './bundle';
import { DEFAULT_PACKS } from './packs';

/** Where the bundles come from: the content root, its packs, and the language threshold. */
interface BundleSource {
  readonly root: string;
  readonly packs: readonly string[];
  readonly threshold: number | undefined;
}

async function buildBundles({
  root,
  packs,
  threshold,
}: BundleSource): Promise<{ files: BundleFile[]; errors: string[] }> {
  const [raw, otherPackIds] = await Promise.all([
    loadContentDir(root, { packs }),
    otherPackIdsOf(root, { packs }),
  ]);
  const result = buildCatalogue(raw, { root: 'content', otherPackIds });
  const { catalogue } = result;
  const errors = [...result.errors, ...readabilityIssues(result)];
  if (errors.length > 0) return { files: [], errors: errors.map(formatIssue) };
  const hash = createHash('sha256');
  for (const f of raw.sort((a, b) => (a.path < b.path ? -1 : 1)))
    hash.update(`${f.path}\0${f.text ?? ''}\0`);
  const version = hash.digest('hex').slice(0, 16);
  const media = mediaFiles(raw.filter((f) => f.text === null).map((f) => f.path));
  // The child's UI as the checker loaded it (catalogue.ui); a content root without its
  // English offers no language but English.
  const childUi = CHILD_UI_AREAS.every((area) => catalogue.ui?.has(area));
  const languages = {
    ...(childUi ? { ui: (lang: string) => uiTable(catalogue, lang, CHILD_UI_AREAS) } : {}),
    uiLanguages: uiLanguages(catalogue),
    threshold,
  };
  return { files: [...contentBundles(catalogue, version, languages), ...media], errors: [] };
}

/**
 * Validates the content root at build time (the build fails on any content error, naming file
 * and path) and writes the bundles under `dist/content/`. In `vite dev` it serves them. Only
 * the packs a deployment serves (`KITE_PACKS`, as the server reads it) go into the bundles.
 * `threshold` (KITE_LANGUAGE_THRESHOLD) decides the bands each language is offered for.
 */
export function kiteContent(
  contentDir = 'content',
  packs: readonly string[] = DEFAULT_PACKS,
  threshold?: number,
): Plugin {
  const root = resolve(contentDir);
  const source = { root, packs, threshold };
  return {
    name: 'kite-content',
    async generateBundle() {
      const { files, errors } = await buildBundles(source);
      if (errors.length) this.error(`content check failed:\n${errors.join('\n')}`);
      for (const f of files) {
        const source =
          'json' in f ? JSON.stringify(f.json) : await readFile(join(root, f.copyFrom));
        this.emitFile({ type: 'asset', fileName: `content/${f.path}`, source });
      }
    },
    configureServer(server) {
      // Built once and again only after a content file changes, not on every request.
      let built: ReturnType<typeof buildBundles> | undefined;
      server.watcher.add(root);
      server.watcher.on('all', (_event, file) => {
        if (resolve(file).startsWith(root)) built = undefined;
      });
      server.middlewares.use('/content/', (req, res, next) => {
        built ??= buildBundles(source);
        void built.then(async ({ files, errors }) => {
          if (errors.length) {
            res.statusCode = 500;
            res.end(errors.join('\n'));
            return;
          }
          const path = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]!);
          const f = files.find((x) => x.path === path);
          if (!f) return next();
          if ('json' in f) {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(f.json));
          } else {
            res.end(await readFile(join(root, f.copyFrom)));
          }
        }, next);
      });
    },
  };
}
