import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { matchRoute } from '../../engine';

/** A built file of the app: only hashed assets are ever named in a hint. */
const AssetPath = z.string().regex(/^\/assets\/[\w.-]+\.(js|css)$/);
const ChunkHintSchema = z.object({ modules: z.array(AssetPath), styles: z.array(AssetPath) });
/** `route-hints.json`, written by the web build (scripts/vite-route-hints.ts). */
const RouteHintsSchema = z.object({
  shell: ChunkHintSchema,
  play: ChunkHintSchema,
  players: z.record(z.string(), ChunkHintSchema),
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
  /** The `Link` header for the app shell at the app path `path`, if any. */
  link(path: string, query: URLSearchParams): Promise<string | undefined>;
}

const none: RouteHints = { link: () => Promise.resolve(undefined) };

/**
 * The hints a first visit's app shell carries in its `Link` header, so the browser fetches what
 * a page waits for at once rather than one after another: on every page the shell's own code
 * and styles; on `/play/<id>` and `/class/play/<id>` also the deployment's settings, the Play
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
  const off = new Set(disabledTopics);
  const files = activityFiles(webRoot);
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
    async link(path, query) {
      const id = PLAY_ROUTES.map((r) => matchRoute(r, path)?.id).find((v) => v !== undefined);
      // Every page: the shell's own code, which runs first (named before the browser has read
      // the page that names it too).
      if (id === undefined) return chunkLinks(hints.shell).join(', ') || undefined;
      // A game, in the order needed (the browser fetches hints in the order given): the shell;
      // the settings, which the activity's request waits for; the Play page; the player of
      // the first scene.
      const parts = [...chunkLinks(hints.shell), CONFIG_PRELOAD, ...chunkLinks(hints.play)];
      if (ACTIVITY_ID.test(id) && files.has(id)) {
        const activity = await scenesOf(id);
        if (activity && !off.has(activity.topic)) {
          const asked = query.get('scene');
          const own = (k: string | null) =>
            k !== null && Object.hasOwn(activity.scenes, k) ? activity.scenes[k] : undefined;
          const scene = own(asked) ?? own(activity.start);
          const player = scene ? hints.players[scene.interaction.type] : undefined;
          if (player) parts.push(...chunkLinks(player));
        }
      }
      return [...new Set(parts)].join(', ');
    },
  };
}

/** `Link` entries for a chunk: its modules, and its styles as the app's loader asks for them. */
function chunkLinks(hint: ChunkHint): string[] {
  return [
    ...hint.modules.map((m) => `<${m}>; rel=modulepreload`),
    ...hint.styles.map((s) => `<${s}>; rel=preload; as=style; crossorigin`),
  ];
}

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
