import { z } from 'zod';
import type { CountryCode } from '../../ids';
import type { CountryPack } from '../../types/country';
import { localId, schemaRef, text } from './common';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real date');

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

/** `content/countries/<code>.json`. */
export const countrySchema = z.strictObject({
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
}) satisfies z.ZodType<CountryPack & { $schema?: string | undefined }>;
