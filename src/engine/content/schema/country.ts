import { z } from 'zod';
import type { CountryCode } from '../../ids';
import type { CountryPack, Helpline, HelplineStatus } from '../../types/country';
import { localId, schemaRef, text } from './common';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real date');

/** The statuses of a helpline entry: confirmed by a coordinator, or not yet. */
export const HELPLINE_STATUSES = ['verified', 'to-verify'] as const satisfies HelplineStatus[];

const status = z.enum(HELPLINE_STATUSES, {
  error: `status is "verified" (a coordinator checked it against its source) or "to-verify"`,
});

const helpline = z
  .strictObject({
    id: localId,
    kind: z.enum(['helpline', 'hotline']),
    name: text,
    directory: z.boolean().optional(),
    mention: text.optional(),
    description: text.optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{1,19}$/, 'digits, spaces, ( ) - and an optional leading +')
      .optional(),
    chat: z.url().optional(),
    url: z.url().optional(),
    hours: text.optional(),
    status: status.optional(),
    source: z.url('give the URL where this entry was checked'),
    verifiedOn: isoDate,
    note: z.string().optional(),
  })
  .refine((h) => h.phone !== undefined || h.chat !== undefined || h.url !== undefined, {
    message: 'give at least one of phone, chat or url',
  })
  .refine((h) => h.directory !== true || h.mention !== undefined, {
    message:
      'a directory needs a "mention": how a sentence names it ("your country\'s child helpline (find it at …)")',
    path: ['mention'],
  });

const consentAgeCheck = z.strictObject({
  status,
  source: z.url('give the URL of the law or of the page that says so').optional(),
  verifiedOn: isoDate.optional(),
  note: z.string().refine((s) => s.trim() !== '', 'say how the age was established'),
});

export type HelplineInput = Omit<Helpline, 'status'> & { status?: HelplineStatus | undefined };

/**
 * Every entry of a national pack says whether a coordinator confirmed it: a pack written
 * without it would put unconfirmed numbers in front of children. `intl` lists only the two
 * international directories; an entry there without `status` loads as verified.
 */
function requireStatus(
  pack: { code: string; helplines: readonly HelplineInput[] },
  ctx: z.RefinementCtx,
) {
  if (pack.code === 'intl') return;
  pack.helplines.forEach((h, i) => {
    if (h.status === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['helplines', i, 'status'],
        message:
          'give "status": "verified" once a coordinator checked the entry against its source, else "to-verify" (children never see a "to-verify" entry)',
      });
  });
}

/** A country file as written: an `intl` entry may leave out `status`. */
export type CountryFile = Omit<CountryPack, 'helplines'> & { helplines: readonly HelplineInput[] };

/** The loaded pack: an entry without `status` (only in `intl`, see `requireStatus`) is verified. */
export function withStatuses(file: CountryFile): CountryPack {
  return {
    ...file,
    helplines: file.helplines.map((h) => ({ ...h, status: h.status ?? 'verified' })),
  };
}

const countryFile = z.strictObject({
  $schema: schemaRef,
  code: z
    .string()
    .regex(/^(intl|[a-z]{2})$/, '"intl" or a lower-case ISO 3166-1 alpha-2 code')
    .transform((s) => s as CountryCode),
  name: text,
  helplines: z.array(helpline),
  names: z.record(localId, text),
  apps: z.record(localId, text),
  handles: z.record(localId, text).optional(),
  terms: z.record(localId, text).optional(),
  currency: z.strictObject({
    code: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    name: text,
  }),
  money: z.strictObject({ small: text, medium: text, large: text }),
  consentAge: z.number().int().min(10).max(18).nullable(),
  consentAgeCheck: consentAgeCheck.optional(),
}) satisfies z.ZodType<CountryFile & { $schema?: string | undefined }>;

/** `content/countries/<code>.json`. */
export const countrySchema = countryFile.superRefine(requireStatus);
