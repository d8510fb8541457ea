// Evidence documents (docs/industry.md, "Evidence"): checked by their bytes, written to
// `<dataDir>/evidence/<id>` (outside the web root, never in the database), read back only by the
// owning company and the assessment's assigned reviewer, each read in the audit log (IND-17).

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import type { KiteIndustryEvidenceTable } from '../../db/schema';
import { toDbTime } from '../../db/time';
import type { Actor } from '../accounts/policy';
import { randomToken } from '../accounts/tokens';
import { HttpError } from '../http/errors';
import { assessmentFor, audited, ownAssessment, sideOf } from './access';
import { assertEditable, questionOf } from './answers';
import type { IndustryContext } from './context';
import { safeFileName, sniffEvidence } from './file-signature';

const DAY_MS = 86_400_000;

export type EvidenceRow = Selectable<KiteIndustryEvidenceTable>;

function folder(ctx: IndustryContext): string {
  if (!ctx.evidenceDir)
    throw new HttpError(503, 'evidence_unavailable', 'Evidence cannot be stored here');
  return ctx.evidenceDir;
}

/** Stores one document for a question, after checking what it really is. */
export async function uploadEvidence(
  ctx: IndustryContext,
  owner: string,
  assessmentId: string,
  question: string,
  bytes: Buffer,
  givenName: string | undefined,
) {
  const row = await ownAssessment(ctx, owner, assessmentId);
  questionOf(ctx, row, question);
  await assertEditable(ctx, row, question);
  const dir = folder(ctx);
  const sniffed = sniffEvidence(bytes);
  if (!sniffed.ok)
    throw new HttpError(
      415,
      sniffed.code,
      sniffed.code === 'evidence_image_refused'
        ? 'Images are not taken as evidence: they can show other children or illegal material. Attach a document (PDF or office file) that describes what you do.'
        : 'Evidence must be a PDF or an office document (Word, Excel, PowerPoint, OpenDocument), without macros',
    );
  const now = ctx.now();
  const uploadedAt = toDbTime(now);
  const evidence = {
    id: randomToken(),
    assessment_id: row.id,
    question,
    file_name: safeFileName(givenName, sniffed.format),
    media_type: sniffed.mediaType,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploaded_by: owner,
    uploaded_at: uploadedAt,
    expires_at: toDbTime(now + ctx.retainEvidenceDays * DAY_MS),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, evidence.id);
  writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
  try {
    await ctx.db.kysely.insertInto('kite_industry_evidence').values(evidence).execute();
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  await audited(ctx, 'industry.evidence_uploaded', owner, evidence.id, {
    assessment: row.id,
    question,
    bytes: bytes.length,
  });
  return {
    id: evidence.id,
    question,
    fileName: evidence.file_name,
    mediaType: evidence.media_type,
    bytes: evidence.bytes,
    uploadedAt,
  };
}

async function evidenceRow(ctx: IndustryContext, id: string): Promise<EvidenceRow> {
  const row = await ctx.db.kysely
    .selectFrom('kite_industry_evidence')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'No such document');
  return row;
}

/** Removes a document from a draft (the company's own). */
export async function deleteEvidence(ctx: IndustryContext, owner: string, id: string) {
  const evidence = await evidenceRow(ctx, id);
  const row = await ownAssessment(ctx, owner, evidence.assessment_id).catch(() => {
    throw new HttpError(404, 'not_found', 'No such document');
  });
  if (row.state !== 'draft')
    throw new HttpError(409, 'not_editable', 'Documents can be removed from a draft only');
  const dir = folder(ctx);
  await ctx.db.kysely.deleteFrom('kite_industry_evidence').where('id', '=', id).execute();
  rmSync(join(dir, id), { force: true });
  await audited(ctx, 'industry.evidence_deleted', owner, id, { assessment: row.id });
}

/**
 * A document's bytes, for its owning company or the assessment's assigned reviewer: another
 * company is told it does not exist; another coordinator or an admin that it is not theirs to
 * read. Every read is in the audit log.
 */
export async function readEvidence(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
): Promise<{ evidence: EvidenceRow; bytes: Buffer }> {
  const evidence = await evidenceRow(ctx, id);
  const row = await assessmentFor(ctx, actor, evidence.assessment_id).catch(() => {
    throw new HttpError(404, 'not_found', 'No such document');
  });
  if (sideOf(actor) === 'coordinator' && row.reviewer_id !== actor.id)
    throw new HttpError(
      403,
      'forbidden',
      "Only the company and the assessment's assigned reviewer may open its documents",
    );
  const dir = folder(ctx);
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, evidence.id));
  } catch {
    // The row outlived its file (removed by hand, or a restore without the evidence folder).
    throw new HttpError(404, 'not_found', 'This document is no longer held');
  }
  await audited(ctx, 'industry.evidence_viewed', actor.id, evidence.id, {
    assessment: row.id,
  });
  return { evidence, bytes };
}
