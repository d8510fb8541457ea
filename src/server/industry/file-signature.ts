// What an evidence document really is, from its bytes (docs/industry.md, "Evidence"): the
// Content-Type header and the file name are the uploader's word, so neither decides. Documents
// only: PDF, the Office Open XML and OpenDocument formats, and the old Word and Excel files.
// Images are refused on purpose, whatever they are called: evidence of moderation can show
// other children's data, or illegal images, which Kite must never hold.

/** The formats an evidence document may have, with the media type it is stored and sent as. */
export const EVIDENCE_FORMATS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
} as const;
export type EvidenceFormat = keyof typeof EVIDENCE_FORMATS;

/** The Content-Types an upload may be sent with; the bytes decide what it is. */
export const UPLOAD_CONTENT_TYPES: readonly string[] = [
  ...Object.values(EVIDENCE_FORMATS),
  'application/octet-stream',
];

export type Sniffed =
  | { readonly ok: true; readonly format: EvidenceFormat; readonly mediaType: string }
  | { readonly ok: false; readonly code: 'evidence_image_refused' | 'evidence_type_refused' };

const starts = (b: Buffer, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, text: string) =>
  b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text;

/** Raster and vector images, and the ISO media containers images come in (HEIC, AVIF). */
function isImage(b: Buffer): boolean {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47])) return true; // PNG
  if (starts(b, [0xff, 0xd8, 0xff])) return true; // JPEG
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return true;
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return true;
  if (ascii(b, 0, 'BM') && b.length > 14) return true; // BMP
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return true;
  if (starts(b, [0x00, 0x00, 0x01, 0x00])) return true; // ICO
  if (ascii(b, 4, 'ftyp')) {
    const brand = b.toString('latin1', 8, 12);
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1|avif|avis)$/.test(brand)) return true;
  }
  if (starts(b, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return true; // JPEG 2000
  // SVG: text whose first element is <svg (after an optional XML declaration and comments).
  const head = b.toString('utf8', 0, Math.min(b.length, 1024)).replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

/** The names of a ZIP archive's entries, from its central directory; null when it is not one. */
export function zipEntryNames(b: Buffer): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  const from = Math.max(0, b.length - 22 - 0xffff);
  let end = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    if (at + 46 + nameLength > b.length) return null;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

const ODF: Readonly<Record<string, EvidenceFormat>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

function zipFormat(b: Buffer): EvidenceFormat | null {
  const names = zipEntryNames(b);
  if (!names) return null;
  // Macros run code on the reviewer's computer: documents only.
  if (names.some((n) => /vbaProject\.bin$/i.test(n) || /^Basic\//.test(n))) return null;
  // OpenDocument: the first entry is `mimetype`, stored, holding the type.
  if (names[0] === 'mimetype' && ascii(b, 30, 'mimetype')) {
    const extra = b.readUInt16LE(28);
    const size = b.readUInt32LE(18);
    const type = b.toString('latin1', 38 + extra, 38 + extra + Math.min(size, 100));
    return ODF[type] ?? null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return null;
}

/** Old Word and Excel: an OLE compound file whose directory names the main stream. */
function oleFormat(b: Buffer): EvidenceFormat | null {
  const utf16 = (s: string) => Buffer.from(s, 'utf16le');
  if (b.includes(utf16('WordDocument'))) return 'doc';
  if (b.includes(utf16('Workbook')) || b.includes(utf16('Book'))) return 'xls';
  return null;
}

/** What `bytes` are: an evidence format, or why they are refused. */
export function sniffEvidence(bytes: Buffer): Sniffed {
  let format: EvidenceFormat | null = null;
  if (ascii(bytes, 0, '%PDF-')) format = 'pdf';
  else if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) format = zipFormat(bytes);
  else if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    format = oleFormat(bytes);
  else if (isImage(bytes)) return { ok: false, code: 'evidence_image_refused' };
  if (format === null) return { ok: false, code: 'evidence_type_refused' };
  return { ok: true, format, mediaType: EVIDENCE_FORMATS[format] };
}

/**
 * A file name safe to store and to send back in `Content-Disposition`: the last path part, no
 * control or quoting characters, at most 120 characters, with the extension of its real format.
 */
export function safeFileName(given: string | undefined, format: EvidenceFormat): string {
  const last = (given ?? '').split(/[\\/]/).pop() ?? '';
  const base = last
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'evidence'}.${format}`;
}
