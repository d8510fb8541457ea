import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Rosters and assignments shared by a school hub and the national server (issue #18, SCALE-08,
 * docs/deploy.md "What flows between a hub and the server"). Each database has all three
 * tables:
 *
 * - `kite_record_clock`: one row, `local`: this node's id (`server`, or the hub's id on a hub),
 *   the last hybrid logical clock reading it made or saw, and the last change number it gave. Every
 *   write of a shared record updates it first, so those writes take turns and their change
 *   numbers are committed in order (a peer that read "changes after N" misses none).
 * - `kite_record`: one row per shared record (a class, a class's child, an assignment): its
 *   school and the change number of its latest change here.
 * - `kite_record_field`: each field's value (JSON) and the clock reading of the write that set it;
 *   `deleted` is a field too (a tombstone).
 *
 * The classes, class children and assignments that exist already are given records here, as
 * written at wall time 1 by the node `backfill`: the same rows on a hub and on its server (a
 * roster copied by hand) then compare equal and merge to the same values.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_record_clock')
    .addColumn('id', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('node', 'varchar(40)', (c) => c.notNull())
    .addColumn('wall', d.bigint, (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('seq', d.bigint, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kite_record')
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    // A class's or a child's id; an assignment's class id, a space and the activity's id.
    .addColumn('record_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('school_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('seq', d.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('kite_record_pkey', ['kind', 'record_id'])
    .execute();
  await db.schema
    .createIndex('kite_record_school_seq')
    .on('kite_record')
    .columns(['school_id', 'seq'])
    .execute();
  await db.schema.createIndex('kite_record_seq').on('kite_record').column('seq').execute();

  await db.schema
    .createTable('kite_record_field')
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('field', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('wall', d.bigint, (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('node', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('kite_record_field_pkey', ['kind', 'record_id', 'field'])
    .execute();
  // A class's children and assignments, found by the class they name (a class that arrives
  // after them).
  await db.schema
    .createIndex('kite_record_field_value')
    .on('kite_record_field')
    .columns(['kind', 'field', 'value'])
    .execute();

  // On a hub: the server's change number it has every change up to, and its own change number
  // up to which the server took its changes.
  await db.schema
    .alterTable('kite_hub_upstream')
    .addColumn('records_pulled', d.bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('kite_hub_upstream')
    .addColumn('records_pushed', d.bigint, (c) => c.notNull().defaultTo(0))
    .execute();

  // The records of what exists already. A value as JSON text in either dialect.
  const j = (col: string) =>
    d.name === 'postgres' ? sql.raw(`to_json(${col})::text`) : sql.raw(`json(json_quote(${col}))`);
  await sql`
insert into kite_record (kind, record_id, school_id, seq)
select 'class', id, school_id, row_number() over (order by id) from kite_class`.execute(db);
  await sql`
insert into kite_record (kind, record_id, school_id, seq)
select 'learner', l.id, c.school_id,
  (select count(*) from kite_record) + row_number() over (order by l.id)
from kite_learner l join kite_class c on c.id = l.class_id`.execute(db);
  await sql`
insert into kite_record (kind, record_id, school_id, seq)
select 'assignment', a.class_id || ' ' || a.activity, c.school_id,
  (select count(*) from kite_record) + row_number() over (order by a.id)
from kite_assignment a join kite_class c on c.id = a.class_id`.execute(db);
  const fields: [string, string, string, string][] = [
    ['class', 'kite_class', 'teacher', 'teacher_id'],
    ['class', 'kite_class', 'name', 'name'],
    ['class', 'kite_class', 'band', 'band'],
    ['class', 'kite_class', 'lang', 'lang'],
    ['class', 'kite_class', 'code', 'code'],
    ['learner', 'kite_learner', 'class_id', 'class_id'],
    ['learner', 'kite_learner', 'nickname', 'nickname'],
    ['learner', 'kite_learner', 'avatar', 'avatar'],
    ['learner', 'kite_learner', 'band', 'band'],
    ['learner', 'kite_learner', 'lang', 'lang'],
    ['learner', 'kite_learner', 'pictures', 'pictures'],
    ['learner', 'kite_learner', 'epoch', 'epoch'],
  ];
  for (const [kind, table, field, column] of fields) {
    await sql`
insert into kite_record_field (kind, record_id, field, value, wall, counter, node)
select ${kind}, t.id, ${field}, coalesce(${j(`t.${column}`)}, 'null'), 1, 0, 'backfill'
from ${sql.table(table)} t join kite_record r on r.kind = ${kind} and r.record_id = t.id`.execute(
      db,
    );
  }
  await sql`
insert into kite_record_field (kind, record_id, field, value, wall, counter, node)
select 'assignment', r.record_id, 'due', coalesce(${j('a.due')}, 'null'), 1, 0, 'backfill'
from kite_assignment a join kite_record r
  on r.kind = 'assignment' and r.record_id = a.class_id || ' ' || a.activity`.execute(db);
  await sql`
insert into kite_record_clock (id, node, wall, counter, seq)
select 'local', 'server', 0, 0, count(*) from kite_record`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('kite_hub_upstream').dropColumn('records_pushed').execute();
  await db.schema.alterTable('kite_hub_upstream').dropColumn('records_pulled').execute();
  await db.schema.dropTable('kite_record_field').execute();
  await db.schema.dropTable('kite_record').execute();
  await db.schema.dropTable('kite_record_clock').execute();
}
