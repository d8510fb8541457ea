import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { IndustryContext } from '../../industry/context';

/** The report (PDF, CSV), the changes since the last version and sector statistics. */
export const reportRoutes =
  (_ctx: IndustryContext): FastifyPluginAsyncZod =>
  async () => {};
