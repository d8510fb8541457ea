import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BANDS } from '../../../engine';
import type { Band } from '../../../engine';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import { coded } from '../../http/input-errors';
import { guarded } from '../accounts/guard';
import { CONSENT_STATEMENT, RECORDING_LICENCE } from '../../studio/context';
import type { StudioContext } from '../../studio/context';
import { studioList, studioScope } from '../../studio/texts';
import { MAX_BYTES, RECORDING_TYPES, toOggOpus } from '../../studio/recording';
import { SPEAKER_ID } from '../../../content/audio-manifest';

/** Who may use the studio: the programme's people (a "translator" role is a follow-up). */
export const STUDIO_ROLES = ['admin', 'coordinator'] as const;
const studio = guarded(STUDIO_ROLES);

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
};

const Pack = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60)
  .describe('A content pack id');
const Lang = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)
  .describe('A language code, such as km');
const Band_ = z.enum(BANDS).describe('An age band');
const ContentIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/)
  .max(200);

const StateSchema = z.enum(['missing', 'stale', 'recorded']);

const OverviewSchema = z.object({
  writable: z.boolean(),
  lang: z.string(),
  languages: z.array(z.string()),
  rows: z.array(
    z.object({
      pack: z.string(),
      band: z.enum(BANDS),
      total: z.number().int(),
      recorded: z.number().int(),
      stale: z.number().int(),
      missing: z.number().int(),
      untranslated: z.number().int(),
    }),
  ),
});

const TextsSchema = z.object({
  writable: z.boolean(),
  untranslated: z.number().int(),
  texts: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      hash: z.string(),
      state: StateSchema,
      by: z.enum(['voice', 'person']).optional(),
    }),
  ),
});

/** Base64 of at most {@link MAX_BYTES} bytes. */
const BASE64_MAX = Math.ceil(MAX_BYTES / 3) * 4;

const RecordingBody = z.strictObject({
  pack: Pack,
  band: Band_,
  lang: Lang,
  id: coded(ContentIdSchema, 'not_a_spoken_text', (v) => `"${v}" is not a text to record`),
  speaker: coded(
    z.string().regex(SPEAKER_ID).describe('The speaker id the consent gave'),
    'consent_required',
    () => 'Give consent in the studio before recording',
  ),
  type: coded(
    z.enum(RECORDING_TYPES).describe('What the browser recorded'),
    'recording_not_audio',
    () => `type must be one of ${RECORDING_TYPES.join(', ')}`,
  ),
  audio: coded(
    z
      .string()
      .max(BASE64_MAX)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .describe(`The recording, base64 (at most ${MAX_BYTES} bytes)`),
    'recording_too_large',
    () => `The recording must be base64 of at most ${MAX_BYTES} bytes`,
  ),
});

function readOnly(ctx: StudioContext): void {
  if (!ctx.writable)
    throw new HttpError(
      409,
      'studio_read_only',
      'This deployment cannot write recordings (KITE_STUDIO_DIR is not writable)',
    );
}

/** The pack, band and language must be the content's; otherwise a 404 in words. */
function checkScope(ctx: StudioContext, pack: string, lang: string): void {
  const scope = studioScope(ctx.catalogue);
  if (!scope.packs.includes(pack)) throw new HttpError(404, 'not_found', 'No such pack');
  if (!scope.languages.includes(lang))
    throw new HttpError(404, 'unsupported_language', 'No translations in this language');
}

/**
 * The recording studio's API (docs/audio.md, "Recording in the studio"): what each language
 * still lacks, the texts to record, a speaker's consent, and an approved take. Registered in the
 * accounts scope: a signed-in admin or coordinator, CSRF on every change.
 */
