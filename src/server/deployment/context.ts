import type { Db } from '../../db/connect';
import type { Catalogue, CountryCode } from '../../engine';
import { bundleLanguages } from '../../content/bundle';
import type { Retention } from '../config/config';
import { DEFAULT_RETENTION } from '../config/config';
import type { SettingsDefaults } from './settings';
import { settingsReader } from './store';
import type { SettingsReader } from './store';

/** A country pack a deployment may choose. */
export interface CountryChoice {
  readonly code: string;
  /** Its name in English (the pack's source text). */
  readonly name: string;
}

/** What the deployment settings and places need (docs/national.md); built once per app. */
export interface DeploymentContext {
  readonly db: Db;
  readonly now: () => number;
  readonly defaults: SettingsDefaults;
  /** The effective settings of this process, cached for a few seconds. */
  readonly settings: SettingsReader;
  /** The country packs of the content. */
  readonly countries: readonly CountryChoice[];
}

export interface DeploymentOptions {
  /** The environment's country pack (KITE_COUNTRY; default `intl`). */
  readonly country?: string;
  /** The environment's retention periods (KITE_RETAIN_*). */
  readonly retention?: Retention;
  /** How long a process keeps the settings before reading them again (default 2 s). */
  readonly ttlMs?: number;
}

/** The defaults from the environment and, when loaded, the content. */
export function settingsDefaults(
  catalogue: Catalogue | undefined,
  country: string,
  retention: Retention,
): SettingsDefaults {
  return {
    country,
    languages: catalogue ? bundleLanguages(catalogue) : ['en'],
    retention: { auditDays: retention.auditDays, childMonths: retention.childMonths },
    consentAgeOf: (code) => catalogue?.countries.get(code as CountryCode)?.consentAge ?? null,
  };
}

export function deploymentContext(
  db: Db,
  catalogue: Catalogue | undefined,
  now: () => number,
  { country = 'intl', retention = DEFAULT_RETENTION, ttlMs }: DeploymentOptions = {},
): DeploymentContext {
  const defaults = settingsDefaults(catalogue, country, retention);
  return {
    db,
    now,
    defaults,
    settings: settingsReader(db, defaults, ttlMs === undefined ? { now } : { now, ttlMs }),
    countries: catalogue
      ? [...catalogue.countries.values()]
          .map((c) => ({ code: c.code as string, name: c.name.text }))
          .sort((a, b) => a.code.localeCompare(b.code))
      : [{ code: country, name: country }],
  };
}
