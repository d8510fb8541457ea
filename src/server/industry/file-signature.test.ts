// The evidence allowlist by file signature (docs/industry.md, "Evidence"): each format told from
// its bytes, whatever it is called; images and everything else refused with their own code.
import { describe, expect, it } from 'vitest';
import { PNG, smallDocx, smallPdf, storedZip } from '../../../test/helpers/industry';
import { safeFileName, sniffEvidence, zipEntryNames } from './file-signature';

/** An OLE compound file's first sector and a directory entry named `stream` (UTF-16LE). */
const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(stream, 'utf16le'),
    Buffer.alloc(64),
  ]);

const odf = (type: string) =>
  storedZip({ mimetype: type, 'content.xml': '<office:document-content/>' });

describe('sniffEvidence', () => {
  it.each([
    ['docx', () => smallDocx()],
    ['xlsx', () => storedZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<w/>' })],
    [
      'pptx',
      () => storedZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }),
    ],
    ['odt', () => odf('application/vnd.oasis.opendocument.text')],
    ['ods', () => odf('application/vnd.oasis.opendocument.spreadsheet')],
    ['odp', () => odf('application/vnd.oasis.opendocument.presentation')],
    ['doc', () => ole('WordDocument')],
    ['xls', () => ole('Workbook')],
  ])('takes a %s by its bytes', (format, bytes) => {
    expect(sniffEvidence(bytes())).toMatchObject({ ok: true, format });
  });

  it('takes a real PDF', async () => {
    expect(sniffEvidence(await smallPdf())).toEqual({
      ok: true,
      format: 'pdf',
      mediaType: 'application/pdf',
    });
  });

  it.each([
    ['PNG', PNG],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00')],
    ['WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ')],
    ['HEIC', Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00', 'latin1')],
    ['AVIF', Buffer.from('\x00\x00\x00\x18ftypavif\x00\x00\x00\x00', 'latin1')],
    ['TIFF', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])],
    [
      'SVG',
      Buffer.from(
        '<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      ),
    ],
  ])('refuses an image (%s) with its own code', (_name, bytes) => {
    expect(sniffEvidence(bytes)).toEqual({ ok: false, code: 'evidence_image_refused' });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['text', Buffer.from('Our policy is good.')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a ZIP that is no document', storedZip({ 'a.txt': 'hello' })],
    [
      'a Word file with macros',
      storedZip({
        '[Content_Types].xml': '<Types/>',
        'word/document.xml': '<w/>',
        'word/vbaProject.bin': 'macro',
      }),
    ],
    ['an OpenDocument of another kind', odf('application/vnd.oasis.opendocument.graphics')],
    ['an OLE file that is neither Word nor Excel', ole('PowerPoint Document')],
    ['an MP4 video', Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1')],
    ['a truncated ZIP', smallDocx().subarray(0, 60)],
  ])('refuses %s as not a document', (_name, bytes) => {
    expect(sniffEvidence(bytes)).toEqual({ ok: false, code: 'evidence_type_refused' });
  });

  it('reads a ZIP central directory', () => {
    expect(zipEntryNames(storedZip({ a: '1', 'b/c': '2' }))).toEqual(['a', 'b/c']);
    expect(zipEntryNames(Buffer.from('PK\x03\x04 not really'))).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps the last path part, drops quotes and controls, and gives the real extension', () => {
    expect(safeFileName('C:\\Users\\me\\Policy 2027.pdf', 'pdf')).toBe('Policy 2027.pdf');
    expect(safeFileName('../../etc/passwd', 'docx')).toBe('passwd.docx');
    expect(safeFileName('a"b\r\n;c.png', 'pdf')).toBe('a_b___c.pdf');
    expect(safeFileName('សេចក្តីណែនាំ.docx', 'docx')).toBe('សេចក្តីណែនាំ.docx');
    expect(safeFileName(undefined, 'xlsx')).toBe('evidence.xlsx');
    expect(safeFileName('...', 'pdf')).toBe('evidence.pdf');
  });
});