export const studioRoutes =
  (ctx: StudioContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['studio'];
    app.get(
      '/api/studio/overview',
      {
        ...studio,
        schema: {
          tags,
          summary: 'Per pack and band: texts a child hears in a language, recorded, stale, missing',
          querystring: z.strictObject({ lang: Lang }),
          response: { 200: OverviewSchema, ...errors },
        },
      },
      async (request) => {
        const { lang } = request.query;
        const scope = studioScope(ctx.catalogue);
        if (!scope.languages.includes(lang))
          throw new HttpError(404, 'unsupported_language', 'No translations in this language');
        const rows = [];
        for (const pack of scope.packs) {
          const manifest = ctx.store.manifest(pack, lang);
          for (const band of scope.bands) {
            const list = studioList(ctx.catalogue, pack, band, lang, manifest);
            const count = (s: string) => list.texts.filter((t) => t.state === s).length;
            if (list.texts.length + list.untranslated === 0) continue;
            rows.push({
              pack,
              band,
              total: list.texts.length,
              recorded: count('recorded'),
              stale: count('stale'),
              missing: count('missing'),
              untranslated: list.untranslated,
            });
          }
        }
        return { writable: ctx.writable, lang, languages: scope.languages, rows };
      },
    );

    app.get(
      '/api/studio/texts',
      {
        ...studio,
        schema: {
          tags,
          summary: 'The texts a child hears in a pack, band and language, with their recordings',
          querystring: z.strictObject({ pack: Pack, band: Band_, lang: Lang }),
          response: { 200: TextsSchema, ...errors },
        },
      },
      async (request) => {
        const { pack, band, lang } = request.query;
        checkScope(ctx, pack, lang);
        const list = studioList(ctx.catalogue, pack, band, lang, ctx.store.manifest(pack, lang));
        return { writable: ctx.writable, untranslated: list.untranslated, texts: [...list.texts] };
      },
    );

    app.post(
      '/api/studio/consent',
      {
        ...studio,
        schema: {
          tags,
          summary: "A speaker's consent to record and share their voice; gives their speaker id",
          body: z.strictObject({
            pack: Pack,
            lang: Lang,
            agree: z.boolean().describe('Whether the speaker agrees to the studio’s statement'),
          }),
          response: {
            201: z.object({ speaker: z.string(), given: z.string(), licence: z.string() }),
            ...errors,
            409: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { pack, lang, agree } = request.body;
        checkScope(ctx, pack, lang);
        if (!agree)
          throw new HttpError(400, 'consent_required', 'The speaker must agree before recording');
        readOnly(ctx);
        const given = new Date(ctx.now()).toISOString().slice(0, 10);
        const speaker = await ctx.store.addSpeaker(pack, lang, {
          consent: { given, statement: CONSENT_STATEMENT },
          licence: RECORDING_LICENCE,
        });
        return reply.code(201).send({ speaker, given, licence: RECORDING_LICENCE });
      },
    );

    app.post(
      '/api/studio/recordings',
      {
        ...studio,
        bodyLimit: BASE64_MAX + 4096,
        schema: {
          tags,
          summary: 'Stores an approved take of one text as its recording (Ogg Opus)',
          body: RecordingBody,
          response: {
            201: z.object({
              id: z.string(),
              state: StateSchema,
              hash: z.string(),
              bytes: z.number().int(),
            }),
            ...errors,
            409: ErrorBodySchema,
            413: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { pack, band, lang, id, speaker, type, audio } = request.body;
        checkScope(ctx, pack, lang);
        readOnly(ctx);
        const text = studioList(
          ctx.catalogue,
          pack,
          band as Band,
          lang,
          ctx.store.manifest(pack, lang),
        ).texts.find((t) => t.id === id);
        if (!text)
          throw new HttpError(
            400,
            'not_a_spoken_text',
            `This text is not one a child hears in ${band} in this language`,
          );
        const bytes = Buffer.from(audio, 'base64');
        if (bytes.length > MAX_BYTES)
          throw new HttpError(413, 'recording_too_large', `At most ${MAX_BYTES} bytes`);
        const converted = toOggOpus(bytes, type, id);
        if (!converted.ok)
          throw new HttpError(400, converted.problem.code, converted.problem.message);
        await ctx.store.saveRecording(
          pack,
          lang,
          id,
          converted.ogg,
          { hash: text.hash, speaker },
          (manifest) => {
            if (!manifest.speakers?.some((s) => s.id === speaker))
              throw new HttpError(
                403,
                'consent_required',
                'This speaker has given no consent here; give it in the studio first',
              );
          },
        );
        return reply
          .code(201)
          .send({ id, state: 'recorded' as const, hash: text.hash, bytes: converted.ogg.length });
      },
    );
  };
