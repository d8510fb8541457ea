// `i18n export` and `i18n import` (`npm run i18n -- …`): a language's translations as a gettext
// PO file for translators, and back (I18N-1; docs/content-authoring.md, "Translating Kite").
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Command } from '../command';
import { TRANSLATION_SCOPES } from '../../../engine';
import type { TranslationScope } from '../../../engine';
import { ContentInvalidError, exportPo, importPo } from '../../../content/i18n';

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const lang = z
  .string({ error: 'is required (a language tag such as km)' })
  .regex(LANG, 'must be a language tag such as km or pt-BR')
  .refine((l) => l !== 'en', { message: 'cannot be en: English is the source' });
const format = z.literal('po', { error: 'must be po (the only format so far)' });
const dir = z.string().min(1, 'needs a folder').optional();

interface ExportInput {
  readonly lang: string;
  readonly scope: TranslationScope;
  readonly out: string | null;
  readonly dir: string;
}

interface ImportInput {
  readonly lang: string;
  readonly file: string;
  readonly dryRun: boolean;
  readonly dir: string;
}

const common = {
  lang: { kind: 'value', value: '<lang>', describe: 'the language, e.g. km' },
  format: { kind: 'value', value: 'po', describe: 'the file format: po (gettext)' },
  dir: {
    kind: 'value',
    value: '<content root>',
    describe: 'the content folder (default: content)',
  },
} as const;

async function contentErrors<T>(
  ctx: { err(line: string): void },
  name: string,
  f: () => Promise<T>,
) {
  try {
    return await f();
  } catch (e) {
    if (!(e instanceof ContentInvalidError)) throw e;
    for (const line of e.lines) ctx.err(line);
    ctx.err(`kite ${name}: ${e.message}; nothing was done`);
    return undefined;
  }
}

export const i18nExportCommand: Command<ExportInput> = {
  words: ['i18n', 'export'],
  summary: "a language's translations as a PO file for translators (Poedit or any PO editor)",
  options: {
    ...common,
    scope: { kind: 'value', value: 'content|ui|all', describe: 'which strings (default: all)' },
    out: { kind: 'value', value: '<file>', describe: 'write here (default: standard output)' },
  },
  needs: 'nothing',
  input: z
    .object({
      args: z.array(z.string()).max(0, 'takes no arguments'),
      options: z.object({
        lang,
        format,
        scope: z
          .enum(TRANSLATION_SCOPES as [TranslationScope, ...TranslationScope[]], {
            error: 'must be content, ui or all',
          })
          .optional(),
        out: z.string().min(1, 'needs a file').optional(),
        dir,
      }),
    })
    .transform(({ options }) => ({
      lang: options.lang,
      scope: options.scope ?? 'all',
      out: options.out ?? null,
      dir: options.dir ?? 'content',
    })),
  async run(ctx, input) {
    const text = await contentErrors(ctx, 'i18n export', () =>
      exportPo(input.dir, input.lang, input.scope),
    );
    if (text === undefined) return 1;
    if (input.out === null) {
      ctx.out(text.replace(/\n$/, ''));
      return 0;
    }
    const tmp = `${input.out}.${process.pid}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, input.out);
    const entries = text.split('\nmsgctxt ').length - 1;
    ctx.err(`i18n export: ${entries} strings (${input.scope}) for ${input.lang} in ${input.out}`);
    return 0;
  },
};

export const i18nImportCommand: Command<ImportInput> = {
  words: ['i18n', 'import'],
  summary: 'a translated PO file back into the locale files (all of it, or nothing if any error)',
  args: '<file>',
  options: {
    ...common,
    'dry-run': {
      kind: 'flag',
      describe: 'check the file and say what would change; write nothing',
    },
  },
  needs: 'nothing',
  input: z
    .object({
      args: z.array(z.string()).length(1, 'needs one PO file'),
      options: z.object({ lang, format, 'dry-run': z.literal(true).optional(), dir }),
    })
    .transform(({ args, options }) => ({
      lang: options.lang,
      file: args[0] as string,
      dryRun: options['dry-run'] === true,
      dir: options.dir ?? 'content',
    })),
  async run(ctx, input) {
    let text: string;
    try {
      text = await readFile(input.file, 'utf8');
    } catch (e) {
      ctx.err(`kite i18n import: cannot read ${input.file}: ${(e as Error).message}`);
      return 1;
    }
    const result = await contentErrors(ctx, 'i18n import', () =>
      importPo(input.dir, input.lang, text, { dryRun: input.dryRun }),
    );
    if (result === undefined) return 1;
    if (!result.ok) {
      for (const p of result.problems) ctx.err(`${input.file}:${p.line}: ${p.code}: ${p.message}`);
      ctx.err(
        `kite i18n import: ${result.problems.length} problem(s) in ${input.file}; nothing was written`,
      );
      return 1;
    }
    const c = result.plan.counts;
    const what = `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.untranslated} untranslated, ${c.stale} marked stale`;
    const verb = input.dryRun ? 'would write' : 'wrote';
    for (const f of result.written) ctx.out(`  ${verb} ${input.dir}/${f}`);
    ctx.out(`i18n import: ${what}${input.dryRun ? ' (dry run: nothing written)' : ''}`);
    return 0;
  },
};
