// Draws HarfBuzz-shaped glyphs into a pdfkit document.
//
// pdfkit's own text path lays text out with fontkit, which mis-shapes and even crashes on
// Khmer. So we let pdfkit do what it does well (parse, subset and embed the TrueType font,
// write the CID font dictionaries and the ToUnicode map) and emit the text-showing operators
// ourselves from HarfBuzz's glyph ids and positions. Each line is wrapped in a marked-content
// span whose /ActualText is the line's logical text, so text extraction (pdftotext, copy and
// paste, screen readers) gets the characters in logical order rather than the glyphs' visual
// order.
//
// This uses a few pdfkit internals (EmbeddedFont's subset, widths and unicode arrays, and the
// current font after doc.font()); they are declared in PdfkitEmbeddedFont and checked when a
// font is first used, so a pdfkit upgrade that changes them fails loudly, not silently.

import PDFDocument from 'pdfkit';
import type { LoadedFont } from './fonts';
import type { ShapedLine } from './text';

/** The parts of pdfkit's EmbeddedFont (pdfkit 0.20) that we use. */
interface PdfkitEmbeddedFont {
  id: string;
  /** The fontkit font object. */
  font: object;
  subset: { includeGlyph(glyphId: number): number };
  /** Advance widths in 1/1000 em, indexed by subset glyph id: written to the font's /W. */
  widths: number[];
  /** Code points per subset glyph id: written to the font's /ToUnicode map. */
  unicode: number[][];
  ref(): unknown;
}

function currentFont(doc: PDFKit.PDFDocument): PdfkitEmbeddedFont {
  const font = (doc as unknown as { _font?: Partial<PdfkitEmbeddedFont> })._font;
  if (
    !font ||
    typeof font.id !== 'string' ||
    typeof font.font !== 'object' ||
    typeof font.subset?.includeGlyph !== 'function' ||
    !Array.isArray(font.widths) ||
    !Array.isArray(font.unicode) ||
    typeof font.ref !== 'function'
  ) {
    throw new Error('pdfkit internals changed: the embedded font does not look like pdfkit 0.20');
  }
  return font as PdfkitEmbeddedFont;
}

/**
 * Parses a TTF with pdfkit's fontkit once, so documents can reuse the parsed font instead of
 * parsing it again for every PDF.
 */
export function parseFontForPdfkit(bytes: Uint8Array): object {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(Buffer.from(bytes));
  return currentFont(doc).font;
}

/** Formats a number for a content stream: at most 3 decimals, no exponent, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  if (r === 0) return '0';
  return String(r);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** Draws shaped lines on one pdfkit document. */
export class GlyphWriter {
  private readonly embedded = new Map<string, PdfkitEmbeddedFont>();

  /**
   * @param parsed returns the fontkit object for a font (see parseFontForPdfkit).
   */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly parsed: (font: LoadedFont) => object,
  ) {}

  private embed(font: LoadedFont): PdfkitEmbeddedFont {
    let e = this.embedded.get(font.key);
    if (!e) {
      const name = `kite-${font.key}`;
      this.doc.registerFont(name, this.parsed(font) as unknown as string);
      this.doc.font(name);
      e = currentFont(this.doc);
      this.embedded.set(font.key, e);
    }
    return e;
  }

  /**
   * Draws one line with its baseline at (x, baseline), in pdfkit's top-left page coordinates,
   * inside a /Span marked-content sequence carrying the line's /ActualText.
   */
  drawLine(line: ShapedLine, x: number, baseline: number): void {
    if (line.runs.length === 0 || line.text === '') return;
    const doc = this.doc;
    const out: string[] = [];
    out.push('BT');
    let penX = x;
    for (const run of line.runs) {
      const pdfFont = this.embed(run.font);
      // Registering the font on the page puts it in the page's /Resources and makes pdfkit
      // embed it (subset) when the document ends.
      (doc.page.fonts as Record<string, unknown>)[pdfFont.id] = pdfFont.ref();
      out.push(`/${pdfFont.id} ${num(line.size)} Tf`);
      const upem = run.font.hb.unitsPerEm;
      const toPt = line.size / upem;
      const toThousandths = 1000 / upem;

      // Which glyph starts each cluster, for the ToUnicode map.
      const clusterEnds = clusterBoundaries(
        run.text,
        run.glyphs.map((g) => g.cluster),
      );

      let pending: string[] = [];
      let positioned = false;
      const flush = () => {
        if (pending.length > 0) out.push(`[${pending.join(' ')}] TJ`);
        pending = [];
      };
      let prevCluster = -1;
      for (const g of run.glyphs) {
        const sid = pdfFont.subset.includeGlyph(g.gid);
        if (pdfFont.widths[sid] == null) {
          pdfFont.widths[sid] = run.font.hb.glyphAdvance(g.gid) * toThousandths;
        }
        if (pdfFont.unicode[sid] == null) {
          const firstOfCluster = g.cluster !== prevCluster;
          const end = clusterEnds.get(g.cluster) ?? run.text.length;
          const chars = firstOfCluster ? run.text.slice(g.cluster, end) : '';
          pdfFont.unicode[sid] = [...chars].map((c) => c.codePointAt(0)!);
        }
        prevCluster = g.cluster;

        const code = `<${hex4(sid)}>`;
        if (g.xOffset !== 0 || g.yOffset !== 0) {
          // A mark placed by GPOS: position it on its own, then restart at the pen.
          flush();
          out.push(
            `1 0 0 -1 ${num(penX + g.xOffset * toPt)} ${num(baseline - g.yOffset * toPt)} Tm`,
          );
          out.push(`[${code}] TJ`);
          positioned = false;
        } else {
          if (!positioned) {
            flush();
            out.push(`1 0 0 -1 ${num(penX)} ${num(baseline)} Tm`);
            positioned = true;
          }
          pending.push(code);
          // TJ moves the pen by the glyph's /W width; adjust to HarfBuzz's advance.
          const adjust = g.xAdvance * toThousandths - pdfFont.widths[sid]!;
          if (Math.abs(adjust) >= 0.001) pending.push(num(-adjust));
        }
        penX += g.xAdvance * toPt;
      }
      flush();
    }
    out.push('ET');

    doc.markContent('Span', { actual: line.text });
    doc.addContent(out.join('\n'));
    doc.endMarkedContent();
  }
}

/** Maps each cluster start to the start of the next cluster (logical order). */
function clusterBoundaries(text: string, clusters: number[]): Map<number, number> {
  const starts = [...new Set(clusters)].sort((a, b) => a - b);
  const ends = new Map<number, number>();
  for (let i = 0; i < starts.length; i++) ends.set(starts[i]!, starts[i + 1] ?? text.length);
  return ends;
}
