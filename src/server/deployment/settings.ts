import { z } from 'zod';
import { DEPLOYMENT_HELPLINE_AUDIENCES, DEPLOYMENT_HELPLINE_KINDS } from '../../engine';
import type { DeploymentHelpline } from '../../engine';
import type { Retention } from '../config/config';

export type { DeploymentHelpline } from '../../engine';

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

/** A helpline as stored and as the routes send it (no transforms: also a response schema). */
export const DeploymentHelplineSchema = z.object({
  id: z.string(),
  kind: z.enum(DEPLOYMENT_HELPLINE_KINDS),
  name: z.string(),
  description: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  chat: z.string().optional(),
  hours: z.string().optional(),
  audience: z.enum(DEPLOYMENT_HELPLINE_AUDIENCES),
  checkedOn: z.string(),
});

/** The stored row's JSON as this version reads it (what routes wrote; checked again on read). */
export const StoredSettingsSchema = z.object({
  country: z.string().optional(),
  languages: z.array(z.string()).optional(),
  consentAge: z.number().int().optional(),
  helplines: z.array(DeploymentHelplineSchema).optional(),
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
