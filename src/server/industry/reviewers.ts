// Who can take a review (docs/industry.md "Reviewers"): the active coordinators and admins, by
// the names they gave. Only the coordinator's side asks, to give a review to a colleague.

import type { IndustryContext } from './context';

export interface ReviewerChoice {
  readonly id: string;
  readonly name: string;
}

/** Every active coordinator and admin, by name. */
export async function listReviewers(ctx: IndustryContext): Promise<ReviewerChoice[]> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_user')
    .select(['id', 'display_name'])
    .where('role', 'in', ['coordinator', 'admin'])
    .where('status', '=', 'active')
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
