import { z } from 'zod';
import type { Retention } from '../config/config';

/** Who a helpline the deployment adds is for: everyone, or adults only (never shown to a child). */
export const HELPLINE_AUDIENCES = ['everyone', 'adults'] as const;
export type HelplineAudience = (typeof HELPLINE_AUDIENCES)[number];

/** A helpline or hotline a coordinator adds to the country pack's (docs/national.md). */
export interface DeploymentHelpline {
  /** `set-1`, `set-2`…: its place in the list, unique within the deployment's entries. */
  readonly id: string;
  readonly kind: 'helpline' | 'hotline';
  readonly name: string;
  readonly description?: string | undefined;
  readonly phone?: string | undefined;
  readonly url?: string | undefined;
  readonly chat?: string | undefined;
  readonly hours?: string | undefined;
  readonly audience: HelplineAudience;
  /** The day (YYYY-MM-DD) a coordinator or admin last wrote this entry: its check. */
  readonly checkedOn: string;
}

/** The retention periods a coordinator may set (the others stay the environment's). */
export type SettableRetention = Pick<Retention, 'auditDays' | 'childMonths'>;

/** The settings stored in the database: only what a coordinator or admin set. */
export interface StoredSettings {
  readonly country?: string | undefined;
  readonly languages?: readonly string[] | undefined;
  readonly consentAge?: number | undefined;
  readonly helplines?: readonly DeploymentHelpline[] | undefined;
  readonly retention?: Partial<SettableRetention> | undefined;
}

const storedHelpline = z.object({
  id: z.string(),
  kind: z.enum(['helpline', 'hotline']),
  name: z.string(),
  description: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  chat: z.string().optional(),
  hours: z.string().optional(),
  audience: z.enum(HELPLINE_AUDIENCES),
  checkedOn: z.string(),
});

/** The stored row's JSON as this version reads it (what routes wrote; checked again on read). */
export const StoredSettingsSchema = z.object({
  country: z.string().optional(),
  languages: z.array(z.string()).optional(),
  consentAge: z.number().int().optional(),
  helplines: z.array(storedHelpline).optional(),
  retention: z
    .object({ auditDays: z.number().int().optional(), childMonths: z.number().int().optional() })
    .optional(),
}) satisfies z.ZodType<StoredSettings>;

/** What applies where nothing is stored: the environment and the content. */
export interface SettingsDefaults {
  readonly country: string;
  /** Every language the content offers (English first). */
  readonly languages: readonly string[];
  readonly retention: SettableRetention;
  /** The country pack's age of digital consent (null where it has none, or no such pack). */
  consentAgeOf(country: string): number | null;
}

/** The settings in force: the stored ones over the defaults. */
export interface EffectiveSettings {
  /** 0 until the first change; raised by one at each. */
  readonly version: number;
  readonly updatedAt: string | null;
  readonly country: string;
  readonly languages: string[];
  /**
   * Whether a coordinator chose the languages: otherwise the app offers every language it was
   * built with (the server may hold no content to know them, as in tests).
   */
  readonly languagesSet: boolean;
  readonly consentAge: number | null;
  readonly helplines: DeploymentHelpline[];
  readonly retention: SettableRetention;
}

/** The stored settings over the defaults (a language the content no longer has is left out). */
export function effectiveOf(
  defaults: SettingsDefaults,
  stored: StoredSettings,
  version: number,
  updatedAt: string | null,
): EffectiveSettings {
  const country = stored.country ?? defaults.country;
  const languages = stored.languages?.filter((l) => defaults.languages.includes(l)) ?? [];
  return {
    version,
    updatedAt,
    country,
    languages: languages.length > 0 ? languages : [...defaults.languages],
    languagesSet: languages.length > 0,
    consentAge: stored.consentAge ?? defaults.consentAgeOf(country),
    helplines: [...(stored.helplines ?? [])],
    retention: {
      auditDays: stored.retention?.auditDays ?? defaults.retention.auditDays,
      childMonths: stored.retention?.childMonths ?? defaults.retention.childMonths,
    },
  };
}
