import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

/** A response serializer compiled from one zod schema. */
type Serialize = (data: unknown) => string;

/**
 * Serializers already compiled, by schema: a schema is a module's constant, so every app of a
 * process (the test suites make hundreds) compiles it once. A compiled serializer keeps no
 * state between calls, so apps can share it.
 */
const compiled = new WeakMap<z.ZodType, Serialize>();

/**
 * Response serializer: route response schemas are written in zod (one source for types and
 * OpenAPI), converted once to JSON Schema and compiled by fast-json-stringify, as Fastify does
 * by default. Like zod's encode, it writes only the declared properties, so a route cannot leak
 * a field by accident; unlike it, it costs almost nothing per request (bench:http).
 * Response schemas must therefore not rely on zod transforms.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  let serialize = compiled.get(schema);
  if (!serialize) {
    const jsonSchema = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'any',
    });
    serialize = fastJsonStringify(
      jsonSchema as Parameters<typeof fastJsonStringify>[0],
    ) as Serialize;
    compiled.set(schema, serialize);
  }
  return serialize;
};
