import { z } from 'zod';
import { HttpError } from '../../http/errors';
import type { PageSize } from '../../pdf/model';
import { GUIDE_AUDIENCES } from '../../worksheets/guide';
import type { GuideAudienceName } from '../../worksheets/guide';

export const PAPERS = ['a4', 'letter'] as const satisfies readonly PageSize[];

/** Query of every printable document: language and paper size. */
export function printQuerySchema(langs: readonly string[]) {
  return {
    lang: z
      .enum(langs as [string, ...string[]])
      .default('en')
      .describe('Language of the document: English or a language the content is translated into'),
    paper: z.enum(PAPERS).default('a4').describe('Paper size: A4 or US Letter'),
  };
}

export const answersSchema = z
  .enum(['0', '1'])
  .default('0')
  .describe("1 for the adults' answer key, 0 for the child's copy");

export const audienceSchema = z
  .enum(GUIDE_AUDIENCES as [GuideAudienceName, ...GuideAudienceName[]])
  .default('parents')
  .describe('Who the guide is for');

/** A PDF file. */
export const PdfBinarySchema = z.string().meta({ format: 'binary' }).describe('A PDF file');

function one(raw: Record<string, unknown>, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'validation_failed', `Give ${name} once`);
  return v;
}

/**
 * Reads the query again by hand so each bad value gets its own stable error code (the zod
 * schemas above document it; routes attach their validation error instead of failing).
 */
export function readPrintQuery(raw: unknown, langs: readonly string[]) {
  const q = (raw ?? {}) as Record<string, unknown>;
  const lang = one(q, 'lang') ?? 'en';
  if (!langs.includes(lang))
    throw new HttpError(
      400,
      'unsupported_language',
      `No content in language "${lang.slice(0, 20)}"; available: ${langs.join(', ')}`,
    );
  const paper = one(q, 'paper') ?? 'a4';
  if (!(PAPERS as readonly string[]).includes(paper))
    throw new HttpError(400, 'unsupported_paper', 'paper must be a4 or letter');
  return { lang, paper: paper as PageSize, q };
}

export function readAnswers(q: Record<string, unknown>): boolean {
  const v = one(q, 'answers') ?? '0';
  if (v !== '0' && v !== '1')
    throw new HttpError(400, 'validation_failed', 'answers must be 0 or 1');
  return v === '1';
}

export function readAudience(q: Record<string, unknown>): GuideAudienceName {
  const v = one(q, 'audience') ?? 'parents';
  if (!(GUIDE_AUDIENCES as readonly string[]).includes(v))
    throw new HttpError(400, 'validation_failed', 'audience must be parents or teachers');
  return v as GuideAudienceName;
}
