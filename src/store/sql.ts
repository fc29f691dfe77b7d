// The one connection every store area speaks SQL through. SQLite (better-sqlite3)
// implements it here; PostgreSQL implements it in src/store/postgres. The SQL
// text the areas write runs on both: `?` or `@name` placeholders, RETURNING for
// new ids, COALESCE (not IFNULL), no json_each, no strftime. Where the dialects
// must differ, an area asks `sql.dialect`.

import type { Statement } from 'better-sqlite3'
import type { Db } from './db.js'

export type SqlValue = string | number | bigint | null
/** Positional (`?`) or named (`@name`) parameters. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>

export interface RunResult {
  /** Rows the statement inserted, changed or deleted. */
  changes: number
}

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres'
  all<T = Record<string, unknown>>(sql: string, params?: SqlParams): T[]
  get<T = Record<string, unknown>>(sql: string, params?: SqlParams): T | undefined
  run(sql: string, params?: SqlParams): RunResult
  /**
   * One write transaction: all of `fn` or none of it, serialised against every
   * other writer (BEGIN IMMEDIATE on SQLite; a transaction-scoped advisory lock
   * on PostgreSQL), so a check-then-write inside it holds under concurrent
   * writers. A call inside a running transaction joins it.
   */
  transaction<T>(fn: () => T): T
  close(): void
}

/** better-sqlite3 behind the Sql interface, one prepared statement per SQL text. */
export function sqliteSql(db: Db): Sql {
  const cache = new Map<string, Statement>()
  const prepared = (text: string): Statement => {
    let s = cache.get(text)
    if (!s) cache.set(text, (s = db.prepare(text)))
    return s
  }
  const args = (params: SqlParams | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? params : [params])
  return {
    dialect: 'sqlite',
    all: <T>(text: string, params?: SqlParams) => prepared(text).all(...args(params)) as T[],
    get: <T>(text: string, params?: SqlParams) => prepared(text).get(...args(params)) as T | undefined,
    run: (text: string, params?: SqlParams) => ({ changes: prepared(text).run(...args(params)).changes }),
    transaction: <T>(fn: () => T): T => (db.inTransaction ? db.transaction(fn)() : db.transaction(fn).immediate()),
    close: () => db.close(),
  }
}

// Lists of placeholders, the only text besides constant column lists that the
// areas put into SQL: a list of values the caller binds, never the values (the
// static check in test/reliability/injection.test.ts allows just these).

/** `?, ?, ?`: `IN (${marks(list.length)})`, bound positionally. Never empty: `IN ()` is no SQL. */
export function marks(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('marks: a list needs at least one value')
  return Array.from({ length: n }, () => '?').join(', ')
}

/** `(?, ?), (?, ?)`: `rows` rows of `width` positional placeholders, for VALUES. */
export function tuples(rows: number, width: number): string {
  const row = `(${marks(width)})`
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error('tuples: VALUES needs at least one row')
  return Array.from({ length: rows }, () => row).join(', ')
}

/**
 * A table or column name for the few statements that work on every table
 * (src/store/copy.ts), double-quoted: only names as the roster's migrations
 * make them (lowercase letters, digits, _) pass, so a name read from the
 * database's catalogue can never carry SQL.
 */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`ident: not a roster table or column name: ${JSON.stringify(name).slice(0, 80)}`)
  return `"${name}"`
}

/** `"a", "b"`: a list of names, each as ident() takes it. */
export function idents(names: readonly string[]): string {
  if (names.length < 1) throw new Error('idents: at least one name')
  return names.map(ident).join(', ')
}

/** `@who0, @who1`: `n` named placeholders under a prefix of lowercase letters, and `bind` the values they take. */
export function names(prefix: string, values: readonly SqlValue[]): { list: string; bind: Record<string, SqlValue> } {
  if (!/^[a-z]+$/.test(prefix) || values.length < 1) throw new Error('names: a lowercase prefix and at least one value')
  const bind: Record<string, SqlValue> = {}
  values.forEach((v, i) => (bind[`${prefix}${i}`] = v))
  return { list: values.map((_, i) => `@${prefix}${i}`).join(', '), bind }
}

/**
 * `list` in pieces of at most `size`, so a statement binds a bounded number of
 * parameters (SQLite allows 32,766, PostgreSQL 65,535) and the statement cache
 * holds few texts.
 */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
