// Fixtures of the industry self-assessment (docs/industry.md) made through the API, as a company
// and a coordinator would: services, assessments answered far enough to submit, real documents
// (a PDF made by pdfkit, a DOCX-shaped ZIP) and an image that must be refused.
import { crc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { expect } from 'vitest';
import type { Catalogue } from '../../src/engine';
import { applicableQuestions } from '../../src/engine';
import type { AccountClient } from './account-client';

export const FRAMEWORK = 'kite-cop-industry@v1';

/** A small real PDF (one page of text). */
export function smallPdf(
  text = 'Our child-safety policy, approved by the board.',
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}

/** A ZIP archive of `files`, stored (not compressed), with its central directory. */
export function storedZip(files: Readonly<Record<string, string>>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A minimal Word document's parts. */
export const smallDocx = () =>
  storedZip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
    'word/document.xml':
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Moderation procedure</w:t></w:r></w:p></w:body></w:document>',
  });

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Sends a document as a raw upload. */
export function upload(
  client: AccountClient,
  assessmentId: string,
  question: string,
  bytes: Buffer,
  type = 'application/pdf',
  name = 'policy.pdf',
) {
  return client.request(
    'POST',
    `/api/industry/assessments/${assessmentId}/evidence/${question}`,
    bytes,
    {
      'content-type': type,
      'x-file-name': encodeURIComponent(name),
    },
  );
}

/** A new service of the company; its id. */
export async function newService(
  company: AccountClient,
  features: readonly string[] = [],
  name = 'Chatter',
): Promise<string> {
  const res = await company.post('/api/industry/services', {
    name,
    type: 'social',
    features,
    childShare: 'some',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().service.id as string;
}

/** A new draft of the service; its id. */
export async function newDraft(company: AccountClient, serviceId: string): Promise<string> {
  const res = await company.post('/api/industry/assessments', {
    serviceId,
    framework: FRAMEWORK,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().assessment.id as string;
}

/**
 * Answers every question the draft asks: `level` where a document is not needed or `withDocs`
 * lists the question (a PDF is attached), N/A with a reason for the other document questions.
 */
export async function answerAll(
  company: AccountClient,
  catalogue: Catalogue,
  assessmentId: string,
  features: readonly string[] = [],
  { level = 3, withDocs = ['policy'] }: { level?: number; withDocs?: readonly string[] } = {},
): Promise<void> {
  const framework = catalogue.industry!.get(FRAMEWORK)!;
  const asked = applicableQuestions(framework, { features: features as never });
  const pdf = await smallPdf();
  for (const q of asked) {
    const na = q.evidence === 'document' && !withDocs.includes(q.id);
    const res = await company.request(
      'PUT',
      `/api/industry/assessments/${assessmentId}/answers/${q.id}`,
      na ? { level: 'na', reason: 'We hold no such document yet' } : { level },
    );
    expect(res.statusCode, res.body).toBe(200);
    if (!na && q.evidence === 'document') {
      const up = await upload(company, assessmentId, q.id, pdf);
      expect(up.statusCode, up.body).toBe(201);
    }
  }
}

/** Moves an assessment; expects `status`. */
export async function move(
  client: AccountClient,
  id: string,
  body: Record<string, unknown>,
  status = 200,
) {
  const res = await client.post(`/api/industry/assessments/${id}/transitions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** A service and an assessment ready to submit (not yet submitted); their ids. */
export async function readyDraft(company: AccountClient, catalogue: Catalogue) {
  const serviceId = await newService(company);
  const id = await newDraft(company, serviceId);
  await answerAll(company, catalogue, id);
  return { serviceId, id };
}

/** An assessment submitted by the company; its id. */
export async function submitted(company: AccountClient, catalogue: Catalogue): Promise<string> {
  const { id } = await readyDraft(company, catalogue);
  await move(company, id, { to: 'submitted' });
  return id;
}
