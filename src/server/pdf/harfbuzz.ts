// The only module that touches harfbuzzjs. It exposes the small part of HarfBuzz the PDF
// renderer uses (load a font, shape a string, query coverage and advances) behind our own
// types, so the rest of src/server/pdf never depends on the package's API directly.
//
// harfbuzzjs instantiates its WebAssembly module with a top-level await when it is imported,
// so it is loaded lazily by loadHarfBuzz(), not when this file is imported.

/** One positioned glyph from HarfBuzz. Units are font units (the font's unitsPerEm). */
export interface ShapedGlyph {
  /** Glyph id in the font (HarfBuzz calls it `codepoint` after shaping). */
  gid: number;
  /** UTF-16 index, in the shaped string, of the first character of this glyph's cluster. */
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapeOptions {
  /** ISO 15924 script tag, e.g. `Khmr`, `Thai`, `Mymr`, `Latn`; guessed from the text if omitted. */
  script?: string;
  /** BCP 47 language tag, e.g. `km`; guessed (from the locale default) if omitted. */
  language?: string;
}

export interface HbFont {
  readonly unitsPerEm: number;
  /** Shapes `text` left to right and returns its glyphs in visual order. */
  shape(text: string, options?: ShapeOptions): ShapedGlyph[];
  /** True when the font's cmap maps this code point to a glyph. */
  covers(codePoint: number): boolean;
  /** The glyph's nominal advance (hmtx), in font units. */
  glyphAdvance(gid: number): number;
}

export interface HarfBuzz {
  createFont(bytes: Uint8Array): HbFont;
}

// Structural view of the harfbuzzjs 1.x classes we call. The package ships its own .d.mts,
// but declaring the slice we rely on here keeps an upgrade's API changes in this one file.
interface HbModule {
  Blob: new (data: Uint8Array) => object;
  Face: new (blob: object, index?: number) => HbFaceObject;
  Font: new (face: HbFaceObject) => HbFontObject;
  Buffer: new () => HbBufferObject;
  shape(font: HbFontObject, buffer: HbBufferObject): void;
  Direction: { LTR: number };
}
interface HbFaceObject {
  readonly upem: number;
  collectUnicodes(): Uint32Array;
}
interface HbFontObject {
  glyphHAdvance(glyphId: number): number;
}
interface HbBufferObject {
  addText(text: string): void;
  setDirection(direction: number): void;
  setScript(script: string): void;
  setLanguage(language: string): void;
  guessSegmentProperties(): void;
  clearContents(): void;
  getGlyphInfos(): { codepoint: number; cluster: number }[];
  getGlyphPositions(): { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

let loading: Promise<HarfBuzz> | undefined;

/** Loads the HarfBuzz WebAssembly module once per process. */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  loading ??= import('harfbuzzjs').then((mod) => wrap(mod as unknown as HbModule));
  return loading;
}

function wrap(hb: HbModule): HarfBuzz {
  // One buffer, reused: shaping is synchronous, so calls never interleave.
  const buffer = new hb.Buffer();
  return {
    createFont(bytes) {
      const face = new hb.Face(new hb.Blob(bytes), 0);
      const font = new hb.Font(face);
      const coverage = new Set(face.collectUnicodes());
      const advances = new Map<number, number>();
      return {
        unitsPerEm: face.upem,
        covers: (cp) => coverage.has(cp),
        glyphAdvance(gid) {
          let advance = advances.get(gid);
          if (advance === undefined) {
            advance = font.glyphHAdvance(gid);
            advances.set(gid, advance);
          }
          return advance;
        },
        shape(text, options = {}) {
          buffer.clearContents();
          buffer.addText(text);
          buffer.setDirection(hb.Direction.LTR);
          if (options.script) buffer.setScript(options.script);
          if (options.language) buffer.setLanguage(options.language);
          buffer.guessSegmentProperties();
          hb.shape(font, buffer);
          const infos = buffer.getGlyphInfos();
          const positions = buffer.getGlyphPositions();
          const glyphs: ShapedGlyph[] = new Array<ShapedGlyph>(infos.length);
          for (let i = 0; i < infos.length; i++) {
            const info = infos[i]!;
            const pos = positions[i]!;
            glyphs[i] = {
              gid: info.codepoint,
              cluster: info.cluster,
              xAdvance: pos.xAdvance,
              yAdvance: pos.yAdvance,
              xOffset: pos.xOffset,
              yOffset: pos.yOffset,
            };
          }
          return glyphs;
        },
      };
    },
  };
}
