import type { CountryCode } from '../ids';
import type { Text } from './text';

/**
 * Whether a coordinator confirmed an entry against its `source`. A `to-verify` entry is shown
 * to adults with a "to verify" label and never to children (see `helplinesFor`).
 */
export type HelplineStatus = 'verified' | 'to-verify';

/** A helpline (talk to someone) or a hotline (report abuse material, or another reporting route). */
export interface Helpline {
  readonly id: string;
  readonly kind: 'helpline' | 'hotline';
  readonly name: Text;
  /**
   * True when the entry is a directory of services (e.g. Child Helpline International), not a
   * service a child can call; `mention` then says so inside a sentence.
   */
  readonly directory?: boolean;
  /**
   * How `{helpline}` / `{hotline}` names the entry inside a sentence, when that differs from
   * `name`: "your country's child helpline (find it at Child Helpline International)".
   */
  readonly mention?: Text;
  readonly description?: Text;
  readonly phone?: string;
  /** URL of a chat service. */
  readonly chat?: string;
  readonly url?: string;
  readonly hours?: Text;
  /**
   * `verified` once a coordinator checked the entry against `source`; `to-verify` until then.
   * Required in national packs; the `intl` pack may leave it out (its entries load as verified).
   */
  readonly status: HelplineStatus;
  /** Where the entry was checked (a URL of the service or of an official directory). */
  readonly source: string;
  /** ISO date (YYYY-MM-DD) of the last check against `source`. */
  readonly verifiedOn: string;
  /** A note for coordinators (how it was checked); never shown to children. */
  readonly note?: string;
  /**
   * A service for parents and teachers only (one a coordinator added with that audience,
   * docs/national.md): `helplinesFor` never lists it for a child.
   */
  readonly adultsOnly?: boolean;
}

/** Amounts of money used in scenarios, pre-formatted for the country. */
export interface MoneyAmounts {
  /** The price of a snack. */
  readonly small: Text;
  /** The price of a game or a toy. */
  readonly medium: Text;
  /** A "prize" in a scam message. */
  readonly large: Text;
}

/** Country adaptation (I18N-2, NATION-1): helplines, invented names and apps, money. */
export interface CountryPack {
  readonly code: CountryCode;
  readonly name: Text;
  readonly helplines: readonly Helpline[];
  /** Invented first names by key: `{name:friend1}`. */
  readonly names: Readonly<Record<string, Text>>;
  /** Invented app names by key: `{app:chat}`. Never a real brand. */
  readonly apps: Readonly<Record<string, Text>>;
  /** Invented usernames by key: `{handle:stranger1}` ("Rex_19"). */
  readonly handles?: Readonly<Record<string, Text>>;
  /** Local words by key: `{term:safeguarding-lead}` (school roles and the like). */
  readonly terms?: Readonly<Record<string, Text>>;
  readonly currency: { readonly code?: string; readonly name: Text };
  readonly money: MoneyAmounts;
  /** Age of digital consent (GDPR art. 8 and similar); null where it varies or the law sets none. */
  readonly consentAge: number | null;
  /** How `consentAge` was established, for coordinators; never shown to children. */
  readonly consentAgeCheck?: ConsentAgeCheck;
}

/** Where the age of digital consent comes from, and whether a coordinator confirmed it. */
export interface ConsentAgeCheck {
  readonly status: HelplineStatus;
  readonly source?: string;
  readonly verifiedOn?: string;
  readonly note: string;
}
