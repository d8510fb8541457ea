import type { FastifyInstance } from 'fastify';

/** A JSON Schema as the OpenAPI document gives it. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly enum?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly $ref?: string;
  readonly anyOf?: readonly JsonSchema[];
}

/** One operation of the OpenAPI document. */
export interface Operation {
  /** `METHOD /path`, the path as the document writes it (`/api/admin/users/{id}/approve`). */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, if the operation takes one. */
  readonly body: JsonSchema | undefined;
  readonly bodyRequired: boolean;
  /** `[]` for public operations. */
  readonly security: readonly unknown[] | undefined;
  /** The statuses the document lists. */
  readonly responses: readonly number[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface RawOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
  responses?: Record<string, unknown>;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the document the app serves at `/api/openapi.json`. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
  const doc = res.json() as Document;
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {}) : s;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      if (!METHODS.includes(m)) continue;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: resolve(p.schema) })),
        body: body ? resolve(body) : undefined,
        bodyRequired: op.requestBody?.required ?? false,
        security: op.security,
        responses: Object.keys(op.responses ?? {})
          .map(Number)
          .filter((n) => Number.isInteger(n)),
      });
    }
  }
  return ops;
}

/** The path with its `{name}` parameters filled in (each value percent-encoded by `encode`). */
export function fillPath(
  path: string,
  values: Readonly<Record<string, string>>,
  encode: (v: string) => string = encodeURIComponent,
): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encode(v);
  });
}
