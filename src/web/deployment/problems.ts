import { ApiError } from '../account/api';
import { problemOf } from '../account/problems';
import { dt } from './strings';
import type { DeploymentKey } from './strings';

/** The words for the deployment routes' codes (docs/national.md). */
const CODES: Readonly<Record<string, DeploymentKey>> = {
  unknown_country_pack: 'deployment.error.country',
  unsupported_language: 'deployment.error.language',
  consent_age_out_of_range: 'deployment.error.consentAge',
  retention_out_of_range: 'deployment.error.retention',
  tracking_url: 'deployment.error.tracking',
  version_conflict: 'deployment.error.conflict',
  name_taken: 'deployment.error.nameTaken',
  archived: 'deployment.error.archived',
};

/** What to tell the person about a failed request to a deployment route. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = CODES[error.code];
    if (key) return dt(key);
  }
  return problemOf(error, [], () => null).message;
}

/** Whether a failed request failed because someone else changed the settings first. */
export const isConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'version_conflict';
