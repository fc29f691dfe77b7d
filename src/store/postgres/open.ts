// Opening a roster database on PostgreSQL: connect, make sure it is ours and
// not newer than this code, bring it to the latest schema. A database of
// another program, or a newer one, is refused before anything is written.

import { StorageError } from '../../errors.js'
import { POSTGRES_LATEST_VERSION, POSTGRES_MIGRATIONS, SCHEMA_COMMENT, SCHEMA_MIGRATIONS_DDL } from './migrations.js'
import { postgresSql, type PostgresOptions, type PostgresSql } from './sql.js'

export interface OpenPostgresOptions extends PostgresOptions {
  /** Refuse every write after opening (the commands that only read); a pending migration still runs. */
  readonly?: boolean
}

/** What the database holds, read before anything is written to it. */
export interface SchemaState {
  /** The roster's schema_migrations is there. */
  ours: boolean
  /** A table called schema_migrations that is not ours. */
  foreignMigrations: boolean
  /** Tables in the current schema. */
  tables: number
  version: number
}

export function readSchemaState(sql: PostgresSql): SchemaState {
  const row = sql.get<{ has: boolean; comment: string | null; tables: number }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS has,
            obj_description(to_regclass('schema_migrations'), 'pg_class') AS comment,
            (SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()) AS tables`,
  )!
  const ours = row.has && row.comment === SCHEMA_COMMENT
  const version = ours ? (sql.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')?.v ?? 0) : 0
  return { ours, foreignMigrations: row.has && !ours, tables: row.tables, version }
}

/** Opens (creating the schema in an empty database) the roster database at a postgres:// URL. */
export function openPostgres(url: string, options: OpenPostgresOptions = {}): PostgresSql {
  const sql = postgresSql(url, options)
  try {
    const state = readSchemaState(sql)
    if (state.foreignMigrations || (!state.ours && state.tables > 0)) {
      throw new StorageError((m) => m.errors.postgres.foreign(sql.where), 'not-a-roster-database')
    }
    if (state.version > POSTGRES_LATEST_VERSION) {
      throw new StorageError((m) => m.errors.postgres.newer(sql.where, state.version, POSTGRES_LATEST_VERSION), 'newer-schema')
    }
    if (state.version < POSTGRES_LATEST_VERSION) migratePostgres(sql)
    if (options.readonly) sql.run(`SELECT set_config('default_transaction_read_only', 'on', false)`)
    return sql
  } catch (e) {
    sql.close()
    throw e
  }
}

/** Applies every pending migration, each in one transaction under the roster's advisory lock. */
export function migratePostgres(sql: PostgresSql): void {
  for (const m of POSTGRES_MIGRATIONS) {
    sql.transaction(() => {
      // Read again under the lock: another first open may have migrated meanwhile.
      const state = readSchemaState(sql)
      if (state.foreignMigrations) throw new StorageError((t) => t.errors.postgres.foreign(sql.where), 'not-a-roster-database')
      if (state.version >= m.version) return
      if (!state.ours) sql.run(SCHEMA_MIGRATIONS_DDL)
      sql.run(m.sql)
      sql.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`, [m.version, m.name])
    })
  }
}
