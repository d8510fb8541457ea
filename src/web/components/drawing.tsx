import { h } from 'preact';
import type { VNode } from 'preact';

/**
 * A picture of the art kit (content/art) drawn in the page itself, as an inline <svg>, rather
 * than as an <img> of the file. Each distinct SVG file an <img> shows is a document of its own
 * that the browser fetches, builds and rasterises on the main thread: on a slow phone the ~16
 * pictures of home's first screen were one short task each, and together most of its blocking
 * time (Lighthouse TBT, bench:web). Used for the small pictures of the first screens (the top
 * bar, Kiri's greeting, the sky map's topics and stars); other pages keep the files.
 */
export interface Drawing {
  /** The root element's attributes (viewBox, the ink's stroke and fill). */
  readonly attrs: Readonly<Record<string, string>>;
  /** Its shapes, without its <title> (the pictures drawn here are decorative). */
  readonly shapes: readonly Shape[];
}

/** One element of a picture: what Preact creates with createElementNS (no HTML parser). */
export interface Shape {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly shapes: readonly Shape[];
}

const ROOT = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/;
const ATTR = /([\w:-]+)="([^"]*)"/g;
/** A start, end or empty tag (the kit's pictures hold no text but their titles). */
const TAG = /<(\/?)([\w:-]+)([^>]*?)(\/?)>/g;

const attrsOf = (s: string) => {
  const attrs: Record<string, string> = {};
  for (const [, name, value] of s.matchAll(ATTR)) if (name !== 'xmlns') attrs[name!] = value!;
  return attrs;
};

/** Reads an art-kit SVG file (its text, imported `?raw`) into a drawing. */
export function drawingOf(svg: string): Drawing {
  const m = ROOT.exec(svg);
  if (!m) throw new Error('not an SVG picture');
  const body = m[2]!.replace(/<title>[\s\S]*?<\/title>/g, '');
  const root: { shapes: Shape[] } = { shapes: [] };
  const open: { tag: string; shapes: Shape[] }[] = [];
  for (const [, end, tag, attrs, empty] of body.matchAll(TAG)) {
    const parent = open.at(-1) ?? root;
    if (end) {
      if (open.pop()?.tag !== tag) throw new Error(`not an SVG picture: </${tag}> unexpected`);
    } else {
      const shape = { tag: tag!, attrs: attrsOf(attrs!), shapes: [] as Shape[] };
      parent.shapes.push(shape);
      if (!empty) open.push(shape);
    }
  }
  if (open.length > 0) throw new Error(`not an SVG picture: <${open.at(-1)!.tag}> not closed`);
  return { attrs: attrsOf(m[1]!), shapes: root.shapes };
}

const draw = (shapes: readonly Shape[]): VNode[] =>
  shapes.map((s, i) => h(s.tag, { key: i, ...s.attrs }, ...draw(s.shapes)));

/** Reads every file of an `import.meta.glob(…, { query: '?raw' })` into drawings by file name. */
export function drawingsByName(files: Record<string, string>): Record<string, Drawing> {
  return Object.fromEntries(
    Object.entries(files).map(([path, svg]) => [
      path
        .split('/')
        .pop()!
        .replace(/\.svg$/, ''),
      drawingOf(svg),
    ]),
  );
}

/** A decorative drawing at a size, hidden from screen readers (as an <img alt=""> is). */
export function Draw({
  drawing,
  width,
  height = width,
  class: className,
  style,
}: {
  drawing: Drawing;
  width: number;
  height?: number;
  class?: string;
  style?: Record<string, string>;
}) {
  return (
    <svg
      {...drawing.attrs}
      class={className ? `drawing ${className}` : 'drawing'}
      width={width}
      height={height}
      style={style}
      aria-hidden="true"
      focusable="false"
    >
      {draw(drawing.shapes)}
    </svg>
  );
}
