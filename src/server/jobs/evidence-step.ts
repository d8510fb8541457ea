// Industry evidence documents past their period (KITE_RETAIN_EVIDENCE_DAYS, fixed on each
// document when it is uploaded): the row and the file go together. Files with no row (their
// company's account was deleted, which removes the rows with it, or an upload that failed
// half-way) are removed too once they are an hour old.

import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { toDbTime } from '../../db/time';
import type { PurgeStep } from './purge';

const HOUR_MS = 3_600_000;

export function evidenceStep(dir: string): PurgeStep {
  return {
    name: 'evidence',
    describe: 'industry evidence past its retention period',
    async run(db, now) {
      const old = await db.kysely
        .selectFrom('kite_industry_evidence')
        .select('id')
        .where('expires_at', '<=', toDbTime(now))
        .execute();
      for (const { id } of old) {
        await db.kysely.deleteFrom('kite_industry_evidence').where('id', '=', id).execute();
        rmSync(join(dir, id), { force: true });
      }
      let files: string[];
      try {
        files = readdirSync(dir);
      } catch {
        return old.length;
      }
      const kept = new Set(
        (await db.kysely.selectFrom('kite_industry_evidence').select('id').execute()).map(
          (r) => r.id,
        ),
      );
      let orphans = 0;
      for (const f of files) {
        if (kept.has(f)) continue;
        const file = join(dir, f);
        if (statSync(file).mtimeMs > now - HOUR_MS) continue;
        rmSync(file, { force: true });
        orphans += 1;
      }
      return old.length + orphans;
    },
  };
}
