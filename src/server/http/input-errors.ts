import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { excerpt } from './errors';
import type { ErrorCode } from './errors';

/** The error a request gets when one of its values fails its schema. */
export interface InputError {
  readonly code: ErrorCode;
  /** The message, given an excerpt of the value (see `excerpt`). */
  readonly message: (shown: string) => string;
}

/**
 * Route input schemas marked with their own error code. The schema stays the only parser of
 * the input; this registry only tells the central error handler which code a failure of that
 * schema gets (`validation_failed` for a schema without one).
 */
export const inputErrors = z.registry<InputError>();

/**
 * Marks an input schema (a query parameter, a path parameter, a body field) with the error code
 * of its failures. Apply it last, after `.default()` and `.describe()`, to the schema placed in
 * the object's shape.
 *
 * @example
 * paper: coded(z.enum(['a4', 'letter']).default('a4'), 'unsupported_paper', () => 'paper must be a4 or letter')
 */
export function coded<T extends z.ZodType>(
  schema: T,
  code: ErrorCode,
  message: InputError['message'],
): T {
  inputErrors.add(schema, { code, message });
  return schema;
}

type Issue = { keyword: string; instancePath: string; message?: string; params: unknown };
type Context = 'querystring' | 'params' | 'body' | 'headers';

const WHAT: Readonly<Record<Context, string>> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'field',
  headers: 'header',
};

/** zod wrappers whose inner schema holds the shape or the marks. */
function inner(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return def.innerType as z.ZodType;
    case 'pipe':
      return def.in as z.ZodType;
    default:
      return undefined;
  }
}

/** The mark on a schema or on any wrapper inside it. */
function markOf(schema: z.ZodType | undefined): InputError | undefined {
  for (let s = schema; s; s = inner(s)) {
    const mark = inputErrors.get(s);
    if (mark) return mark;
  }
  return undefined;
}

/** The schema of one property of an object schema (through wrappers), if any. */
function propertyOf(schema: z.ZodType | undefined, key: string): z.ZodType | undefined {
  for (let s = schema; s; s = inner(s)) {
    if (s instanceof z.ZodObject) return (s.shape as Record<string, z.ZodType>)[key];
  }
  return undefined;
}

function inputOf(request: FastifyRequest, context: Context): unknown {
  switch (context) {
    case 'querystring':
      return request.query;
    case 'params':
      return request.params;
    case 'body':
      return request.body;
    case 'headers':
      return request.headers;
  }
}

/**
 * The code and message of a request that failed its route's zod schema: `unknown_parameter`
 * for a name the schema does not know, the schema's own code where it is marked with
 * {@link coded}, else `validation_failed`. Messages echo input only through `excerpt`.
 */
export function describeInputError(
  request: FastifyRequest,
  issues: readonly Issue[],
  validationContext: string | undefined,
): { code: ErrorCode; message: string } {
  const context = (validationContext ?? 'querystring') as Context;
  const what = WHAT[context] ?? 'value';
  const issue = issues[0];
  const routeSchema = (request.routeOptions.schema as Record<string, z.ZodType> | undefined)?.[
    context
  ];
  if (!issue) return { code: 'validation_failed', message: 'The request is not valid' };
  const path = issue.instancePath.split('/').filter(Boolean);
  if (issue.keyword === 'unrecognized_keys') {
    const keys = (issue.params as { keys?: unknown[] }).keys ?? [];
    const known = Object.keys(
      (propertyShape(routeSchema, path) as Record<string, unknown> | undefined) ?? {},
    );
    const takes = known.length ? `; it takes ${known.join(', ')}` : '; it takes none';
    return {
      code: 'unknown_parameter',
      message: `Unknown ${what} "${excerpt(keys[0] ?? '')}"${takes}`,
    };
  }
  let value: unknown = inputOf(request, context);
  let schema: z.ZodType | undefined = routeSchema;
  for (const key of path) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    schema = propertyOf(schema, key);
  }
  // The mark of the very value that failed: a marked list's code (`batch_too_large`) is not the
  // answer to a bad item inside it.
  const mark = markOf(schema);
  const name = excerpt(path.join('.'));
  if (context === 'querystring' && Array.isArray(value)) {
    return { code: 'validation_failed', message: `Give ${name} once` };
  }
  if (mark && (typeof value === 'string' || typeof value === 'number')) {
    return { code: mark.code, message: mark.message(excerpt(value)) };
  }
  if (mark && Array.isArray(value)) {
    return { code: mark.code, message: mark.message(`${value.length} items`) };
  }
  const where = path.length ? ` ${name}` : '';
  return {
    code: 'validation_failed',
    message: `Invalid ${what}${where}: ${issue.message ?? 'not valid'}`,
  };
}

function propertyShape(schema: z.ZodType | undefined, path: readonly string[]): unknown {
  let s = schema;
  for (const key of path) s = propertyOf(s, key);
  for (; s; s = inner(s)) if (s instanceof z.ZodObject) return s.shape;
  return undefined;
}
