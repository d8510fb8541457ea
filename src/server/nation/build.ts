// Building a term's national release (docs/national.md "Releases"): once per term, after it
// ended, never overlapping another release (STAT-06). The places are read as they are now, every
// learner's events folded into the tables' cells (fold-learners.ts), the term's feedback answers
// added, and the engine's `publishRelease` decides what may be shown; only its result is stored.

import { termFeedback } from '../../db/term-events';
import { publishRelease, termPlan, termRefusal, termTables, termWindow } from '../../engine';
import type { Term, TermRefusal } from '../../engine';
import { HttpError } from '../http/errors';
import type { NationContext } from './context';
import type { FoldTally } from './fold-learners';
import { foldTerm } from './fold-workers';
import { releasePlaces } from './geography';
import { builtTerms, storeRelease } from './store';
import type { StoredRelease } from './store';

/** A refusal as the API's error. */
export function refusalError(r: TermRefusal): HttpError {
  switch (r.code) {
    case 'release_exists':
      return new HttpError(
        409,
        'release_exists',
        `The release of ${r.term} is built already; a release is never recomputed`,
      );
    case 'term_not_ended':
      return new HttpError(
        422,
        'term_not_ended',
        `A term can be built once its last day is over (today is ${r.today}, UTC)`,
      );
    case 'term_overlap':
      return new HttpError(
        409,
        'term_overlap',
        `The term shares days with the release of ${r.term}; terms may not overlap`,
      );
  }
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What a build made, and what it read. */
export interface Built {
  readonly release: StoredRelease;
  readonly tally: FoldTally & { readonly feedback: number; readonly ms: number };
}

/**
 * Builds and stores the release of `term`, by `actorId` (null: the command line). Throws
 * `HttpError` for a term that may not be built (checked first, and again when it is stored).
 */
export async function buildRelease(
  ctx: NationContext,
  term: Term,
  actorId: string | null,
): Promise<Built> {
  const started = ctx.now();
  const window = termWindow(term);
  if (window === null)
    throw new HttpError(400, 'validation_failed', 'A term needs real days, `from` ≤ `to`');
  const check = (built: Term[]) => {
    const refusal = termRefusal(term, utcDay(ctx.now()), built);
    if (refusal) throw refusalError(refusal);
  };
  check(await builtTerms(ctx.db));
  const settings = await ctx.settings.current();
  const country = ctx.catalogue.countries.get(settings.country as never);
  const places = await releasePlaces(ctx.db, country?.name.text ?? settings.country);
  const options = { measurement: ctx.measurement, disabledTopics: ctx.disabledTopics };
  const plan = termPlan(ctx.catalogue, window, options);
  const fold = termTables(plan, places.nationalSchool);
  let feedback = 0;
  for (const { answer, n } of await termFeedback(ctx.db.kysely, term.from, term.to)) {
    fold.addFeedback(answer, n);
    feedback += n;
  }
  const { tables, tally } = await foldTerm(
    ctx.db,
    ctx.catalogue,
    plan,
    options,
    places,
    fold,
    ctx.foldWorkers,
  );
  const published = publishRelease({ term: term.term, geography: places.geography, tables });
  if (!published.ok)
    throw new Error(
      `release ${term.term}: ${published.problems.map((p) => `${p.code} at ${p.path}`).join('; ')}`,
    );
  const release: StoredRelease = {
    term: term.term,
    from: term.from,
    to: term.to,
    builtAt: new Date(ctx.now()).toISOString(),
    areas: places.areas,
    tables: published.release.tables,
  };
  try {
    await storeRelease(ctx.db, release, actorId, check);
  } catch (e) {
    // Another process stored the same term meanwhile (its key refused this one): say so.
    if (!(e instanceof HttpError)) check(await builtTerms(ctx.db));
    throw e;
  }
  ctx.cache.set(release);
  await ctx.audit.record(
    {
      event: 'nation.release_built',
      outcome: 'ok',
      actorId,
      detail: { term: term.term, from: term.from, to: term.to },
    },
    ctx.now(),
  );
  return { release, tally: { ...tally, feedback, ms: ctx.now() - started } };
}
