/** A problem found in an interaction's arguments or in a rule, relative to that object. */
export interface LocalIssue {
  /** Dotted path below the checked object, e.g. `options[2].id`; empty for the object itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * The behaviour of one interaction type: answer validation, one pure classifier per rule,
 * sample answers for the checker, and argument and rule-input checks.
 */
export interface InteractionKind<Args, Ans, R> {
  /** Whether `answer` is complete and refers only to ids that exist in `args`. */
  isValidAnswer(args: Args, answer: Ans): boolean;
  /** Whether `rule` matches `answer` (answers are valid when this is called). */
  matches(rule: R, answer: Ans, args: Args): boolean;
  /**
   * A few concrete valid answers that satisfy `rule`. The checker plays each through `play()`
   * to prove that an answer group can be reached (an earlier group does not swallow it).
   */
  samples(rule: R, args: Args): Ans[];
  /**
   * Valid answers spread over the whole answer space (all of them when there are few). The
   * checker uses them to learn whether the default outcome can happen at all.
   */
  probes(args: Args): Ans[];
  /** Rule inputs that do not fit the interaction (unknown ids, impossible values). */
  checkRule(rule: R, args: Args): LocalIssue[];
  /** Inconsistent arguments (duplicate ids, missing references). */
  checkArgs(args: Args): LocalIssue[];
}

/** Builds a {@link LocalIssue}. */
export function issue(path: string, message: string): LocalIssue {
  return { path, message };
}

/** Joins a parent path and a child key or index into the dotted path format. */
export function joinPath(parent: string, child: string | number): string {
  if (typeof child === 'number') return `${parent}[${child}]`;
  return parent === '' ? child : `${parent}.${child}`;
}

/** Reports repeated `id`s in a list, e.g. two options both called `a`. */
export function duplicateIds(
  items: readonly { readonly id: string }[],
  path: string,
): LocalIssue[] {
  const seen = new Set<string>();
  const out: LocalIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id))
      out.push(issue(joinPath(joinPath(path, i), 'id'), `duplicate id "${item.id}"`));
    seen.add(item.id);
  });
  return out;
}

/** Reports each id in `ids` that is not one of `known`. */
export function unknownIds(
  ids: readonly string[],
  known: ReadonlySet<string>,
  path: string,
  what: string,
): LocalIssue[] {
  const out: LocalIssue[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id)) out.push(issue(joinPath(path, i), `${what} "${id}" does not exist`));
  });
  return out;
}

/** The set of `id`s of a list. */
export function idSet(items: readonly { readonly id: string }[]): Set<string> {
  return new Set(items.map((item) => item.id));
}

/** Whether `value` is an array of distinct strings that all belong to `known`. */
export function isSubsetList(value: unknown, known: ReadonlySet<string>): value is string[] {
  if (!Array.isArray(value)) return false;
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string' || !known.has(v) || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Whether `value` maps exactly the ids in `keys` to values accepted by `ok`. */
export function isCompleteMap(
  value: unknown,
  keys: readonly string[],
  ok: (key: string, v: unknown) => boolean,
): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length !== keys.length) return false;
  return keys.every((k) => Object.hasOwn(record, k) && ok(k, record[k]));
}
