import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Db } from '../../src/db/connect';

/** docs/privacy/data-inventory.yaml, read and checked against the shape its header describes. */
export const INVENTORY_FILE = 'docs/privacy/data-inventory.yaml';

const Text = z.string().trim().min(3);
const Seer = z.enum([
  'self',
  'admin',
  'coordinator',
  'teacher',
  'parent',
  'child',
  'public',
  'nobody',
]);
/** `account.id`, `sessions[].device`: dotted keys, `[]` after a list. */
const ExportPath = z.string().regex(/^[a-zA-Z]+(\[\])?(\.[a-zA-Z]+)*$/);

const Common = {
  purpose: Text,
  basis: Text.optional(),
  retention: Text.optional(),
  seen_by: z
    .array(Seer)
    .min(1)
    .refine((s) => !s.includes('nobody') || s.length === 1, '`nobody` stands alone')
    .refine((s) => new Set(s).size === s.length, 'a reader is named twice'),
  personal: z.boolean(),
  note: Text.optional(),
};

const ColumnSchema = z.discriminatedUnion('exported', [
  z.strictObject({
    ...Common,
    exported: z.literal(true),
    export_key: ExportPath,
    export_as: z.enum(['value', 'derived', 'link']),
  }),
  z.strictObject({
    ...Common,
    exported: z.literal(false),
    not_exported: z.enum(['secret', 'not-about-the-person', 'system']),
    named_as: ExportPath.optional(),
  }),
]);
export type InventoryColumn = z.infer<typeof ColumnSchema>;

const TableSchema = z.strictObject({
  about: Text,
  basis: Text,
  retention: Text,
  subject: z.array(z.string()),
  references: z.array(z.string()).optional(),
  export: z.union([z.literal('none'), ExportPath]),
  columns: z.record(z.string(), ColumnSchema),
});
export type InventoryTable = z.infer<typeof TableSchema>;

const InventorySchema = z.strictObject({
  format: z.literal('kite-data-inventory/1'),
  reviewed: z.iso.date(),
  tables: z.record(z.string(), TableSchema),
});
export type Inventory = z.infer<typeof InventorySchema>;

/** Reads the inventory; throws with the path of the first wrong field. */
export function readInventory(file = INVENTORY_FILE): Inventory {
  const parsed = InventorySchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Kysely's own bookkeeping (src/db/migrate.ts names them): not Kite's data. */
export const MIGRATION_TABLES: ReadonlySet<string> = new Set([
  'kite_migration',
  'kite_migration_lock',
]);

/** Every table of the database and its columns, from the database's own catalogue. */
export async function catalogue(db: Db): Promise<Map<string, string[]>> {
  const k = db.kysely;
  const out = new Map<string, string[]>();
  if (db.dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
      order by name`.execute(k);
    for (const { name } of tables.rows) {
      const cols = await sql<{ name: string }>`
        select name from pragma_table_info(${name}) order by cid`.execute(k);
      out.set(
        name,
        cols.rows.map((c) => c.name),
      );
    }
  } else {
    const cols = await sql<{ table_name: string; column_name: string }>`
      select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        -- A partition (a month of kite_learner_event) holds its parent's columns: one table.
        and not exists (
          select 1 from pg_class pc
          where pc.relname = c.table_name and pc.relnamespace = current_schema()::regnamespace
            and pc.relispartition)
      order by c.table_name, c.ordinal_position`.execute(k);
    for (const { table_name, column_name } of cols.rows) {
      out.set(table_name, [...(out.get(table_name) ?? []), column_name]);
    }
  }
  for (const t of MIGRATION_TABLES) out.delete(t);
  return out;
}

/** The values at a dotted export path: `account.id` → [id]; `sessions[].device` → each one's. */
export function atPath(root: unknown, path: string): { found: boolean; value: unknown }[] {
  let nodes: { found: boolean; value: unknown }[] = [{ found: true, value: root }];
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    nodes = nodes.flatMap((n) => {
      const obj = n.value as Record<string, unknown> | null;
      const found = n.found && obj !== null && typeof obj === 'object' && key in obj;
      const value = found ? obj[key] : undefined;
      if (!list) return [{ found, value }];
      return Array.isArray(value) ? value.map((v) => ({ found: true, value: v })) : [];
    });
  }
  return nodes;
}

/** The list (or single object) the export holds for a table: `sessions[]` → the sessions. */
export function exportRows(root: unknown, path: string): unknown[] {
  const list = path.endsWith('[]');
  const at = atPath(root, list ? path.slice(0, -2) : path)[0];
  if (!at?.found) return [];
  if (list) return Array.isArray(at.value) ? at.value : [];
  return [at.value];
}

/** JSON with its object keys sorted (PostgreSQL's jsonb reorders keys). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * A stored or exported value in one comparable form: timestamps as ISO 8601 UTC (a Date on
 * PostgreSQL, ISO text on SQLite), 64-bit integers as numbers (strings on PostgreSQL), JSON
 * documents (text on SQLite, objects on PostgreSQL) with sorted keys.
 */
export function comparable(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'string') {
    if (/^-?\d{1,15}$/.test(v)) return String(Number(v));
    if (/^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v))) {
      return JSON.stringify(new Date(v).toISOString());
    }
    if (/^[{[]/.test(v)) {
      try {
        return canonical(JSON.parse(v));
      } catch {
        return JSON.stringify(v);
      }
    }
    return JSON.stringify(v);
  }
  if (typeof v === 'number') return String(v);
  return canonical(v);
}
