// A real PostgreSQL for the tests: one throwaway server for the whole run
// (started by test/support/postgres-setup.ts, vitest's globalSetup), and a
// fresh database per test. Nothing here is a mock. A test that cannot reach
// the server fails with the reason; it never skips.

import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import type { PostgresServer } from './postgres-server.js'
import { postgresSql, type PostgresSql } from '../../src/store/postgres/sql.js'

export type { PostgresServer }

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresServer | null
    /** The run's migrated, empty roster database (postgres-setup.ts), copied for each test. */
    postgresTemplate: string | null
    postgresError: string | null
  }
}

/** The server the run started, or the reason there is none (the calling test fails with it). */
export function postgresServer(): PostgresServer {
  const s = inject('postgres')
  if (!s) throw new Error(`no PostgreSQL for the tests: ${inject('postgresError') ?? 'test/support/postgres-setup.ts did not run (is it in vitest.config.ts globalSetup?)'}`)
  return s
}

/** A URL of database `db` on the test server, as `user` (the admin by default). */
export function postgresUrl(db: string, as: { user: string; password: string } = postgresServer()): string {
  const s = postgresServer()
  return `postgres://${encodeURIComponent(as.user)}:${encodeURIComponent(as.password)}@${s.host}:${s.port}/${db}`
}

/** Runs statements as the admin on database `db` (the server's "postgres" by default). */
export async function adminQuery<T = Record<string, unknown>>(text: string, params: unknown[] = [], db = 'postgres'): Promise<T[]> {
  const c = new pg.Client({ connectionString: postgresUrl(db) })
  await c.connect()
  try {
    return (await c.query(text, params)).rows as T[]
  } finally {
    await c.end()
  }
}

let counter = 0
/** A new, empty database on the test server; its URL (with the admin's password in it). */
export async function freshDatabase(tag = 't'): Promise<string> {
  const name = `roster_${tag.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
  await adminQuery(`CREATE DATABASE ${name}`)
  return postgresUrl(name)
}

let adminSql: PostgresSql | undefined

/** A new, empty database made synchronously (for helpers that are not async, such as tempDb); its URL. */
export function freshDatabaseSync(tag = 't'): string {
  // One connection for the test file, made on first use: a file without PostgreSQL never starts its worker.
  adminSql ??= postgresSql(postgresUrl('postgres'))
  const name = `roster_${tag.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
  adminSql.run(`CREATE DATABASE ${name}`)
  return postgresUrl(name)
}

/**
 * A new database that already holds the roster schema, and nothing else: a
 * copy of the run's template (postgres-setup.ts migrated it once), so no test
 * pays for the migrations; its URL.
 */
export function migratedDatabaseSync(tag = 't'): string {
  postgresServer()
  const template = inject('postgresTemplate')
  if (!template) throw new Error('no template database: test/support/postgres-setup.ts did not make one')
  adminSql ??= postgresSql(postgresUrl('postgres'))
  const name = `roster_${tag.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
  adminSql.run(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  return postgresUrl(name)
}

/** A copy of a database of the test server (CREATE DATABASE ... TEMPLATE): its URL. */
export function copyDatabaseSync(url: string): string {
  adminSql ??= postgresSql(postgresUrl('postgres'))
  const name = `roster_copy_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
  adminSql.run(`CREATE DATABASE ${name} TEMPLATE ${new URL(url).pathname.slice(1)}`)
  return postgresUrl(name)
}
