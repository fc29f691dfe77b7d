// The Sql interface (src/store/sql.ts) over PostgreSQL, synchronously: each
// call crosses to the `pg` driver in a worker thread and waits for its answer
// (bridge.ts). A write transaction takes one transaction-scoped advisory lock
// first, so every check-then-write (the monthly swap limit, a swap's state)
// runs one at a time across every machine, as BEGIN IMMEDIATE does on SQLite.

import type { RunResult, Sql, SqlParams, SqlValue } from '../sql.js'
import { BridgeTimeout, startBridge, type Bridge, type BridgeReply } from './bridge.js'
import { badUrl, connectError, statementError } from './errors.js'
import { translatePlaceholders, type Translated } from './placeholders.js'
import { StorageError } from '../../errors.js'
import { whereOf } from './url.js'

/** The advisory lock every roster write (and migration) takes: "ROST". */
export const ROSTER_LOCK_KEY = 0x524f5354

export interface PostgresOptions {
  /** How long a write waits for another roster write to finish (lock_timeout). */
  lockTimeoutMs?: number
  connectTimeoutMs?: number
  env?: NodeJS.ProcessEnv
}

export interface PostgresSql extends Sql {
  readonly dialect: 'postgres'
  /** The database role this connection acts as (current_user). */
  readonly role: string
  /** The URL without its password, for messages. */
  readonly where: string
  /** The statement text as PostgreSQL receives it (placeholders as $n). */
  translate(sql: string): string
}

const WAIT_MS = 120_000

/** PostgreSQL's type id of text. */
const TEXT = 25

/**
 * The types sent with a statement: 0 (PostgreSQL infers it) for every
 * parameter but those tested with IS [NOT] NULL, sent as text (see
 * placeholders.ts), whatever their value: only whether it is null counts there.
 */
function parameterTypes(t: Translated, values: readonly SqlValue[]): number[] {
  const types = values.map(() => 0)
  for (const i of t.nullTested) types[i] = TEXT
  return types
}

export function postgresSql(url: string, options: PostgresOptions = {}): PostgresSql {
  try {
    new URL(url)
  } catch {
    throw badUrl(url)
  }
  const lockTimeoutMs = options.lockTimeoutMs ?? 5000
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000
  const bridge: Bridge = startBridge()
  const where = whereOf(url)

  const send = (message: unknown, timeoutMs = WAIT_MS): BridgeReply => {
    try {
      return bridge.call(message, timeoutMs)
    } catch (e) {
      if (e instanceof BridgeTimeout) throw new StorageError((m) => m.errors.postgres.lost(where, e.message), 'postgres-unreachable')
      throw e
    }
  }

  const connected = send({ op: 'connect', config: { connectionString: url, connectionTimeoutMillis: connectTimeoutMs, application_name: 'roster' } }, connectTimeoutMs + 5000)
  if (!connected.ok) {
    bridge.terminate()
    throw connectError(connected.error, url, options.env)
  }

  const cache = new Map<string, Translated>()
  const translated = (text: string): Translated => {
    let t = cache.get(text)
    if (!t) cache.set(text, (t = translatePlaceholders(text)))
    return t
  }
  const values = (t: Translated, params: SqlParams | undefined): SqlValue[] => {
    if (params === undefined) return []
    if (Array.isArray(params)) return params as SqlValue[]
    const named = params as Readonly<Record<string, SqlValue>>
    return t.names.map((n) => {
      if (!(n in named)) throw new StorageError((m) => m.errors.store.failed(`no value for @${n}`), 'storage')
      return named[n] ?? null
    })
  }
  const query = (text: string, params?: SqlParams): { rows: Record<string, unknown>[]; rowCount: number } => {
    const t = translated(text)
    const v = values(t, params)
    const r = send({ op: 'query', text: t.text, values: v, ...(t.nullTested.length > 0 ? { types: parameterTypes(t, v) } : {}) })
    if (!r.ok) throw statementError(r.error, url, lockTimeoutMs)
    return r
  }

  let role = ''
  try {
    const settings = query(
      `SELECT current_user AS role, set_config('lock_timeout', ?, false) AS lock`,
      [`${lockTimeoutMs}ms`],
    )
    role = String(settings.rows[0]?.role ?? '')
  } catch (e) {
    send({ op: 'end' }, 5000)
    bridge.terminate()
    throw e
  }

  let depth = 0
  let closed = false
  const sql: PostgresSql = {
    dialect: 'postgres',
    role,
    where,
    translate: (text) => translated(text).text,
    all: <T>(text: string, params?: SqlParams) => query(text, params).rows as T[],
    get: <T>(text: string, params?: SqlParams) => query(text, params).rows[0] as T | undefined,
    run: (text: string, params?: SqlParams): RunResult => ({ changes: query(text, params).rowCount }),
    transaction<T>(fn: () => T): T {
      // Inside a running transaction: a savepoint, so a failure caught by the
      // caller undoes only this part (as better-sqlite3 does on SQLite).
      const savepoint = depth > 0 ? `roster_${depth}` : undefined
      if (savepoint) query(`SAVEPOINT ${savepoint}`)
      else {
        query('BEGIN')
        try {
          query('SELECT pg_advisory_xact_lock(?)', [ROSTER_LOCK_KEY])
        } catch (e) {
          rollback()
          throw e
        }
      }
      depth++
      let result: T
      try {
        result = fn()
        if (result && typeof (result as { then?: unknown }).then === 'function') throw new TypeError('a transaction function must not be async')
      } catch (e) {
        depth--
        if (savepoint) query(`ROLLBACK TO SAVEPOINT ${savepoint}`)
        else rollback()
        throw e
      }
      depth--
      if (savepoint) query(`RELEASE SAVEPOINT ${savepoint}`)
      else {
        try {
          query('COMMIT')
        } catch (e) {
          rollback()
          throw e
        }
      }
      return result
    },
    close() {
      if (closed) return
      closed = true
      if (depth > 0) rollback()
      send({ op: 'end' }, 5000)
      bridge.terminate()
    },
  }
  function rollback(): void {
    const r = send({ op: 'query', text: 'ROLLBACK', values: [] })
    // A lost connection has rolled back on the server already.
    void r
  }
  return sql
}
