// A helpline or hotline a deployment's coordinator adds to the country pack's (NATION-1,
// docs/national.md): one shape for the settings the server stores, the client configuration it
// sends, and the pages that edit and show it.

/** Whom it is for: everyone, or adults only (never shown to a child). */
export const DEPLOYMENT_HELPLINE_AUDIENCES = ['everyone', 'adults'] as const;
export type DeploymentHelplineAudience = (typeof DEPLOYMENT_HELPLINE_AUDIENCES)[number];

export const DEPLOYMENT_HELPLINE_KINDS = ['helpline', 'hotline'] as const;

/** One entry of the deployment's helplines. */
export interface DeploymentHelpline {
  /** `set-1`, `set-2`…: its place in the list, unique within the deployment's entries. */
  readonly id: string;
  readonly kind: (typeof DEPLOYMENT_HELPLINE_KINDS)[number];
  readonly name: string;
  readonly description?: string | undefined;
  readonly phone?: string | undefined;
  readonly url?: string | undefined;
  readonly chat?: string | undefined;
  readonly hours?: string | undefined;
  readonly audience: DeploymentHelplineAudience;
  /** The day (YYYY-MM-DD) a coordinator or admin last wrote this entry: its check. */
  readonly checkedOn: string;
}
