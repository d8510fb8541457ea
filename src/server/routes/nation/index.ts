import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  layoutCsv,
  nationLayoutLabels,
  selectCells,
  tableLayout,
  translateAreas,
} from '../../../engine';
import type { PublishedTable, RequestRefusal } from '../../../engine';
import { ErrorBodySchema, HttpError, excerpt } from '../../http/errors';
import { buildRelease } from '../../nation/build';
import { OneBuildAtATime } from '../../nation/build-guard';
import type { NationContext } from '../../nation/context';
import { loadRelease, releaseHeader, releaseHeaders } from '../../nation/store';
import type { ReleaseHeader, StoredRelease, TableMeta } from '../../nation/store';
import { nationLanguages, nationTranslator } from '../../nation/strings';
import { actorOf } from '../accounts/guard';
import { programmeReaders, programmeWriters } from '../programme-access';
import {
  BuildBody,
  CsvQuery,
  ReleaseQuery,
  ReleaseSchema,
  ReleaseSummarySchema,
  TermParams,
} from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  429: ErrorBodySchema,
};
const tags = ['nation'];

type Summary = z.infer<typeof ReleaseSummarySchema>;
type Body = z.infer<typeof ReleaseSchema>;

const summary = (h: ReleaseHeader, tables: readonly TableMeta[]): Summary => ({
  ...h,
  tables: tables.map((t) => ({ id: t.id, kind: t.kind, columns: [...t.columns] })),
});

/** The stored (read-only) values as the response's type; the serializer only reads them. */
const body = (h: ReleaseHeader, r: StoredRelease, tables: readonly PublishedTable[]): Body => ({
  ...h,
  areas: r.areas as Body['areas'],
  tables: tables as unknown as Body['tables'],
});

/** The error of a refused request (STAT-05): by name for a filter, by value otherwise. */
function refusal(r: RequestRefusal): HttpError {
  switch (r.code) {
    case 'unknown_filter':
      return new HttpError(
        400,
        'unknown_filter',
        `"${excerpt(r.name)}" is not a filter of a release; it takes table, level and area`,
      );
    case 'unknown_table':
      return r.value === ''
        ? new HttpError(400, 'unknown_table', 'Name the table the level or area is of (table)')
        : new HttpError(404, 'unknown_table', `The release has no table "${excerpt(r.value)}"`);
    case 'unknown_level':
      return new HttpError(
        400,
        'unknown_level',
        `"${excerpt(r.value)}" is not a level; levels are national, region and district`,
      );
    case 'unknown_area':
      return new HttpError(404, 'unknown_area', `The table has no area "${excerpt(r.value)}"`);
  }
}

/**
 * National releases (docs/national.md "Releases"): build a term's release once, list them, read
 * one whole or one table of it (a level or an area), and download a table as CSV, the same
 * text as the dashboard shows. In the accounts scope (session, CSRF); coordinators and admins
 * only. A release holds areas and suppressed aggregates only, never a school, class or child
 * (PRIV-20).
 */
export const nationRoutes =
  (ctx: NationContext): FastifyPluginAsyncZod =>
  async (app) => {
    const oneBuild = new OneBuildAtATime();
    /** The release of `term` with its header, or 404. */
    const release = async (term: string) => {
      const [h, r] = await Promise.all([
        releaseHeader(ctx.db, term),
        loadRelease(ctx.db, ctx.cache, term),
      ]);
      if (!h || !r) throw new HttpError(404, 'not_found', `No release of the term ${term}`);
      return { h, r };
    };

    app.post(
      '/api/nation/releases',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary:
            "Build a term's release once, after its last day (never recomputed; terms may not overlap)",
          body: BuildBody,
          response: {
            201: z.object({ release: ReleaseSummarySchema }),
            ...errors,
            409: ErrorBodySchema,
            422: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { release: built } = await oneBuild.run(request.body.term, () =>
          buildRelease(ctx, request.body, actor.id),
        );
        const h = await releaseHeader(ctx.db, built.term);
        return reply.code(201).send({ release: summary(h!, built.tables) });
      },
    );

    app.get(
      '/api/nation/releases',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary: 'Every release, newest term first, with its tables',
          response: { 200: z.object({ releases: z.array(ReleaseSummarySchema) }), ...errors },
        },
      },
      async () => {
        const releases = [];
        for (const h of await releaseHeaders(ctx.db)) {
          const tables =
            ctx.cache.tables(h.term) ?? (await loadRelease(ctx.db, ctx.cache, h.term))?.tables;
          if (tables) releases.push(summary(h, tables));
        }
        return { releases };
      },
    );

    app.get(
      '/api/nation/releases/:term',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary:
            'A release: its areas and every table, or one table (table), at one level or for one area',
          params: TermParams,
          querystring: ReleaseQuery,
          response: { 200: ReleaseSchema, ...errors },
        },
      },
      async (request) => {
        const { h, r } = await release(request.params.term);
        const query = request.query as Readonly<Record<string, string>>;
        if (Object.keys(query).length === 0) return body(h, r, r.tables);
        const picked = selectCells({ term: r.term, tables: r.tables }, query);
        if (!picked.ok) throw refusal(picked);
        return body(h, r, [picked.table]);
      },
    );

    app.get(
      '/api/nation/releases/:term/csv',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary: "One table as CSV: the dashboard's text, in the language asked for",
          params: TermParams,
          querystring: CsvQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { term } = request.params;
        const { table: id, lang = 'en' } = request.query;
        if (!nationLanguages(ctx.catalogue).includes(lang))
          throw new HttpError(
            400,
            'unsupported_language',
            `The tables are not written in "${excerpt(lang)}"`,
          );
        const { r } = await release(term);
        const table = r.tables.find((t) => t.id === id);
        if (!table) throw refusal({ code: 'unknown_table', value: id });
        const t = nationTranslator(ctx.catalogue, lang);
        const csv = layoutCsv(
          tableLayout(table, translateAreas(r.areas, t), nationLayoutLabels(t)),
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="kite-${term}-${id.replace(/\//g, '-')}.csv"`,
          )
          .send(csv);
      },
    );
  };
