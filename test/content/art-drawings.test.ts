import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawingOf, drawingsByName } from '../../src/web/components/drawing';
import type { Shape } from '../../src/web/components/drawing';

const ART = 'content/art';
const files = readdirSync(ART, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.svg'),
);

describe('drawings of the art kit (pictures drawn in the page)', () => {
  it('reads every picture of the kit: its root attributes and shapes, without the title', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const svg = readFileSync(join(ART, f), 'utf8');
      const d = drawingOf(svg);
      expect(d.attrs.viewBox, f).toMatch(/^[\d.\s-]+$/);
      expect(d.attrs.xmlns, f).toBeUndefined();
      // The title is gone; every other element is kept, with its attributes.
      const tags = (s: Shape): string[] => [s.tag, ...s.shapes.flatMap(tags)];
      const elements = svg.match(/<(?!\/|svg\b|title\b)[\w-]+/g)?.map((t) => t.slice(1));
      expect(d.shapes.flatMap(tags), f).toEqual(elements);
      const attrs = (s: Shape): number =>
        Object.keys(s.attrs).length + s.shapes.reduce((n, c) => n + attrs(c), 0);
      expect(
        d.shapes.reduce((n, s) => n + attrs(s), 0),
        f,
      ).toBe(svg.replace(/<svg\b[^>]*>/, '').match(/[\w:-]+="/g)?.length ?? 0);
    }
  });

  it('keeps the ink of the root (stroke, fill) and names pictures by file', () => {
    const d = drawingsByName({
      '../../content/art/topics/x.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" fill="none" stroke-width="6">\n<title>A thing</title>\n<circle r="9"/>\n</svg>\n',
    });
    expect(d.x).toEqual({
      attrs: { viewBox: '0 0 200 200', fill: 'none', 'stroke-width': '6' },
      shapes: [{ tag: 'circle', attrs: { r: '9' }, shapes: [] }],
    });
  });

  it('refuses what is not one SVG picture', () => {
    expect(() => drawingOf('<p>not a picture</p>')).toThrow('not an SVG picture');
    expect(() => drawingOf('<svg viewBox="0 0 1 1"><g><path d="M0 0"/></svg>')).toThrow(
      '<g> not closed',
    );
    expect(() => drawingOf('<svg viewBox="0 0 1 1"><path d="M0 0"></g></svg>')).toThrow(
      '</g> unexpected',
    );
  });
});
