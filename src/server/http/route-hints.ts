import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { matchRoute } from '../../engine';

/** A built file of the app: only hashed assets are ever named in a hint. */
const AssetPath = z.string().regex(/^\/assets\/[\w.-]+\.(js|css)$/);
const ChunkHintSchema = z.object({ modules: z.array(AssetPath), styles: z.array(AssetPath) });
/** `route-hints.json`, written by the web build (scripts/vite-route-hints.ts). */
const FontPath = z.string().regex(/^\/assets\/[\w.-]+\.woff2$/);
const RouteHintsSchema = z.object({
  shell: ChunkHintSchema,
  play: ChunkHintSchema,
  players: z.record(z.string(), ChunkHintSchema),
  // A build from before font hints has none.
  fonts: z.array(FontPath).default([]),
});
type ChunkHint = z.infer<typeof ChunkHintSchema>;

/** What the server reads of an activity's file: its topic and the type of each scene. */
const ActivityScenesSchema = z.object({
  topic: z.string(),
  start: z.string(),
  scenes: z.record(z.string(), z.object({ interaction: z.object({ type: z.string() }) })),
});
type ActivityScenes = z.infer<typeof ActivityScenesSchema>;

const ACTIVITY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const PLAY_ROUTES = ['/play/:id', '/class/play/:id'] as const;

/** The deployment settings the app fetches first: preloading it takes a round trip off a game. */
const CONFIG_PRELOAD = '</api/client-config>; rel=preload; as=fetch; crossorigin';

export interface RouteHints {
  /**
   * The `Link` header for the app shell at the app path `path`, if any. `acceptLanguage` (the
   * request's header) picks the language of the game's content to name.
   */
  link(path: string, query: URLSearchParams, acceptLanguage?: string): Promise<string | undefined>;
}

const none: RouteHints = { link: () => Promise.resolve(undefined) };

/**
 * The hints a first visit's app shell carries in its `Link` header, so the browser fetches what
 * a page waits for at once rather than one after another: on every page the shell's own code,
 * styles and fonts; on `/play/<id>` and `/class/play/<id>` also the deployment's settings, the Play
 * page's modules and styles and the player of the scene the game opens on (the same in every
 * language, read from the built activity), instead of the Play page's code, then the activity,
 * then its player. Later visits get the shell from the service worker, with everything already
 * kept. Without a build that wrote `route-hints.json`, no hints.
 */
export function loadRouteHints(
  webRoot: string,
  disabledTopics: readonly string[],
  warn: (msg: string) => void,
): RouteHints {
  const file = join(webRoot, 'route-hints.json');
  if (!existsSync(file)) return none;
  let hints: z.infer<typeof RouteHintsSchema>;
  try {
    hints = RouteHintsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    warn(`route-hints.json is not what the web build writes; no preload hints: ${String(e)}`);
    return none;
  }
  // What every page and every game names first, the same for every request (below).
  const shell = [...chunkLinks(hints.shell), ...fontLinks(hints.fonts)];
  const game = [...shell, CONFIG_PRELOAD, ...chunkLinks(hints.play)];
  const off = new Set(disabledTopics);
  const files = activityFiles(webRoot);
  const content = join(webRoot, 'content');
  /** The languages the build wrote content for: a header's others are never looked up. */
  const languages = new Set(existsSync(content) ? readdirSync(content) : []);
  const built = (rel: string) => existsSync(join(content, rel));
  const exists = new Map<string, boolean>();
  /**
   * Whether the build wrote `content/<rel>`, asked once per file (the build does not change);
   * only built ids and languages get here, so this holds a bounded number of entries.
   */
  const has = (rel: string) => {
    let v = exists.get(rel);
    if (v === undefined) {
      v = built(rel);
      exists.set(rel, v);
    }
    return v;
  };
  const scenes = new Map<string, Promise<ActivityScenes | null>>();
  const scenesOf = (id: string) => {
    let p = scenes.get(id);
    if (!p) {
      // Only ids of built activities get here, so the cache holds at most one entry each.
      p = readFile(files.get(id)!, 'utf8')
        .then((text) => ActivityScenesSchema.parse(JSON.parse(text)))
        .catch(() => null);
      scenes.set(id, p);
    }
    return p;
  };

  return {
    async link(path, query, acceptLanguage) {
      const id = PLAY_ROUTES.map((r) => matchRoute(r, path)?.id).find((v) => v !== undefined);
      // Every page: the shell's own code, which runs first (named before the browser has read
      // the page that names it too).
      if (id === undefined) return shell.join(', ') || undefined;
      // A game, in the order needed (the browser fetches hints in the order given): the shell;
      // the settings, which the activity's request waits for; the Play page; the player of
      // the first scene.
      const parts = [...game];
      if (ACTIVITY_ID.test(id) && files.has(id)) {
        const activity = await scenesOf(id);
        if (activity && !off.has(activity.topic)) {
          const asked = query.get('scene');
          const own = (k: string | null) =>
            k !== null && Object.hasOwn(activity.scenes, k) ? activity.scenes[k] : undefined;
          const scene = own(asked) ?? own(activity.start);
          const player = scene ? hints.players[scene.interaction.type] : undefined;
          if (player) parts.push(...chunkLinks(player));
          parts.push(...contentLinks(id, acceptLanguage, languages, has));
        }
      }
      return [...new Set(parts)].join(', ');
    },
  };
}

