import type { Db } from '../../db/connect';
import type { Catalogue } from '../../engine';
import { auditLog } from '../accounts/audit';
import type { AuditLog } from '../accounts/audit';
import { DEFAULT_EVIDENCE_MAX_MB, DEFAULT_RETENTION } from '../config/config';
import type { PdfRenderer } from '../pdf/renderer';

/** What the industry self-assessment needs (docs/industry.md); built once per app. */
export interface IndustryContext {
  readonly db: Db;
  readonly now: () => number;
  readonly audit: AuditLog;
  /** The checked content: `catalogue.industry` holds the framework versions. */
  readonly catalogue: Catalogue;
  /**
   * The folder evidence documents are written to (`<dataDir>/evidence`, outside the web root);
   * absent: evidence cannot be uploaded or read here (503 `evidence_unavailable`).
   */
  readonly evidenceDir: string | undefined;
  readonly evidenceMaxBytes: number;
  readonly retainEvidenceDays: number;
  /** Renders the report PDF; absent: that route answers 503. */
  readonly renderer: PdfRenderer | undefined;
}

export interface IndustryOptions {
  readonly evidenceDir?: string | undefined;
  readonly evidenceMaxBytes?: number;
  readonly retainEvidenceDays?: number;
}

export function industryContext(
  db: Db,
  catalogue: Catalogue,
  now: () => number,
  renderer: PdfRenderer | undefined,
  o: IndustryOptions = {},
): IndustryContext {
  return {
    db,
    now,
    audit: auditLog(db),
    catalogue,
    evidenceDir: o.evidenceDir,
    evidenceMaxBytes: o.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_MB * 1024 * 1024,
    retainEvidenceDays: o.retainEvidenceDays ?? DEFAULT_RETENTION.evidenceDays,
    renderer,
  };
}
