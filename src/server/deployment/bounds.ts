// The ranges a coordinator or admin may choose (docs/national.md, "Deployment settings"). The
// environment keeps its own wider ranges (config.ts): it is the operator's boot-time default.

/**
 * Age of digital consent: GDPR art. 8 lets a member state set it from 13 to 16 (16 when it sets
 * none); research/regulation.md lists each country's choice.
 */
export const CONSENT_AGE = { min: 13, max: 16 } as const;

/**
 * Days a security audit row is kept. At most 90: the retention schedule keeps logs no longer
 * (PRIV-18). At least 30: an incident a school reports after a few weeks can still be traced,
 * and the admins' audit page has a month to show.
 */
export const AUDIT_DAYS = { min: 30, max: 90 } as const;

/**
 * Months an inactive child is kept. At most 12, the schedule's period for inactive children
 * (PRIV-18), which the families' letter states. At least 4: a class that comes back after the
 * longest school holiday (about three months) finds its children still there.
 */
export const CHILD_MONTHS = { min: 4, max: 12 } as const;

/** Helplines the deployment adds to its country pack's. */
export const MAX_HELPLINES = 12;

/** Longest region or district name. */
export const MAX_PLACE_NAME = 80;
