import { randomBytes } from 'node:crypto';
import type { Db } from './connect';

/**
 * A secret of this installation (e.g. the key that signs the CSRF cookie), made at first need
 * and kept in `kite_meta`, so every app process on the database shares it. Two processes
 * racing at first start agree: the first insert wins and both read it back.
 */
export async function installationSecret(db: Db, name: string): Promise<string> {
  const key = `secret:${name}`;
  await db.kysely
    .insertInto('kite_meta')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.kysely
    .selectFrom('kite_meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
}
