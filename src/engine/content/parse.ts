import type { z } from 'zod';
import type { IssueSink } from './issues';
import { describeZodIssue } from './zod-issues';

/** Validates `json` against `schema`, reporting each problem as a `schema` issue. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  json: unknown,
  file: string,
  sink: IssueSink,
): z.output<S> | undefined {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const d of describeZodIssue(issue)) sink.add('schema', file, d.path, d.message);
  }
  return undefined;
}

/** Strips the editor-only `$schema` key. */
export function bare<T extends { $schema?: string | undefined }>(value: T): Omit<T, '$schema'> {
  const { $schema: _schema, ...rest } = value;
  return rest;
}

/** Remembers which file defined each id, per kind, and reports `duplicate-id`. */
export class Registry {
  private readonly owners = new Map<string, string>();

  constructor(private readonly sink: IssueSink) {}

  /** Adds `value` to `map` unless the id is taken; returns whether it was added. */
  add<K extends string, V>(
    map: Map<K, V>,
    kind: string,
    id: K,
    value: V,
    file: string,
    path: string,
  ): boolean {
    const key = `${kind}:${id}`;
    const owner = this.owners.get(key);
    if (owner !== undefined) {
      this.sink.add('duplicate-id', file, path, `${kind} "${id}" is already defined in ${owner}`);
      return false;
    }
    this.owners.set(key, file);
    map.set(id, value);
    return true;
  }
}
