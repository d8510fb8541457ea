// The entry of one PDF worker thread (see pool.ts). HarfBuzz and the fonts are loaded once,
// when the thread starts; each task is one document model and its options, and the answer is
// the PDF's bytes, moved (not copied) back to the main thread. The worker never sees the
// catalogue: the main thread maps content to the model, hashes it for the cache and sends
// only the model.

import Piscina from 'piscina';
import type { PdfDocumentModel, RenderOptions } from './model';
import { createPdfRenderer } from './renderer';

/** One rendering task, as posted by the pool. */
export interface RenderTask {
  model: PdfDocumentModel;
  options?: RenderOptions;
}

const renderer = await createPdfRenderer();

export default async function render({ model, options }: RenderTask): Promise<ArrayBuffer> {
  const pdf = await renderer.render(model, options);
  // A Buffer may be a view into a larger shared allocation; move only a buffer of its own.
  const own =
    pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength
      ? (pdf.buffer as ArrayBuffer)
      : new Uint8Array(pdf).buffer;
  return Piscina.move(own) as ArrayBuffer;
}
