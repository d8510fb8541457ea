import type { Db } from '../../db/connect';
import { randomToken } from './tokens';
import { toDbTime } from '../../db/time';

/** Security events the audit log records (GOV-02). Names are stable: reports filter on them. */
export type AuditEvent =
  | 'signup'
  | 'email.verified'
  | 'signin'
  | 'signin.mfa'
  | 'signout'
  | 'session.revoked'
  | 'sessions.revoked_all'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'mfa.enabled'
  | 'mfa.disabled'
  | 'mfa.recovery_used'
  | 'mfa.recovery_regenerated'
  | 'invite.created'
  | 'invite.accepted'
  | 'admin.created'
  | 'user.approved'
  | 'user.disabled'
  | 'user.role_changed'
  | 'account.exported'
  | 'account.deleted'
  | 'throttled'
  | 'mail.failed'
  | 'school.agreement'
  | 'child.signin'
  | 'child.erased'
  | 'child.progress_erased'
  | 'child.devices_revoked'
  | 'family.consent'
  | 'family.link'
  // Industry self-assessment (IND-21): the object is the assessment, or the evidence document.
  | 'industry.state_changed'
  | 'industry.reviewer_assigned'
  | 'industry.confidentiality_changed'
  | 'industry.evidence_uploaded'
  | 'industry.evidence_viewed'
  | 'industry.evidence_deleted'
  | 'industry.exported'
  | 'industry.extension_requested'
  | 'industry.extension_decided'
  | 'industry.publication_proposed'
  | 'industry.publication_consented'
  | 'industry.publication_objected'
  | 'industry.publication_published'
  | 'industry.publication_withdrawn'
  // National releases: the object is the term (in `detail`).
  | 'nation.release_built';

export interface AuditEntry {
  readonly event: AuditEvent;
  readonly outcome: 'ok' | 'fail';
  readonly actorId?: string | null;
  readonly subjectId?: string | null;
  /** Facts without secrets or personal data: a role, a reason code, a count. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface AuditLog {
  record(entry: AuditEntry, now: number): Promise<void>;
}

export function auditLog(db: Db): AuditLog {
  return {
    async record({ event, outcome, actorId = null, subjectId = null, detail }, now) {
      await db.kysely
        .insertInto('kite_audit')
        .values({
          id: randomToken(),
          at: toDbTime(now),
          event,
          outcome,
          actor_id: actorId,
          subject_id: subjectId,
          detail: detail ? JSON.stringify(detail) : null,
        })
        .execute();
    },
  };
}
