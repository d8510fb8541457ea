import { AUDIT_DAYS, CHILD_MONTHS, CONSENT_AGE, MAX_HELPLINES } from './bounds';
import type { DeploymentContext } from './context';
import type { EffectiveSettings } from './settings';
import { effectiveOf } from './settings';
import { readStored } from './store';

/** Which settings a coordinator or admin set (the others are the defaults). */
export type SetField =
  'country' | 'languages' | 'consentAge' | 'helplines' | 'auditDays' | 'childMonths';

/** What the settings page shows: the settings in force, which are set, the defaults, the choices. */
export interface SettingsView {
  readonly settings: EffectiveSettings;
  readonly set: SetField[];
  readonly defaults: {
    readonly country: string;
    readonly languages: string[];
    readonly consentAge: number | null;
    readonly retention: { readonly auditDays: number; readonly childMonths: number };
  };
  readonly choices: {
    readonly countries: { readonly code: string; readonly name: string }[];
    readonly languages: string[];
    readonly consentAge: { readonly min: number; readonly max: number };
    readonly auditDays: { readonly min: number; readonly max: number };
    readonly childMonths: { readonly min: number; readonly max: number };
    readonly helplines: number;
  };
}

/** The settings page's view, read from the database (never the cache: it carries the version). */
export async function settingsView(
  ctx: DeploymentContext,
  given?: EffectiveSettings,
): Promise<SettingsView> {
  const row = await readStored(ctx.db);
  const settings = given ?? effectiveOf(ctx.defaults, row.stored, row.version, row.updatedAt);
  const s = row.stored;
  const set: SetField[] = [];
  if (s.country !== undefined) set.push('country');
  if (s.languages !== undefined) set.push('languages');
  if (s.consentAge !== undefined) set.push('consentAge');
  if (s.helplines !== undefined) set.push('helplines');
  if (s.retention?.auditDays !== undefined) set.push('auditDays');
  if (s.retention?.childMonths !== undefined) set.push('childMonths');
  const d = ctx.defaults;
  return {
    settings,
    set,
    defaults: {
      country: d.country,
      languages: [...d.languages],
      consentAge: d.consentAgeOf(settings.country),
      retention: d.retention,
    },
    choices: {
      countries: [...ctx.countries],
      languages: [...d.languages],
      consentAge: CONSENT_AGE,
      auditDays: AUDIT_DAYS,
      childMonths: CHILD_MONTHS,
      helplines: MAX_HELPLINES,
    },
  };
}
