import { useEffect, useState } from 'preact/hooks';
import { renderText, topicOffered } from '../../engine';
import type { Text } from '../../engine';
import { bandBundleUrl, clientConfig, contentIndex } from '../content/client';
import { loadDeployment } from '../content/deployment';
import { noteFetched } from '../app/offline-cache';
import type { ClientConfig, ContentIndex } from '../content/types';

/** What the library pages read: the content index in a language, and the deployment's settings. */
export interface LibraryContent {
  /** The language `index` is really in (English when `lang` has no content). */
  readonly lang: string;
  readonly index: ContentIndex;
  /** The English index, to tell which items are translated. */
  readonly english: ContentIndex;
  readonly config: ClientConfig;
  /** A text with country placeholders ({helpline}, names, apps) filled in. */
  text(t: Text): string;
  /** Whether this deployment offers a topic (the engine's `topicOffered`). */
  offered(topic: string): boolean;
}

/** Loads {@link LibraryContent}; everything comes from cached bundles, so it works offline. */
export async function loadLibraryContent(lang: string): Promise<LibraryContent> {
  const config = await clientConfig();
  const index = await contentIndex(lang).catch(() => contentIndex('en'));
  const english = index.lang === 'en' ? index : await contentIndex('en');
  // Without a country pack (offline before it was cached) texts show their placeholders' names.
  const p = await loadDeployment(index.lang).catch(() => null);
  const text = (t: Text) => (p ? renderText(t, p.pack, p.fallback) : t.text);
  const offered = (topic: string) => topicOffered(topic, config.disabledTopics);
  warmLessonPlans(index);
  return { lang: index.lang, index, english, config, text, offered };
}

/**
 * Fetches every band's bundle in the background, once per page load, so the service worker
 * keeps them and every lesson plan opens offline after one visit to the library (the index
 * already holds the guides and challenges). The bundles are not parsed here.
 */
const warmed = new Set<string>();
function warmLessonPlans(index: ContentIndex): void {
  if (warmed.has(index.lang) || !('serviceWorker' in navigator)) return;
  warmed.add(index.lang);
  const bands = new Set(index.activities.map((a) => a.band));
  setTimeout(() => {
    for (const band of bands) {
      const url = bandBundleUrl(index.lang, band);
      noteFetched(url);
      void fetch(url).catch(() => {});
    }
  }, 1500);
}

/** {@link LibraryContent} in `lang`: null while loading, an Error when it failed. */
export function useLibraryContent(lang: string): LibraryContent | Error | null {
  const [data, setData] = useState<LibraryContent | Error | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    loadLibraryContent(lang).then(
      (d) => live && setData(d),
      (e: unknown) => live && setData(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return data;
}
