import { useEffect, useState } from 'preact/hooks';
import { renderText } from '../../engine/text/render';
import { topicOffered } from '../../engine/safety/access';
import type { Text } from '../../engine/types/text';
import { clientConfig, contentIndex } from '../content/client';
import { loadDeployment } from '../content/deployment';
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
  return { lang: index.lang, index, english, config, text, offered };
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
