import { z } from 'zod';
import { coded } from '../../http/input-errors';
import type { PageSize } from '../../pdf/model';
import { GUIDE_AUDIENCES } from '../../worksheets/guide';
import type { GuideAudienceName } from '../../worksheets/guide';

export const PAPERS = ['a4', 'letter'] as const satisfies readonly PageSize[];

/**
 * The query of every printable document, language and paper size: the only parser of these
 * parameters (defaults included). A bad value fails with its own code through the central error
 * handler; an unknown parameter fails as `unknown_parameter` (strict objects).
 */
export function printQuery(langs: readonly string[]) {
  return {
    lang: coded(
      z
        .enum(langs as [string, ...string[]])
        .default('en')
        .describe('Language of the document: English or a language the content is translated into'),
      'unsupported_language',
      (lang) => `No content in language "${lang}"; available: ${langs.join(', ')}`,
    ),
    paper: coded(
      z.enum(PAPERS).default('a4').describe('Paper size: A4 or US Letter'),
      'unsupported_paper',
      () => `paper must be ${PAPERS.join(' or ')}`,
    ),
  };
}

/** `answers=1` asks for the adults' answer key; read as a boolean. */
export const answersSchema = z
  .enum(['0', '1'])
  .default('0')
  .describe("1 for the adults' answer key, 0 for the child's copy")
  .transform((v) => v === '1');

export const audienceSchema = z
  .enum(GUIDE_AUDIENCES as [GuideAudienceName, ...GuideAudienceName[]])
  .default('parents')
  .describe('Who the guide is for');

/** The id in a document's path: what the OpenAPI document promises is what is enforced. */
export const idParam = (what: string) => z.string().min(1).max(100).describe(`The ${what} id`);

/** A PDF file. */
export const PdfBinarySchema = z.string().meta({ format: 'binary' }).describe('A PDF file');
