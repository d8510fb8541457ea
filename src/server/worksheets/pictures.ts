// The SVG files that content pictures (`media`) name, read once and kept, for printing. The
// PDF worker gets the SVG text inside the document model, so it never reads content files, and
// a changed picture changes the model's hash (the cache key).

import { readFileSync } from 'node:fs';
import type { Activity, Catalogue, Media } from '../../engine';
import type { Picture } from '../pdf/model';

/** The picture of a content `media`, its alt text already in the document's language. */
export type PictureOf = (media: Media | undefined) => Picture | undefined;

export class PictureFiles {
  private readonly files = new Map<string, string | null>();

  constructor(private readonly catalogue: Catalogue) {}

  /**
   * Pictures as an activity names them: `media/<file>` in its pack, `art/<path>` in the
   * content root. Only SVG prints; any other file (or one that cannot be read) is left out.
   */
  forActivity(activity: Activity, text: (t: Media['alt']) => string): PictureOf {
    const source = this.catalogue.sources.get(`activity:${activity.id}`);
    const pack = source?.pack;
    // Sources are `<root>/packs/<pack>/…` as the content was loaded (see loadCatalogue).
    const at = pack && source ? source.file.lastIndexOf(`packs/${pack}/`) : -1;
    const root = source && at >= 0 ? source.file.slice(0, at) : null;
    return (media) => {
      if (!media || root === null || !media.src.endsWith('.svg')) return undefined;
      const path = media.src.startsWith('art/')
        ? `${root}${media.src}`
        : `${root}packs/${pack}/${media.src}`;
      const svg = this.read(path);
      return svg === null ? undefined : { svg, alt: text(media.alt) };
    };
  }

  private read(path: string): string | null {
    let svg = this.files.get(path);
    if (svg === undefined) {
      try {
        svg = readFileSync(path, 'utf8');
      } catch {
        svg = null;
      }
      this.files.set(path, svg);
    }
    return svg;
  }
}
