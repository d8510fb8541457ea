import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidator } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Input schemas checked by compiled code first (Ajv, as Fastify does by default) rather than by
 * zod's interpreter: for a hot route's large bodies (a sync batch of 100 events), zod took ~13 µs
 * per event, Ajv ~2 (bench:ingest). The zod schema stays the one definition: its JSON Schema is
 * derived from it, and any input the compiled check refuses is parsed by zod again, so errors
 * have the same codes and messages as on every other route.
 */
export const compiledInputs = z.registry<{ compiled: true }>();

/** Marks a route input schema to be checked by compiled code (see {@link compiledInputs}). */
export function compiledInput<T extends z.ZodType>(schema: T): T {
  exactShape(schema, '(schema)');
  compiledInputs.add(schema, { compiled: true });
  return schema;
}

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
};

const STRING_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'string_format']);
const NUMBER_CHECKS = new Set(['greater_than', 'less_than', 'number_format']);
const ARRAY_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/**
 * Throws unless `schema` is one whose JSON Schema accepts exactly what zod accepts and whose
 * zod output is its input: strict objects, strings with lengths and flagless patterns, numbers
 * with bounds, booleans, literals, enums, arrays, string-keyed records, unions, nullable and
 * optional. No transforms, defaults, refinements or trimming: those change or judge the value
 * in ways a JSON Schema does not express.
 */
function exactShape(schema: z.ZodType, at: string): void {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const refuse = (why: string) => {
    throw new Error(`compiledInput: ${at} ${why}; a compiled check would not match zod`);
  };
  const checks = (allowed: Set<string>) => {
    for (const c of def.checks ?? []) {
      const check = c._zod.def;
      if (!allowed.has(check.check as string)) refuse(`has a ${String(check.check)} check`);
      if (check.check === 'string_format') patternOnly(check);
    }
  };
  const patternOnly = (check: Record<string, unknown>) => {
    const pattern = check.pattern as RegExp | undefined;
    if (!pattern || pattern.flags !== '') refuse(`has a format without a plain pattern`);
  };
  switch (def.type) {
    case 'string':
      if (def.check === 'string_format') patternOnly(def);
      return checks(STRING_CHECKS);
    case 'number':
      return checks(NUMBER_CHECKS);
    case 'boolean':
    case 'null':
    case 'literal':
    case 'enum':
      return checks(new Set());
    case 'nullable':
    case 'optional':
      return exactShape(def.innerType as z.ZodType, at);
    case 'array':
      checks(ARRAY_CHECKS);
      return exactShape(def.element as z.ZodType, `${at}[]`);
    case 'record':
      exactShape(def.keyType as z.ZodType, `${at} keys`);
      return exactShape(def.valueType as z.ZodType, `${at}{}`);
    case 'union':
      for (const o of def.options as z.ZodType[]) exactShape(o, at);
      return;
    case 'object': {
      const catchall = def.catchall as { _zod: { def: Def } } | undefined;
      if (catchall?._zod.def.type !== 'never') refuse('is not a strict object');
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        exactShape(value, `${at}.${key}`);
      }
      return checks(new Set());
    }
    default:
      refuse(`is a ${def.type}`);
  }
}

/**
 * Lengths in code points and patterns without the `u` flag, as zod checks them; formats are not
 * checked by name (every format kept has its pattern).
 */
const ajv = new Ajv({ unicodeRegExp: false, validateFormats: false, strict: true });

/** Checks already compiled, by schema: every app of a process compiles a schema once. */
const checks = new WeakMap<z.ZodType, (data: unknown) => boolean>();

/** The compiled check of a schema marked by {@link compiledInput}. */
export function compiledCheck(schema: z.ZodType): (data: unknown) => boolean {
  let compiled = checks.get(schema);
  if (!compiled) {
    const check = ajv.compile(
      z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' }),
    );
    compiled = (data) => check(data);
    checks.set(schema, compiled);
  }
  return compiled;
}

/**
 * The app's validator compiler: zod's (fastify-type-provider-zod), with a compiled check first
 * for schemas marked by {@link compiledInput}.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const zod = zodValidator(route);
  if (!compiledInputs.has(route.schema)) return zod;
  const check = compiledCheck(route.schema);
  return (data: unknown) => (check(data) ? { value: data } : zod(data));
};
