import { z } from 'zod';
import { coded } from '../../http/input-errors';
import {
  AUDIT_DAYS,
  CHILD_MONTHS,
  CONSENT_AGE,
  MAX_HELPLINES,
  MAX_PLACE_NAME,
} from '../../deployment/bounds';
import { DEPLOYMENT_HELPLINE_AUDIENCES } from '../../../engine';
import { DeploymentHelplineSchema } from '../../deployment/settings';
import { plain } from '../industry/schemas';

export { Id } from '../industry/schemas';

const whole = (range: { min: number; max: number }) =>
  z.number().int().min(range.min).max(range.max);

const AuditDays = coded(
  whole(AUDIT_DAYS),
  'retention_out_of_range',
  (v) =>
    `retention.auditDays ${v} is outside ${AUDIT_DAYS.min}–${AUDIT_DAYS.max} days (logs are kept at most 90 days)`,
);
const ChildMonths = coded(
  whole(CHILD_MONTHS),
  'retention_out_of_range',
  (v) =>
    `retention.childMonths ${v} is outside ${CHILD_MONTHS.min}–${CHILD_MONTHS.max} months (at most the schedule's 12; at least a school holiday)`,
);
const ConsentAge = coded(
  whole(CONSENT_AGE),
  'consent_age_out_of_range',
  (v) =>
    `consentAge ${v} is outside ${CONSENT_AGE.min}–${CONSENT_AGE.max}, the range GDPR art. 8 allows`,
);

const Address = z.url().max(300);

/** A helpline as a coordinator writes it. */
export const HelplineBody = z
  .strictObject({
    kind: z.enum(['helpline', 'hotline']),
    name: plain(120),
    description: plain(400).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{1,19}$/, 'digits, spaces, ( ) - and an optional leading +')
      .optional(),
    url: Address.optional().describe('https only; no tracking parameters or link shorteners'),
    chat: Address.optional().describe('A chat service, https only'),
    hours: plain(120).optional(),
    audience: z.enum(DEPLOYMENT_HELPLINE_AUDIENCES).default('everyone'),
  })
  .refine((h) => h.phone !== undefined || h.url !== undefined || h.chat !== undefined, {
    message: 'give at least one of phone, url or chat',
  });

/** A change to the settings: each field given is set, null goes back to the default. */
export const SettingsPatchBody = z.strictObject({
  version: z.number().int().min(0).describe('The version the change was made on'),
  country: z
    .string()
    .regex(/^[a-z0-9-]{2,20}$/, 'is not a country pack id')
    .nullable()
    .optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'is not a language code'))
    .min(1)
    .max(20)
    .nullable()
    .optional(),
  consentAge: ConsentAge.nullable().optional(),
  helplines: z.array(HelplineBody).max(MAX_HELPLINES).nullable().optional(),
  retention: z
    .strictObject({
      auditDays: AuditDays.nullable().optional(),
      childMonths: ChildMonths.nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const HelplineSchema = DeploymentHelplineSchema;

const Retention = z.object({ auditDays: z.number(), childMonths: z.number() });
const Range = z.object({ min: z.number(), max: z.number() });

export const SettingsViewSchema = z
  .object({
    settings: z.object({
      version: z.number(),
      updatedAt: z.string().nullable(),
      country: z.string(),
      languages: z.array(z.string()),
      consentAge: z.number().nullable(),
      helplines: z.array(HelplineSchema),
      retention: Retention,
    }),
    set: z
      .array(
        z.enum(['country', 'languages', 'consentAge', 'helplines', 'auditDays', 'childMonths']),
      )
      .describe('The settings set here; the others are the defaults'),
    defaults: z.object({
      country: z.string(),
      languages: z.array(z.string()),
      consentAge: z.number().nullable(),
      retention: Retention,
    }),
    choices: z.object({
      countries: z.array(z.object({ code: z.string(), name: z.string() })),
      languages: z.array(z.string()),
      consentAge: Range,
      auditDays: Range,
      childMonths: Range,
      helplines: z.number().describe('Most helplines the deployment may add'),
    }),
  })
  .meta({ id: 'DeploymentSettings' });

export const ChangeSchema = z.object({
  at: z.string(),
  by: z.string().nullable().describe('Who made it (null once their account is deleted)'),
  action: z.string(),
  objectId: z.string().nullable(),
  settingsVersion: z.number().nullable(),
  detail: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

/** A region or district name: a place, never a person. */
export const PlaceName = plain(MAX_PLACE_NAME);

export const PlaceBody = z.strictObject({ name: PlaceName });
export const PlacePatchBody = z.strictObject({
  name: PlaceName.optional(),
  archived: z.boolean().optional(),
});
export const AssignBody = z.strictObject({
  districtId: z.string().min(1).max(64).nullable().describe('null: unassigned'),
});

const District = z.object({
  id: z.string(),
  regionId: z.string(),
  name: z.string(),
  archived: z.boolean(),
  schools: z.number(),
});

export const PlacesSchema = z
  .object({
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        archived: z.boolean(),
        districts: z.array(District),
      }),
    ),
    schools: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        districtId: z.string().nullable(),
        classes: z.number().describe('How many classes; never their names or children'),
      }),
    ),
  })
  .meta({ id: 'DeploymentPlaces' });
