// Entry point: createPdfRenderer() loads HarfBuzz and the fonts once; render() turns a
// document model into PDF bytes without a browser.

import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { loadFonts } from './fonts';
import type { FontSet, LoadedFont } from './fonts';
import { loadHarfBuzz } from './harfbuzz';
import { layoutDocument } from './layout';
import type { DrawOp } from './layout';
import { paint } from './surface';
import type { Surface } from './surface';
import type { PdfDocumentModel, RenderOptions } from './model';
import { GlyphWriter, parseFontForPdfkit } from './pdfkit-glyphs';
import { TextEngine } from './text';

export interface PdfRenderer {
  /** Renders the model to a complete PDF file. Same model and options give the same bytes. */
  render(model: PdfDocumentModel, options?: RenderOptions): Promise<Buffer>;
}

/** The default CreationDate, so output depends only on the input. */
export const FIXED_CREATION_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export async function createPdfRenderer(): Promise<PdfRenderer> {
  const hb = await loadHarfBuzz();
  const fonts: FontSet = loadFonts(hb);
  // Each font parsed once by pdfkit's fontkit and shared by every document.
  const parsed = new Map<string, object>();
  for (const font of fonts.all()) parsed.set(font.key, parseFontForPdfkit(font.bytes));
  const parsedFont = (font: LoadedFont): object => parsed.get(font.key)!;

  return {
    render(model, options = {}) {
      const engine = new TextEngine(fonts, model.lang);
      const layout = layoutDocument(model, engine);
      const doc = new PDFDocument({
        autoFirstPage: false,
        tagged: true,
        lang: model.lang,
        displayTitle: true,
        pdfVersion: '1.7',
        info: {
          Title: model.title,
          Creator: 'Kite',
          Producer: 'Kite PDF renderer (pdfkit, HarfBuzz)',
          CreationDate: options.creationDate ?? FIXED_CREATION_DATE,
        },
      });
      const chunks: Buffer[] = [];
      const done = new Promise<Buffer>((resolve, reject) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
      });
      paint(layout, pdfSurface(doc, new GlyphWriter(doc, parsedFont)));
      doc.end();
      return done;
    },
  };
}

function gray(level: number): string {
  const v = Math.round(Math.min(Math.max(level, 0), 1) * 255)
    .toString(16)
    .padStart(2, '0');
  return `#${v}${v}${v}`;
}

/** Draws on a pdfkit document: text as shaped glyphs, the rest as grey vector decoration. */
function pdfSurface(doc: PDFKit.PDFDocument, writer: GlyphWriter): Surface {
  return {
    beginPage(width, height) {
      doc.addPage({ size: [width, height], margin: 0 });
    },
    draw(op: DrawOp) {
      switch (op.kind) {
        case 'text':
          writer.drawLine(op.line, op.x, op.baseline);
          break;
        case 'stroke':
          decoration(doc, () => {
            doc.lineWidth(op.width).strokeColor(gray(op.gray));
            if (op.dash) doc.dash(op.dash, { space: op.dash });
            doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke();
          });
          break;
        case 'box':
          decoration(doc, () => {
            doc.lineWidth(op.width).strokeColor(gray(op.gray));
            doc.rect(op.x, op.y, op.w, op.h).stroke();
          });
          break;
        case 'fill':
          decoration(doc, () => {
            doc.rect(op.x, op.y, op.w, op.h).fill(gray(op.gray));
          });
          break;
        case 'tick':
          decoration(doc, () => {
            const s = op.size;
            doc.lineWidth(Math.max(1.2, s / 8)).strokeColor('#000000');
            doc.lineCap('round').lineJoin('round');
            doc
              .moveTo(op.x + s * 0.2, op.y + s * 0.52)
              .lineTo(op.x + s * 0.42, op.y + s * 0.76)
              .lineTo(op.x + s * 0.82, op.y + s * 0.22)
              .stroke();
          });
          break;
        case 'dot':
          decoration(doc, () => {
            doc.fillColor('#000000').circle(op.x, op.y, op.r).fill();
          });
          break;
        case 'picture':
          drawPicture(doc, op);
          break;
      }
    },
  };
}

type Rgba = [[number, number, number], number];

/**
 * A colour as the grey of the same lightness (Rec. 601 luma), so pictures print in greys.
 * svg-to-pdfkit passes `undefined` for what is not a colour ("none") and expects it back.
 */
function toGray(color: Rgba | undefined): Rgba {
  if (color === undefined) return color as unknown as Rgba;
  const [[r, g, b], alpha] = color;
  const y = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  return [[y, y, y], alpha];
}

/**
 * An SVG picture as vector paths (svg-to-pdfkit), in greys, tagged as a figure with its alt
 * text. Pictures carry no text: any <text> in the file would be drawn with pdfkit's standard
 * fonts, which have no Khmer, so it is left out.
 */
function drawPicture(doc: PDFKit.PDFDocument, op: Extract<DrawOp, { kind: 'picture' }>): void {
  doc.markContent('Figure', { alt: op.alt });
  doc.save();
  // The type declarations ask for the PDFDocument class; the function takes the document.
  SVGtoPDF(doc as unknown as typeof PDFDocument, withoutText(op.svg), op.x, op.y, {
    width: op.w,
    height: op.h,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: true,
    colorCallback: toGray,
  });
  doc.restore();
  doc.endMarkedContent();
}

function withoutText(svg: string): string {
  return svg.replace(/<text\b[\s\S]*?<\/text>/gi, '').replace(/<title\b[\s\S]*?<\/title>/gi, '');
}

/** Lines and boxes are layout artifacts, not content, for assistive technology. */
function decoration(doc: PDFKit.PDFDocument, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save();
  draw();
  doc.restore();
  doc.endMarkedContent();
}
