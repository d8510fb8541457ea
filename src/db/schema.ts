import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Each issue that adds tables adds its interfaces here and a
 * migration under `migrations/`.
 */
export interface Database {
  kite_meta: KiteMetaTable;
}

/** Small key/value facts about this installation (e.g. when it was first set up). */
export interface KiteMetaTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}
