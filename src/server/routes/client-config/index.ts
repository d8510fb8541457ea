import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const ClientConfigSchema = z
  .object({
    country: z.string().describe('Country pack id (helplines, names, apps)'),
    disabledTopics: z.array(z.string()).describe('Topics this deployment switches off'),
    digits: z
      .enum(['latin', 'native'])
      .describe("Numbers in Latin digits or the language's own (Khmer ០–៩)"),
    measurement: z
      .boolean()
      .describe('Outcome measurement on: class children meet short checks per topic (NATION-3)'),
  })
  .meta({ id: 'ClientConfig' });

export interface ClientConfigOptions {
  country: string;
  disabledTopics: readonly string[];
  /** KITE_DIGITS: numbers in Latin digits or the language's own. */
  digits?: 'latin' | 'native';
  /** KITE_MEASUREMENT: outcome measurement on (default) or off. */
  measurement?: boolean;
}

/** The deployment settings the child's app needs. Public; holds nothing personal. */
export const clientConfigRoutes =
  (options: ClientConfigOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const body = {
      country: options.country,
      disabledTopics: [...options.disabledTopics],
      digits: options.digits ?? 'latin',
      measurement: options.measurement ?? true,
    };
    app.get(
      '/api/client-config',
      {
        schema: {
          tags: ['app'],
          summary: 'Deployment settings for the app',
          security: [],
          querystring: z.strictObject({}),
          response: { 200: ClientConfigSchema },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'no-cache');
        return body;
      },
    );
  };
