// PostgreSQL's failures as the storage errors a user can act on (exit 3, one
// sentence), never with the password of the URL in them.

import { ConflictError, StorageError, UsageError, type RosterError } from '../../errors.js'
import type { BridgeError } from './bridge.js'
import { whereOf, withoutPassword } from './url.js'

/** A failed statement: a StorageError that keeps PostgreSQL's SQLSTATE for the store code that needs it. */
export class PostgresStatementError extends StorageError {
  constructor(readonly sqlState: string | undefined, readonly constraint: string | undefined, message: string) {
    super((m) => m.errors.store.failed(message), 'storage')
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08001', '08006', '08004'])

/** The user named in the URL, else the login PostgreSQL falls back to. */
function userOf(url: string, env: NodeJS.ProcessEnv): string {
  try {
    const u = decodeURIComponent(new URL(url).username)
    if (u) return u
  } catch {
    // fall through
  }
  return env.PGUSER || env.USER || env.LOGNAME || ''
}

function databaseOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || userOf(url, process.env)
  } catch {
    return ''
  }
}

/** What went wrong while connecting. */
export function connectError(e: BridgeError, url: string, env: NodeJS.ProcessEnv = process.env): RosterError {
  const where = whereOf(url)
  const why = withoutPassword(e.message, url).replace(/\.$/, '')
  const code = e.code ?? ''
  if (code === '28P01' || code === '28000' || /password|SASL|SCRAM/i.test(e.message)) {
    return new StorageError((m) => m.errors.postgres.login(where, userOf(url, env)), 'postgres-login')
  }
  if (code === '3D000') return new StorageError((m) => m.errors.postgres.noDatabase(where, databaseOf(url)), 'no-database')
  if (UNREACHABLE.has(code) || /timeout|terminated|connect/i.test(e.message)) {
    return new StorageError((m) => m.errors.postgres.unreachable(where, why), 'postgres-unreachable')
  }
  if (/ssl|tls|certificate/i.test(e.message)) return new StorageError((m) => m.errors.postgres.tls(where, why), 'postgres-tls')
  return new StorageError((m) => m.errors.postgres.failed(where, why), 'storage')
}

/** What went wrong with a statement on an open connection. */
export function statementError(e: BridgeError, url: string, lockTimeoutMs: number): RosterError {
  const where = whereOf(url)
  const why = withoutPassword(e.message, url).replace(/\.$/, '')
  const code = e.code ?? ''
  if (code === '55P03') return new StorageError((m) => m.errors.postgres.busy(where, Math.round(lockTimeoutMs / 1000)), 'locked')
  if (code === '42501') return new ConflictError((m) => m.errors.postgres.denied(where, why), 'permission')
  if (code === '25006') return new StorageError((m) => m.errors.postgres.failed(where, why), 'read-only')
  if (UNREACHABLE.has(code) || code === 'ROSTER_CLOSED' || /Connection terminated|not connected|ECONNRESET/i.test(e.message)) {
    return new StorageError((m) => m.errors.postgres.lost(where, why), 'postgres-unreachable')
  }
  return new PostgresStatementError(code || undefined, e.constraint, why)
}

/** A --db value that starts like a PostgreSQL URL but is not one. */
export function badUrl(url: string): UsageError {
  return new UsageError((m) => m.errors.postgres.badUrl(whereOf(url)), 'bad-db-url')
}
