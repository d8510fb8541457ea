import type { MeasureBundle } from '../content/types';

/** The pictures of a band's items (the 5–7 answers and cards), each URL once, in order. */
export function bankPictures(bundle: Pick<MeasureBundle, 'banks'>): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const media = (v as { media?: { src?: unknown } }).media;
      if (typeof media?.src === 'string') out.add(media.src);
      Object.values(v).forEach(walk);
    }
  };
  walk(bundle.banks);
  return [...out];
}
