import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk;

/** What one lazily loaded part of the app needs beyond the shell: its code and its styles. */
export interface ChunkHint {
  readonly modules: string[];
  readonly styles: string[];
}

/**
 * `dist/route-hints.json`: the files of the Play page and of each game player, so the server
 * can name them in a first visit's response (src/server/http/route-hints.ts) and the browser
 * fetches them beside the shell's code instead of after it has run.
 */
export interface RouteHints {
  /** The shell's own code and styles (index.html names them too): fetched first. */
  readonly shell: ChunkHint;
  readonly play: ChunkHint;
  /** By interaction type (the folder under src/web/players/). */
  readonly players: Readonly<Record<string, ChunkHint>>;
  /**
   * The font files the shell's stylesheet names (Noto Sans, Latin, regular and bold): the
   * browser finds them only once that stylesheet has arrived and the first text is laid out, a
   * round trip after the code; named in the response, they come beside it.
   */
  readonly fonts: string[];
}

const PLAY_PAGE = /[\\/]src[\\/]web[\\/]pages[\\/]play\.tsx$/;
const PLAYER = /[\\/]src[\\/]web[\\/]players[\\/]([a-z-]+)[\\/]\1-player\.tsx$/;

/** Writes dist/route-hints.json (see {@link RouteHints}). */
export function routeHints(): Plugin {
  return {
    name: 'kite-route-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunk>();
      for (const c of Object.values(bundle)) if (c.type === 'chunk') chunks.set(c.fileName, c);
      /** A chunk and every chunk it imports statically, directly or not. */
      const closure = (file: string, into = new Set<string>()): Set<string> => {
        if (into.has(file)) return into;
        into.add(file);
        for (const dep of chunks.get(file)?.imports ?? []) closure(dep, into);
        return into;
      };
      // What the shell loads anyway (its entry and what that imports) is not hinted again.
      const shell = new Set<string>();
      for (const c of chunks.values()) if (c.isEntry) closure(c.fileName, shell);
      const hint = (chunk: OutputChunk, skip: ReadonlySet<string> = shell): ChunkHint => {
        const files = [...closure(chunk.fileName)].filter((f) => !skip.has(f));
        const styles = new Set<string>();
        for (const f of files)
          for (const css of chunks.get(f)?.viteMetadata?.importedCss ?? []) styles.add(css);
        return {
          modules: files.map((f) => `/${f}`),
          styles: [...styles].sort().map((f) => `/${f}`),
        };
      };

      let play: ChunkHint | undefined;
      const players: Record<string, ChunkHint> = {};
      for (const c of chunks.values()) {
        const id = c.facadeModuleId ?? '';
        // The Play page's chunk is a group of modules (vite.config.ts), with no facade module.
        if (PLAY_PAGE.test(id) || c.moduleIds.some((m) => PLAY_PAGE.test(m))) play = hint(c);
        const type = PLAYER.exec(id)?.[1];
        if (type) players[type] = hint(c);
      }
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) this.error('route hints: no entry chunk');
      if (!play) this.error('route hints: no chunk for src/web/pages/play.tsx');
      const shellHint = hint(entry, new Set());
      const fonts = new Set<string>();
      for (const css of shellHint.styles) {
        const asset = bundle[css.slice(1)];
        const text = asset?.type === 'asset' ? String(asset.source) : '';
        for (const m of text.matchAll(/url\((['"]?)(\/assets\/[\w.-]+\.woff2)\1\)/g))
          fonts.add(m[2]!);
      }
      if (fonts.size === 0) this.error("route hints: the shell's stylesheet names no font");
      const hints: RouteHints = { shell: shellHint, play, players, fonts: [...fonts].sort() };
      this.emitFile({ type: 'asset', fileName: 'route-hints.json', source: JSON.stringify(hints) });
    },
  };
}
