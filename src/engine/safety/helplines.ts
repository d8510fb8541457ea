import type { CountryPack, Helpline } from '../types/country';

/** Who reads a list of helplines: a child (the app, worksheets) or an adult (adults' guides). */
export type HelplineAudience = 'child' | 'adult';

/** The kinds of entry a pack lists; `{helpline}` and `{hotline}` each name the first of theirs. */
const KINDS = ['helpline', 'hotline'] as const;

/** True when a coordinator confirmed the entry against its source. */
export const isVerified = (h: Helpline): boolean => h.status === 'verified';

/**
 * The helplines and hotlines `audience` is shown, for a deployment's country `pack` and the
 * international `fallback` ("unreviewed language, safe defaults"):
 *
 * - a child sees only entries a coordinator confirmed (`status: "verified"`), and none meant for
 *   adults only (`adultsOnly`);
 * - an adult also sees entries still to verify, and labels them (`isVerified` is false);
 * - for a kind (helpline, hotline) without a confirmed entry in `pack`, both see the
 *   fallback's confirmed entries of that kind (the international directories), after the pack's.
 *
 * The one rule behind the help page, "who can help", `{helpline}`/`{hotline}` in any text,
 * and printed footers. Pure: the same packs give the same list.
 */
export function helplinesFor(
  pack: CountryPack,
  fallback: CountryPack,
  audience: HelplineAudience,
): readonly Helpline[] {
  const own = pack.helplines.filter(
    (h) => audience === 'adult' || (isVerified(h) && h.adultsOnly !== true),
  );
  if (pack === fallback || pack.code === fallback.code) return own;
  const covered = new Set(
    pack.helplines.filter((h) => isVerified(h) && h.adultsOnly !== true).map((h) => h.kind),
  );
  const missing = KINDS.filter((k) => !covered.has(k));
  const extra = fallback.helplines.filter((h) => isVerified(h) && missing.includes(h.kind));
  return [...own, ...extra];
}

/**
 * The entry a sentence names for `{helpline}` or `{hotline}`: the first of that kind a child
 * may be shown. Sentences never name an unconfirmed service, whoever reads them.
 */
export function mentionedHelpline(
  pack: CountryPack,
  fallback: CountryPack,
  kind: Helpline['kind'],
): Helpline | undefined {
  return helplinesFor(pack, fallback, 'child').find((h) => h.kind === kind);
}
