// The fonts the renderer ships: Noto Sans for Latin (and anything without a font of its own),
// Noto Sans Khmer, Thai and Myanmar; regular and bold of each. TTF files come from the
// @expo-google-fonts packages (OFL-1.1) and are read once per process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { HarfBuzz, HbFont } from './harfbuzz';
import type { FontScript } from './script';

export type FontWeight = 'regular' | 'bold';

export interface FontSpec {
  script: FontScript;
  weight: FontWeight;
  /** Module path of the TTF, resolved from this package's node_modules. */
  file: string;
  /**
   * Space the script needs above and below the baseline, in em. These are larger than the
   * fonts' own ascender/descender where stacked marks need it: Khmer subscript consonants
   * (ស្ត្រី) and Myanmar medials reach well below the baseline, so a line needs more room
   * than Latin text at the same size or the stacks touch the next line.
   */
  ascent: number;
  descent: number;
}

const LATIN = '@expo-google-fonts/noto-sans';
const KHMER = '@expo-google-fonts/noto-sans-khmer';
const THAI = '@expo-google-fonts/noto-sans-thai';
const MYANMAR = '@expo-google-fonts/noto-sans-myanmar';

export const FONT_SPECS: readonly FontSpec[] = [
  {
    script: 'latin',
    weight: 'regular',
    file: `${LATIN}/400Regular/NotoSans_400Regular.ttf`,
    ascent: 0.95,
    descent: 0.28,
  },
  {
    script: 'latin',
    weight: 'bold',
    file: `${LATIN}/700Bold/NotoSans_700Bold.ttf`,
    ascent: 0.95,
    descent: 0.28,
  },
  {
    script: 'khmer',
    weight: 'regular',
    file: `${KHMER}/400Regular/NotoSansKhmer_400Regular.ttf`,
    ascent: 1.05,
    descent: 0.6,
  },
  {
    script: 'khmer',
    weight: 'bold',
    file: `${KHMER}/700Bold/NotoSansKhmer_700Bold.ttf`,
    ascent: 1.05,
    descent: 0.6,
  },
  {
    script: 'thai',
    weight: 'regular',
    file: `${THAI}/400Regular/NotoSansThai_400Regular.ttf`,
    ascent: 1.1,
    descent: 0.3,
  },
  {
    script: 'thai',
    weight: 'bold',
    file: `${THAI}/700Bold/NotoSansThai_700Bold.ttf`,
    ascent: 1.1,
    descent: 0.3,
  },
  {
    script: 'myanmar',
    weight: 'regular',
    file: `${MYANMAR}/400Regular/NotoSansMyanmar_400Regular.ttf`,
    ascent: 1.05,
    descent: 0.55,
  },
  {
    script: 'myanmar',
    weight: 'bold',
    file: `${MYANMAR}/700Bold/NotoSansMyanmar_700Bold.ttf`,
    ascent: 1.05,
    descent: 0.55,
  },
];

export interface LoadedFont {
  /** Stable key, e.g. `khmer-bold`. */
  key: string;
  spec: FontSpec;
  bytes: Uint8Array;
  hb: HbFont;
}

export interface FontSet {
  get(script: FontScript, weight: FontWeight): LoadedFont;
  all(): readonly LoadedFont[];
  /** True when the regular font of `script` has a glyph for the code point. */
  covers(script: FontScript, codePoint: number): boolean;
}

export function loadFonts(hb: HarfBuzz): FontSet {
  const require = createRequire(import.meta.url);
  const byKey = new Map<string, LoadedFont>();
  for (const spec of FONT_SPECS) {
    const bytes = new Uint8Array(readFileSync(require.resolve(spec.file)));
    const key = `${spec.script}-${spec.weight}`;
    byKey.set(key, { key, spec, bytes, hb: hb.createFont(bytes) });
  }
  const get = (script: FontScript, weight: FontWeight): LoadedFont => {
    const font = byKey.get(`${script}-${weight}`);
    if (!font) throw new Error(`No font for ${script} ${weight}`);
    return font;
  };
  const all = [...byKey.values()];
  return {
    get,
    all: () => all,
    covers: (script, cp) => get(script, 'regular').hb.covers(cp),
  };
}
