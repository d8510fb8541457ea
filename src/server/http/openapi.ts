import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { z } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * Registers the OpenAPI 3.1 generator. The document is built from the route schemas; routes
 * must declare `security` (public ones `security: []`), which a test checks for every operation.
 * Signed-in routes use the `session` scheme: the cookie set at sign-in.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kite API',
        version,
        description:
          'Kite, an open-source platform for child online protection. Errors always have the shape { "error": { "code", "message" } }.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          // The session cookie (`__Host-kite_session` when served over https).
          session: { type: 'apiKey', in: 'cookie', name: 'kite_session' },
          // A child's device credential (docs/classes.md), from children's sign-in.
          device: { type: 'http', scheme: 'bearer' },
          // A school hub's credential (docs/deploy.md), from `kite hub add`.
          hub: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}

/** The route that serves the generated document. */
export function openApiRoute(app: FastifyInstance): void {
  app.get(
    '/api/openapi.json',
    { schema: { hide: true, querystring: z.strictObject({}) } },
    async () => app.swagger(),
  );
}
