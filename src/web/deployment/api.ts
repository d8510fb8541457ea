/**
 * The deployment routes (`/api/deployment/…`, docs/national.md) as the browser calls them: JSON
 * with the account session cookie and the CSRF header (the account pages' `request`).
 */
import type { DeploymentHelpline } from '../../engine';
import { request } from '../account/api';

/** A helpline as the settings hold it. */
export type Helpline = DeploymentHelpline;

/** A helpline as a coordinator writes it. */
export type HelplineInput = Omit<Helpline, 'id' | 'checkedOn'>;

interface Range {
  readonly min: number;
  readonly max: number;
}

/** `GET /api/deployment/settings`. */
export interface SettingsView {
  readonly settings: {
    readonly version: number;
    readonly updatedAt: string | null;
    readonly country: string;
    readonly languages: readonly string[];
    readonly consentAge: number | null;
    readonly helplines: readonly Helpline[];
    readonly retention: { readonly auditDays: number; readonly childMonths: number };
  };
  readonly set: readonly string[];
  readonly defaults: {
    readonly country: string;
    readonly languages: readonly string[];
    readonly consentAge: number | null;
    readonly retention: { readonly auditDays: number; readonly childMonths: number };
  };
  readonly choices: {
    readonly countries: readonly { readonly code: string; readonly name: string }[];
    readonly languages: readonly string[];
    readonly consentAge: Range;
    readonly auditDays: Range;
    readonly childMonths: Range;
    readonly helplines: number;
  };
}

/** A change: each field given is set, null goes back to the default. */
export interface SettingsPatch {
  readonly version: number;
  readonly country?: string | null;
  readonly languages?: readonly string[] | null;
  readonly consentAge?: number | null;
  readonly helplines?: readonly HelplineInput[] | null;
  readonly retention?: { readonly auditDays?: number; readonly childMonths?: number };
}

export interface Change {
  readonly at: string;
  readonly by: string | null;
  readonly action: string;
  readonly objectId: string | null;
  readonly settingsVersion: number | null;
  readonly detail: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
}

export interface District {
  readonly id: string;
  readonly regionId: string;
  readonly name: string;
  readonly archived: boolean;
  readonly schools: number;
}

export interface Region {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
  readonly districts: readonly District[];
}

export interface School {
  readonly id: string;
  readonly name: string;
  readonly districtId: string | null;
  readonly classes: number;
}

export interface Places {
  readonly regions: readonly Region[];
  readonly schools: readonly School[];
}

const path = (id: string) => encodeURIComponent(id);

/** The calls of the deployment pages. */
export const deploymentApi = {
  settings: () => request<SettingsView>('GET', '/api/deployment/settings'),
  saveSettings: (patch: SettingsPatch) =>
    request<SettingsView>('PATCH', '/api/deployment/settings', patch),
  changes: () =>
    request<{ changes: Change[] }>('GET', '/api/deployment/changes').then((r) => r.changes),
  places: () => request<Places>('GET', '/api/deployment/places'),
  addRegion: (name: string) =>
    request<{ places: Places }>('POST', '/api/deployment/regions', { name }).then((r) => r.places),
  updateRegion: (id: string, patch: { name?: string; archived?: boolean }) =>
    request<{ places: Places }>('PATCH', `/api/deployment/regions/${path(id)}`, patch).then(
      (r) => r.places,
    ),
  addDistrict: (regionId: string, name: string) =>
    request<{ places: Places }>('POST', `/api/deployment/regions/${path(regionId)}/districts`, {
      name,
    }).then((r) => r.places),
  updateDistrict: (id: string, patch: { name?: string; archived?: boolean }) =>
    request<{ places: Places }>('PATCH', `/api/deployment/districts/${path(id)}`, patch).then(
      (r) => r.places,
    ),
  assignSchool: (schoolId: string, districtId: string | null) =>
    request<{ places: Places }>('PUT', `/api/deployment/schools/${path(schoolId)}/district`, {
      districtId,
    }).then((r) => r.places),
};
