import { createHash } from 'node:crypto';
import type { ActivityId, Catalogue, ChallengeId, GuideId } from '../../engine';
import { bundleLanguages } from '../../content/bundle';
import type { PdfRenderer } from '../pdf/renderer';
import type { PageSize, PdfDocumentModel } from '../pdf/model';
import { challengeModel } from './challenge-card';
import { guideModel } from './guide';
import type { GuideAudienceName } from './guide';
import { LruCache } from './lru';
import { PictureFiles } from './pictures';
import { printContext } from './print-context';
import type { PrintContext } from './print-context';
import { worksheetModel } from './worksheet';

/**
 * Bumped when the mapping from content to PDF changes, so ETags (which browsers and the
 * service worker keep across server restarts) change with it.
 */
export const PRINT_FORMAT = 2;

/** A document ready to render: its model, cache key, ETag and download name. */
export interface PrintJob {
  readonly model: PdfDocumentModel;
  readonly key: string;
  readonly etag: string;
  readonly filename: string;
}

export interface PrintOptions {
  readonly lang: string;
  readonly paper: PageSize;
}

export interface PrintServiceOptions {
  /** Country pack whose helplines go in the footers; `intl` when the content lacks it. */
  readonly country: string;
  readonly maxEntries?: number;
  /** Bytes of PDF kept in memory. */
  readonly maxBytes?: number;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Printable documents from the catalogue (worksheets, challenge cards, guides), rendered on
 * demand and kept in an LRU cache keyed by what was printed: the entity, its version, a hash
 * of the whole document model (so any change to the content, a translation or the country's
 * helplines gives a new key), language, paper, answer key and country.
 */
export class PrintService {
  readonly languages: readonly string[];
  private readonly cache: LruCache<Buffer>;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly contexts = new Map<string, PrintContext>();
  private readonly pictures: PictureFiles;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly renderer: PdfRenderer,
    private readonly options: PrintServiceOptions,
  ) {
    this.languages = bundleLanguages(catalogue);
    this.pictures = new PictureFiles(catalogue);
    this.cache = new LruCache<Buffer>(
      options.maxEntries ?? 500,
      options.maxBytes ?? 64 * 1024 * 1024,
      (b) => b.length,
    );
  }

  private context(lang: string): PrintContext {
    let ctx = this.contexts.get(lang);
    if (!ctx) {
      ctx = printContext(this.catalogue, lang, this.options.country);
      this.contexts.set(lang, ctx);
    }
    return ctx;
  }

  private job(
    kind: string,
    id: string,
    version: number,
    variant: string,
    model: PdfDocumentModel,
    o: PrintOptions,
  ): PrintJob {
    const ctx = this.context(o.lang);
    const hash = sha256(JSON.stringify(model)).slice(0, 16);
    const key = [kind, id, `v${version}`, hash, o.lang, o.paper, variant, ctx.country].join(':');
    const etag = `"${sha256(`${PRINT_FORMAT}:${key}`).slice(0, 27)}"`;
    const suffix = variant === '' ? '' : `-${variant}`;
    return { model, key, etag, filename: `kite-${kind}-${id}-${o.lang}-${o.paper}${suffix}.pdf` };
  }

  /** The worksheet of an activity, or null when there is no such activity. */
  worksheet(id: string, o: PrintOptions & { answers: boolean }): PrintJob | null {
    const activity = this.catalogue.activities.get(id as ActivityId);
    if (!activity) return null;
    const ctx = this.context(o.lang);
    const model = worksheetModel(activity, ctx, o, this.pictures.forActivity(activity, ctx.text));
    return this.job('worksheet', id, activity.version, o.answers ? 'answers' : '', model, o);
  }

  /** The printable card of a challenge, or null. */
  challenge(id: string, o: PrintOptions): PrintJob | null {
    const challenge = this.catalogue.challenges.get(id as ChallengeId);
    if (!challenge) return null;
    const model = challengeModel(challenge, this.context(o.lang), o.paper);
    return this.job('challenge', id, 1, '', model, o);
  }

  /** The printable guide for one audience, or null. */
  guide(id: string, o: PrintOptions & { audience: GuideAudienceName }): PrintJob | null {
    const guide = this.catalogue.guides.get(id as GuideId);
    if (!guide) return null;
    const model = guideModel(guide, o.audience, this.context(o.lang), o.paper);
    return this.job('guide', id, 1, o.audience, model, o);
  }

  /** The PDF of a job: from the cache, or rendered once however many ask at the same time. */
  async render(job: PrintJob): Promise<{ bytes: Buffer; cached: boolean }> {
    const hit = this.cache.get(job.key);
    if (hit) return { bytes: hit, cached: true };
    let pending = this.inFlight.get(job.key);
    if (!pending) {
      pending = this.renderer.render(job.model).finally(() => this.inFlight.delete(job.key));
      this.inFlight.set(job.key, pending);
      const bytes = await pending;
      this.cache.set(job.key, bytes);
      return { bytes, cached: false };
    }
    return { bytes: await pending, cached: false };
  }

  /** How much is cached, for logs and tests. */
  cacheStats(): { entries: number; bytes: number } {
    return { entries: this.cache.size, bytes: this.cache.totalSize };
  }
}
