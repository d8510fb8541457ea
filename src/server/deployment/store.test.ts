import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../db/connect';
import type { Db } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { toDbTime } from '../../db/time';
import { settingsDefaults } from './context';
import { settingsReader, SETTINGS_ROW } from './store';

const DEFAULTS = settingsDefaults(undefined, 'intl', {
  auditDays: 90,
  childMonths: 12,
  evidenceDays: 730,
});

describe('settingsReader', () => {
  let dir: string;
  let db: Db;
  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-settings-'));
    db = await openDb({ dataDir: dir });
    await migrateToLatest(db);
  };
  const write = (version: number, country: string) =>
    db.kysely
      .insertInto('kite_deployment_settings')
      .values({
        id: SETTINGS_ROW,
        version,
        settings: JSON.stringify({ country }),
        updated_at: toDbTime(0),
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ version, settings: JSON.stringify({ country }) }),
      )
      .execute();
  afterEach(async () => {
    await db.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the row again once its copy is older than the time to live, not before', async () => {
    await open();
    const clock = { now: 1_000 };
    const reader = settingsReader(db, DEFAULTS, { now: () => clock.now, ttlMs: 2_000 });
    expect((await reader.current()).country).toBe('intl');
    await write(1, 'kh');
    clock.now += 1_999;
    expect((await reader.current()).country).toBe('intl');
    clock.now += 1;
    expect(await reader.current()).toMatchObject({ country: 'kh', version: 1 });
  });

  it('shares one read between requests that arrive together, and forgets on invalidate', async () => {
    await open();
    const clock = { now: 0 };
    const reader = settingsReader(db, DEFAULTS, { now: () => clock.now });
    const [a, b] = await Promise.all([reader.current(), reader.current()]);
    expect(a).toBe(b);
    await write(1, 'kh');
    reader.invalidate();
    expect((await reader.current()).country).toBe('kh');
  });

  it('keeps the last copy when the database cannot be read, and fails with none', async () => {
    await open();
    const clock = { now: 0 };
    const reader = settingsReader(db, DEFAULTS, { now: () => clock.now });
    await write(1, 'kh');
    expect((await reader.current()).country).toBe('kh');
    await db.close();
    clock.now += 10_000;
    expect((await reader.current()).country).toBe('kh');
    const fresh = settingsReader(db, DEFAULTS, { now: () => clock.now });
    await expect(fresh.current()).rejects.toThrow();
  });

  it('falls back to the defaults when the stored row is not readable', async () => {
    await open();
    await db.kysely
      .insertInto('kite_deployment_settings')
      .values({ id: SETTINGS_ROW, version: 3, settings: '{not json', updated_at: toDbTime(0) })
      .execute();
    const reader = settingsReader(db, DEFAULTS, { now: () => 0 });
    expect(await reader.current()).toMatchObject({ version: 3, country: 'intl' });
  });
});
