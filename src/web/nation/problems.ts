import { ApiError } from '../account/api';
import { problemOf } from '../account/problems';
import type { Problem } from '../account/problems';
import { nat } from './strings';
import type { NationKey } from './strings';

/** The words for the release routes' codes, and the field of the build form each is about. */
const CODES: Readonly<Record<string, { key: NationKey; field: string | null }>> = {
  release_exists: { key: 'nation.page.error.exists', field: 'term' },
  term_not_ended: { key: 'nation.page.error.notEnded', field: 'to' },
  term_overlap: { key: 'nation.page.error.overlap', field: 'from' },
  build_in_progress: { key: 'nation.page.error.busy', field: null },
  not_found: { key: 'nation.page.error.notFound', field: null },
};

/** The problem a failed request to a release route shows; null for the account pages' codes. */
export function nationProblem(error: unknown): Problem | null {
  if (!(error instanceof ApiError)) return null;
  const known = CODES[error.code];
  return known ? { code: error.code, field: known.field, message: nat(known.key) } : null;
}

/** What to tell the person about a failed request, in one sentence. */
export function problemMessage(error: unknown): string {
  return nationProblem(error)?.message ?? problemOf(error, [], () => null).message;
}
