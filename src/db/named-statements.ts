// PostgreSQL statements of the sync's hot path that each connection keeps prepared under a name
// (docs/classes.md "What a sync costs"). node-postgres sends every other statement unnamed, so
// PostgreSQL parses and plans it again on each call; a named one is parsed and planned once per
// connection and then only bound and run. Measured on bench:ingest (1–3 events a request), the
// database's CPU per sync fell by about a quarter. A pooler in transaction mode that does not
// track prepared statements (PgBouncer before 1.21) cannot carry them: with KITE_PG_PREPARED=off
// these are sent unnamed too (docs/deploy.md "PgBouncer").

const names = new Map<string, string>();

/**
 * Registers `text` as a statement to keep prepared under `name` (unique across the app) and
 * gives the text back, so a module declares its statement and its name in one place.
 */
export function namedStatement(name: string, text: string): string {
  const known = names.get(text);
  if (known !== undefined && known !== name) {
    throw new Error(`the statement named ${name} is already named ${known}`);
  }
  if ([...names].some(([t, n]) => n === name && t !== text)) {
    throw new Error(`two statements are named ${name}`);
  }
  names.set(text, name);
  return text;
}

/** The name `text` is kept prepared under, if it is one of the registered statements. */
export function statementName(text: string): string | undefined {
  return names.get(text);
}
