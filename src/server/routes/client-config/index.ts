import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SettingsReader } from '../../deployment/store';
import { DeploymentHelplineSchema } from '../../deployment/settings';

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
    languages: z
      .array(z.string())
      .optional()
      .describe(
        'The languages the deployment offers (English always among them); absent: every language the app was built with',
      ),
    helplines: z
      .array(DeploymentHelplineSchema)
      .describe("Helplines the deployment adds before its country pack's (docs/national.md)"),
  })
  .meta({ id: 'ClientConfig' });

export interface ClientConfigOptions {
  disabledTopics: readonly string[];
  /** KITE_DIGITS: numbers in Latin digits or the language's own. */
  digits?: 'latin' | 'native';
  /** KITE_MEASUREMENT: outcome measurement on (default) or off. */
  measurement?: boolean;
  /** The deployment settings in force (country, languages, helplines), cached per process. */
  settings: SettingsReader;
}

/**
 * The deployment settings the child's app needs. Public; holds nothing personal. The settings a
 * coordinator changes are read through the process's cache, so this hot route costs one small
 * database read per process every few seconds and a change shows within them everywhere.
 */
export const clientConfigRoutes =
  (options: ClientConfigOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const fixed = {
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
        const s = await options.settings.current();
        reply.header('cache-control', 'no-cache');
        return {
          country: s.country,
          ...fixed,
          ...(s.languagesSet ? { languages: s.languages } : {}),
          helplines: s.helplines,
        };
      },
    );
  };
