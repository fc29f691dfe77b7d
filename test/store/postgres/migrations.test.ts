// The PostgreSQL schema is the SQLite schema: the same migration versions,
// the same tables with the same columns (names, order, types, NOT NULL,
// defaults, keys), the same indexes, and the same rows refused.

import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/store/db.js'
import { MIGRATIONS } from '../../../src/store/migrations/index.js'
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres/migrations.js'
import { openPostgres } from '../../../src/store/postgres/open.js'
import type { PostgresSql } from '../../../src/store/postgres/sql.js'
import { freshDatabase } from '../../support/postgres.js'

interface Column {
  name: string
  type: 'text' | 'integer'
  notNull: boolean
  default: string | null
  pk: boolean
}

function sqliteColumns(db: Db): Record<string, Column[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS d, pk FROM pragma_table_info(?) ORDER BY cid`).all(t) as { name: string; type: string; nn: number; d: string | null; pk: number }[]).map((c) => ({
        name: c.name,
        type: c.type.toLowerCase() as Column['type'],
        // SQLite lets an INTEGER PRIMARY KEY (the rowid) be left out; so does the identity column.
        notNull: c.nn === 1 || c.pk > 0,
        default: c.d,
        pk: c.pk > 0,
      })),
    ]),
  )
}

function postgresColumns(sql: PostgresSql): Record<string, Column[]> {
  const rows = sql.all<{ t: string; name: string; type: string; nullable: string; d: string | null; pk: boolean }>(`
    SELECT c.table_name AS t, c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable, c.column_default AS d,
           EXISTS (SELECT 1 FROM information_schema.table_constraints k JOIN information_schema.key_column_usage u
                     ON u.constraint_name = k.constraint_name AND u.table_schema = k.table_schema AND u.table_name = k.table_name
                   WHERE k.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name AND u.column_name = c.column_name) AS pk
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.table_name <> 'schema_migrations'
    ORDER BY c.table_name, c.ordinal_position`)
  const out: Record<string, Column[]> = {}
  for (const r of rows) {
    ;(out[r.t] ??= []).push({ name: r.name, type: r.type as Column['type'], notNull: r.nullable === 'NO', default: r.d?.replace(/::text$/, '') ?? null, pk: r.pk })
  }
  return out
}

describe('PostgreSQL migrations beside SQLite migrations', () => {
  let sqlite: Db
  let pg: PostgresSql
  beforeAll(async () => {
    sqlite = openDatabase(':memory:', { create: true })
    pg = openPostgres(await freshDatabase('schema'))
  })
  afterAll(() => {
    sqlite?.close()
    pg?.close()
  })

  it('have the same versions, in order, with the same names', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]))
    expect(pg.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version').map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('make the same tables with the same columns, types, NOT NULLs, defaults and keys', () => {
    const lite = sqliteColumns(sqlite)
    const post = postgresColumns(pg)
    expect(Object.keys(post).sort()).toEqual(Object.keys(lite).sort())
    for (const table of Object.keys(lite)) expect({ table, columns: post[table] }).toEqual({ table, columns: lite[table] })
  })

  it('make the same indexes', () => {
    const lite = (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all() as string[])
    const post = pg.all<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%\_pkey' AND indexname NOT LIKE '%\_key' ORDER BY indexname`).map((r) => r.name)
    expect(post).toEqual(lite)
  })

  // Each row breaks one CHECK, key or reference: both databases refuse it.
  const setup = [
    `INSERT INTO staff (id, name, role, created_at) VALUES ('ana', 'Ana', 'agent', '2026-01-01')`,
    `INSERT INTO staff (id, name, role, created_at) VALUES ('ben', 'Ben', 'lead', '2026-01-01')`,
    `INSERT INTO shift_type (code, name, start_min, end_min) VALUES ('E', 'Early', 420, 900)`,
    `INSERT INTO swap (requester, counterpart, date, status, created_at) VALUES ('ana', 'ben', '2026-02-03', 'approved', '2026-01-01')`,
    `INSERT INTO audit (at, action) VALUES ('2026-01-01', 'x')`,
  ]
  const refused = [
    `INSERT INTO staff (id, name, role, created_at) VALUES ('Ana!', 'A', 'agent', 'x')`,
    `INSERT INTO staff (id, name, role, created_at) VALUES ('cara', 'C', 'boss', 'x')`,
    `INSERT INTO staff (id, name, role, rotation, created_at) VALUES ('dan', 'D', 'agent', 2, 'x')`,
    `INSERT INTO assignment (date, shift, staff) VALUES ('2026-2-3', 'E', 'ana')`,
    `INSERT INTO assignment (date, shift, staff) VALUES ('2026-02-03', 'L', 'ana')`,
    `INSERT INTO assignment (date, shift, staff) VALUES ('2026-02-03', 'E', 'nobody')`,
    `INSERT INTO swap (requester, counterpart, date, created_at) VALUES ('ana', 'ana', '2026-02-03', 'x')`,
    `INSERT INTO swap (requester, counterpart, date, status, created_at) VALUES ('ana', 'ben', '2026-02-03', 'lost', 'x')`,
    `INSERT INTO swap (requester, counterpart, date, status, reverses, created_at) VALUES ('ana', 'ben', '2026-02-03', 'undone', 1, 'x')`,
    `INSERT INTO swap (requester, counterpart, date, decided_by, created_at) VALUES ('ana', 'ben', '2026-02-03', 'ben', 'x')`,
    `INSERT INTO leave (staff, from_date, to_date, created_at) VALUES ('ana', '2026-02-05', '2026-02-03', 'x')`,
    `INSERT INTO holiday (date, name, statutory) VALUES ('2026-10-01', 'National Day', 2)`,
    `UPDATE audit SET action = 'y'`,
    `DELETE FROM audit`,
  ]
  it('refuse the same bad rows and accept the same good ones', () => {
    sqlite.pragma('foreign_keys = ON')
    for (const s of setup) {
      sqlite.prepare(s).run()
      pg.run(s)
    }
    for (const s of refused) {
      expect(() => sqlite.prepare(s).run(), `SQLite: ${s}`).toThrow()
      expect(() => pg.transaction(() => pg.run(s)), `PostgreSQL: ${s}`).toThrow()
    }
    expect(pg.run(`UPDATE swap SET status = 'undone' WHERE id = 1`).changes).toBe(1)
    expect(sqlite.prepare(`UPDATE swap SET status = 'undone' WHERE id = 1`).run().changes).toBe(1)
  })
})
