import type { z } from 'zod';
import { joinPath } from '../interactions/kind';

/** Formats a zod issue path the way every content error does: `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out = joinPath(out, typeof key === 'number' ? key : String(key));
  return out;
}

/** A zod issue as a path and a message an author can act on. */
export function describeZodIssue(issue: z.core.$ZodIssue): { path: string; message: string }[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: joinPath(path, k),
      message: `unknown field "${k}" (check the spelling)`,
    }));
  }
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return [{ path, message: 'is required' }];
  }
  return [{ path, message: issue.message }];
}