/**
 * The content a game's first screen waits for, fetched beside the code instead of after it
 * has run: the activity, the international country pack (always read, for the placeholders a
 * country leaves out) and the activity's recordings index, each where the build wrote it. The
 * language is the first of `Accept-Language` that has the activity, else English: the device's
 * profile language decides what the app reads, and it is usually the device's own; when they
 * differ, a few KB were fetched for nothing. A later visit gets the shell from the service
 * worker, without these.
 */
function contentLinks(
  id: string,
  acceptLanguage: string | undefined,
  languages: ReadonlySet<string>,
  has: (rel: string) => boolean,
): string[] {
  const lang = [...preferredLanguages(acceptLanguage), 'en'].find(
    (l) => languages.has(l) && has(`${l}/activities/${id}.json`),
  );
  if (!lang) return [];
  return [
    `${lang}/activities/${id}.json`,
    `${lang}/countries/intl.json`,
    `${lang}/audio/${id}.json`,
  ]
    .filter(has)
    .map((rel) => `</content/${rel}>; rel=preload; as=fetch; crossorigin`);
}

/** The primary language subtags of an `Accept-Language` header, most wanted first. */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const ranked: { lang: string; q: number; at: number }[] = [];
  header.split(',').forEach((part, at) => {
    const [tag, ...params] = part.trim().split(';');
    const lang = /^([a-z]{2,3})(?:-|$)/i.exec(tag?.trim() ?? '')?.[1]?.toLowerCase();
    if (!lang) return;
    const q = Number(/^\s*q=([0-9.]+)\s*$/.exec(params.join(';'))?.[1] ?? '1');
    if (Number.isFinite(q) && q > 0) ranked.push({ lang, q, at });
  });
  ranked.sort((a, b) => b.q - a.q || a.at - b.at);
  return [...new Set(ranked.map((r) => r.lang))];
}

/** `Link` entries for a chunk: its modules, and its styles as the app's loader asks for them. */
function chunkLinks(hint: ChunkHint): string[] {
  return [
    ...hint.modules.map((m) => `<${m}>; rel=modulepreload`),
    ...hint.styles.map((s) => `<${s}>; rel=preload; as=style; crossorigin`),
  ];
}

/** `Link` entries for the shell's fonts (fetched in CORS mode, so the preload is too). */
const fontLinks = (fonts: readonly string[]) =>
  fonts.map((f) => `<${f}>; rel=preload; as=font; type="font/woff2"; crossorigin`);

/** Each built activity's file, by id, from the first language that has it. */
function activityFiles(webRoot: string): Map<string, string> {
  const out = new Map<string, string>();
  const content = join(webRoot, 'content');
  if (!existsSync(content)) return out;
  for (const lang of readdirSync(content).sort()) {
    const dir = join(content, lang, 'activities');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const m = /^(.+)\.json$/.exec(name);
      if (m && !out.has(m[1]!)) out.set(m[1]!, join(dir, name));
    }
  }
  return out;
}
