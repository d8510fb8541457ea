// Calls to the database that wait together go as one (docs/classes.md, "Group sync on
// PostgreSQL"): the sync's hot path on PostgreSQL, where most of what a call costs is the call
// itself — the round trip, the statement, the transaction — not the little each request adds
// to it. Nothing waits on purpose: while fewer than `maxInFlight` calls are out, a request goes
// at once, alone (`one`); only requests that arrive while all of them are out queue, and the next
// call takes up to `maxGroup` of them (`many`). An idle server answers as fast as without it; a
// busy one sends fewer, larger calls.

export interface CallGroupOptions<I, O> {
  /** One request alone. */
  readonly one: (input: I) => Promise<O>;
  /** Several requests in one call; the answers in the inputs' order. */
  readonly many: (inputs: readonly I[]) => Promise<O[]>;
  /** Most calls out at once. */
  readonly maxInFlight: number;
  /** Most requests in one call. */
  readonly maxGroup: number;
  /**
   * An error of `many` that each request would meet alone too (the database out of reach):
   * every one hears it. Any other error runs each request again alone, so each hears its own
   * outcome (one bad request undid the call).
   */
  readonly shared?: (error: unknown) => boolean;
}

interface Pending<I, O> {
  readonly input: I;
  readonly resolve: (value: O) => void;
  readonly reject: (error: unknown) => void;
}

/** A function that answers each request, grouping those that wait together. */
export function callGroups<I, O>(o: CallGroupOptions<I, O>): (input: I) => Promise<O> {
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;

  const alone = (p: Pending<I, O>) => o.one(p.input).then(p.resolve, p.reject);

  const runGroup = async (group: Pending<I, O>[]): Promise<void> => {
    if (group.length === 1) return alone(group[0]!);
    let answers: O[];
    try {
      answers = await o.many(group.map((p) => p.input));
    } catch (error) {
      if (o.shared?.(error)) {
        for (const p of group) p.reject(error);
        return;
      }
      await Promise.all(group.map(alone));
      return;
    }
    group.forEach((p, i) => p.resolve(answers[i]!));
  };

  const pump = (): void => {
    while (inFlight < o.maxInFlight && queue.length > 0) {
      inFlight++;
      void runGroup(queue.splice(0, o.maxGroup)).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      pump();
    });
}
