// Browser-free PDF rendering with correct complex-script shaping (Khmer, Thai, Myanmar) and
// exact text extraction. See renderer.ts for the entry point and model.ts for the input.
export { createPdfRenderer, FIXED_CREATION_DATE } from './renderer';
export type { PdfRenderer } from './renderer';
export type * from './model';
