// The e2e tests reach past the CLI into the database (to set up a case, or to
// read what a command wrote). Under ROSTER_TEST_BACKEND=postgres a test's
// database is a PostgreSQL database; this gives those tests the few
// better-sqlite3 calls they make (prepare().run/get/all, transaction, exec)
// over the synchronous PostgreSQL connection, so one test body serves both.

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { isPostgresUrl } from '../../src/store/postgres/url.js'
import { postgresSql, type PostgresSql } from '../../src/store/postgres/sql.js'
import { rosterTables } from '../../src/store/copy.js'

export interface TestStatement {
  run(...params: unknown[]): { changes: number }
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}

export interface TestDb {
  prepare(sql: string): TestStatement
  transaction<T>(fn: () => T): () => T
  exec(sql: string): void
  close(): void
}

const args = (params: unknown[]) => (params.length === 1 && params[0] !== null && typeof params[0] === 'object' && !Array.isArray(params[0]) ? params[0] : params) as never

function postgresTestDb(url: string): TestDb {
  const sql = postgresSql(url)
  return {
    prepare: (text) => ({
      run: (...p) => sql.run(text, args(p)),
      get: (...p) => sql.get(text, args(p)),
      all: (...p) => sql.all(text, args(p)),
    }),
    transaction: (fn) => () => sql.transaction(fn),
    exec: (text) => void sql.run(text),
    close: () => sql.close(),
  }
}

/** The test's database, SQLite file or PostgreSQL URL, for a test's own statements. */
export function openTestDb(db: string): TestDb {
  if (isPostgresUrl(db)) return postgresTestDb(db)
  return new Database(db) as unknown as TestDb
}

/** Every row of every roster table, in a stable order (what "unchanged" means for a PostgreSQL database). */
export function databaseContents(url: string): Record<string, unknown[]> {
  const sql: PostgresSql = postgresSql(url)
  try {
    const out: Record<string, unknown[]> = {}
    for (const t of rosterTables(sql)) {
      out[t.name] = sql.all(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" ORDER BY ${t.columns.map((_, i) => i + 1).join(', ')}`)
    }
    out.schema_migrations = sql.all('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
    return out
  } finally {
    sql.close()
  }
}

/** A hash of the database: the file's bytes, or a PostgreSQL database's rows. */
export function databaseHash(db: string): string {
  const h = createHash('sha256')
  if (isPostgresUrl(db)) h.update(JSON.stringify(databaseContents(db)))
  else h.update(readFileSync(db))
  return h.digest('hex')
}
