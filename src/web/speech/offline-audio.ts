import { audioIndex, bandBundle } from '../content/client';

/**
 * Fills the offline cache with the recordings of a band's activities, in the background, once
 * per page load: after a 5–7 child's first play, the voice works offline in every activity of
 * the band. The recordings (about 2 MB for the core 5–7 activities in English) are kept in
 * their own runtime cache (`kite-audio`, see vite.config.ts), apart from the precached shell,
 * so the first visit stays small. Not on a metered connection that asks to save data.
 */
const warmed = new Set<string>();

export function warmRecordings(lang: string, band: string): void {
  const key = `${lang}:${band}`;
  if (warmed.has(key) || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
  if (saveData) return;
  warmed.add(key);
  const start = () => setTimeout(() => void fetchAll(lang, band), 2000);
  if (navigator.serviceWorker.controller) start();
  else navigator.serviceWorker.addEventListener('controllerchange', start, { once: true });
}

/** The recordings of the band's activities: content ids start with their activity's id. */
export async function bandRecordings(lang: string, band: string): Promise<string[]> {
  const [index, bundle] = await Promise.all([audioIndex(lang), bandBundle(lang, band)]);
  const prefixes = bundle.activities.map((a) => `${a.id}.`);
  return Object.entries(index)
    .filter(([id]) => prefixes.some((p) => id.startsWith(p)))
    .map(([, url]) => url);
}

async function fetchAll(lang: string, band: string): Promise<void> {
  const urls = await bandRecordings(lang, band).catch(() => []);
  // Two at a time: the child's own requests stay quick on a slow connection.
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift())
      await fetch(url).catch(() => undefined);
  };
  await Promise.all([worker(), worker()]);
}
