import type { Db } from '../../db/connect';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { fromDbTime } from '../../db/time';
import { effectiveOf, StoredSettingsSchema } from './settings';
import type { EffectiveSettings, SettingsDefaults, StoredSettings } from './settings';

/** The one row of `kite_deployment_settings`. */
export const SETTINGS_ROW = 'current';

/** The stored settings and their version, as one read sees them. */
export interface StoredRow {
  readonly version: number;
  readonly updatedAt: string | null;
  readonly stored: StoredSettings;
}

/**
 * Reads the stored settings (version 0 and nothing set when no one has changed them yet). A row
 * this version cannot read (edited by hand) counts as nothing set, so the defaults apply.
 */
export async function readStored(db: Db | Transaction<Database>): Promise<StoredRow> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const row = await kysely
    .selectFrom('kite_deployment_settings')
    .select(['version', 'settings', 'updated_at'])
    .where('id', '=', SETTINGS_ROW)
    .executeTakeFirst();
  if (!row) return { version: 0, updatedAt: null, stored: {} };
  let parsed: StoredSettings = {};
  try {
    const result = StoredSettingsSchema.safeParse(JSON.parse(row.settings));
    if (result.success) parsed = result.data;
  } catch {
    // Not JSON: nothing set.
  }
  return {
    version: Number(row.version),
    updatedAt: new Date(fromDbTime(row.updated_at)).toISOString(),
    stored: parsed,
  };
}

/** The effective settings, read straight from the database (the purge, once an hour). */
export async function readEffective(
  db: Db,
  defaults: SettingsDefaults,
): Promise<EffectiveSettings> {
  const row = await readStored(db);
  return effectiveOf(defaults, row.stored, row.version, row.updatedAt);
}

/** The settings in force for this process, cached for a few seconds (the app's hot routes). */
export interface SettingsReader {
  /** The effective settings, at most `ttlMs` old. */
  current(): Promise<EffectiveSettings>;
  /** Forgets the cached copy (this process just changed the settings). */
  invalidate(): void;
}

/**
 * A reader that keeps the effective settings for `ttlMs` (default 2 s) and then reads the one
 * row again, so a change made through another process sharing the database shows within that
 * time, and `GET /api/client-config` costs one primary-key read per process every `ttlMs`. Reads
 * that arrive while one is under way share it. When a read fails, the last copy is kept.
 */
export function settingsReader(
  db: Db,
  defaults: SettingsDefaults,
  { now, ttlMs = 2000 }: { now: () => number; ttlMs?: number },
): SettingsReader {
  let cached: { at: number; value: EffectiveSettings } | undefined;
  let pending: Promise<EffectiveSettings> | undefined;
  let generation = 0;
  const load = (): Promise<EffectiveSettings> => {
    const started = now();
    const gen = generation;
    const p = readEffective(db, defaults).then(
      (value) => {
        // A read begun before this process's own change must not put back the older copy.
        if (gen === generation) cached = { at: started, value };
        return value;
      },
      (e: unknown) => {
        if (cached) return cached.value;
        throw e;
      },
    );
    pending = p;
    void p
      .finally(() => {
        if (pending === p) pending = undefined;
      })
      .catch(() => {});
    return p;
  };
  return {
    current() {
      if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.value);
      return pending ?? load();
    },
    invalidate() {
      generation += 1;
      cached = undefined;
      pending = undefined;
    },
  };
}
