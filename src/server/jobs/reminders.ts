// Deadline reminders of the industry dialogue (IND-14, docs/industry.md "Deadlines"): 14 days
// and 3 days before a deadline, and once when it has passed, a mail to whoever owes the next
// step: the company for a clarification, the assigned reviewer for a review. Each reminder is
// marked on the deadline once sent, so it goes once; a mail that fails is tried at the next run.
// The same job tells a company once when the coordinator proposes to publish its assessment
// (IND-19): its 15 days to read the proposal start then.

import type { Db } from '../../db/connect';
import { fromDbTime, toDbTime } from '../../db/time';
import type { Mailer } from '../accounts/mailer';
import type { Job } from './job';

const DAY_MS = 86_400_000;
const MINUTE = 60_000;
export const REMINDERS_JOB = 'industry-reminders';

export interface RemindersReport {
  readonly sent: number;
  readonly failed: number;
}

/**
 * Where a reminder's link leads: the page of the app where its reader takes the next step, the
 * company's assessment (a clarification) or the reviewer's review page (a review); the web app's
 * routes are `src/engine/app/routes.ts`.
 */
export const reminderPage = (publicUrl: string | undefined, kind: string, id: string): string =>
  `${publicUrl?.replace(/\/+$/, '') ?? ''}/account/industry/${kind === 'review' ? 'review' : 'assessments'}/${id}`;

/** Sends every reminder due at `now`. */
export async function sendReminders(
  db: Db,
  mailer: Mailer,
  now: number,
  publicUrl?: string,
): Promise<RemindersReport> {
  if (!mailer.delivers) return { sent: 0, failed: 0 };
  const rows = await db.kysely
    .selectFrom('kite_industry_deadline as d')
    .innerJoin('kite_industry_assessment as a', 'a.id', 'd.assessment_id')
    .innerJoin('kite_industry_service as s', 's.id', 'a.service_id')
    .innerJoin('kite_user as o', 'o.id', 'a.owner_id')
    .leftJoin('kite_user as r', 'r.id', 'a.reviewer_id')
    .select([
      'd.id',
      'd.kind',
      'd.due_at',
      'd.reminded_14_at',
      'd.reminded_3_at',
      'd.overdue_at',
      'a.id as assessment_id',
      'a.state',
      's.name as service',
      'o.email as owner_email',
      'o.display_name as owner_name',
      'r.email as reviewer_email',
      'r.display_name as reviewer_name',
    ])
    .where('d.met_at', 'is', null)
    .where('d.due_at', '<=', toDbTime(now + 14 * DAY_MS))
    .execute();
  let sent = 0;
  let failed = 0;
  const at = toDbTime(now);
  for (const d of rows) {
    const live =
      d.kind === 'clarification'
        ? d.state === 'clarification-requested'
        : ['submitted', 'in-review', 'responded'].includes(d.state);
    const to = d.kind === 'clarification' ? d.owner_email : d.reviewer_email;
    const name = d.kind === 'clarification' ? d.owner_name : (d.reviewer_name ?? '');
    if (!live || !to) continue;
    const due = fromDbTime(d.due_at);
    const left = due - now;
    let mark: 'overdue' | '3' | '14' | null = null;
    if (left <= 0) mark = d.overdue_at === null ? 'overdue' : null;
    else if (left <= 3 * DAY_MS) mark = d.reminded_3_at === null ? '3' : null;
    else mark = d.reminded_14_at === null ? '14' : null;
    if (mark === null) continue;
    try {
      await mailer.send({
        to,
        kind: mark === 'overdue' ? 'industry_overdue' : 'industry_deadline',
        values: {
          name,
          service: d.service,
          what: d.kind === 'clarification' ? 'the clarification asked of you' : 'the review',
          due: toDbTime(due).slice(0, 10),
          days: String(Math.max(1, Math.ceil(left / DAY_MS))),
          link: reminderPage(publicUrl, d.kind, d.assessment_id),
        },
      });
    } catch {
      failed += 1;
      continue;
    }
    sent += 1;
    // A later reminder stands for the earlier ones: one mail at a time, never two at once.
    await db.kysely
      .updateTable('kite_industry_deadline')
      .set(
        mark === 'overdue'
          ? {
              overdue_at: at,
              reminded_3_at: d.reminded_3_at ?? at,
              reminded_14_at: d.reminded_14_at ?? at,
            }
          : mark === '3'
            ? { reminded_3_at: at, reminded_14_at: d.reminded_14_at ?? at }
            : { reminded_14_at: at },
      )
      .where('id', '=', d.id)
      .execute();
  }
  return { sent, failed };
}

/** Tells each company once of a proposal to publish its assessment (IND-19). */
export async function sendPublicationNotices(
  db: Db,
  mailer: Mailer,
  now: number,
  publicUrl?: string,
): Promise<RemindersReport> {
  if (!mailer.delivers) return { sent: 0, failed: 0 };
  const rows = await db.kysely
    .selectFrom('kite_industry_publication as p')
    .innerJoin('kite_industry_assessment as a', 'a.id', 'p.assessment_id')
    .innerJoin('kite_industry_service as s', 's.id', 'a.service_id')
    .innerJoin('kite_user as o', 'o.id', 'a.owner_id')
    .select([
      'p.id',
      'p.content',
      'p.window_ends_at',
      'a.id as assessment_id',
      's.name as service',
      'o.email',
      'o.display_name',
    ])
    .where('p.state', '=', 'proposed')
    .where('p.notified_at', 'is', null)
    .orderBy('p.proposed_at')
    .execute();
  let sent = 0;
  let failed = 0;
  for (const p of rows) {
    try {
      await mailer.send({
        to: p.email,
        kind: 'industry_publication',
        values: {
          name: p.display_name,
          service: p.service,
          organisation: (JSON.parse(p.content) as { organisation: string }).organisation,
          until: toDbTime(fromDbTime(p.window_ends_at)).slice(0, 10),
          link: reminderPage(publicUrl, 'publication', p.assessment_id),
        },
      });
    } catch {
      failed += 1;
      continue;
    }
    sent += 1;
    await db.kysely
      .updateTable('kite_industry_publication')
      .set({ notified_at: toDbTime(now) })
      .where('id', '=', p.id)
      .execute();
  }
  return { sent, failed };
}

/** The reminders as a background job: every 30 minutes. */
export function remindersJob(mailer: Mailer, publicUrl?: string): Job<RemindersReport> {
  return {
    name: REMINDERS_JOB,
    everyMs: 30 * MINUTE,
    retryMs: 10 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async ({ db, now }) => {
      const deadlines = await sendReminders(db, mailer, now, publicUrl);
      const notices = await sendPublicationNotices(db, mailer, now, publicUrl);
      return {
        sent: deadlines.sent + notices.sent,
        failed: deadlines.failed + notices.failed,
      };
    },
  };
}
