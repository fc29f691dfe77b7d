import type { Db } from './db.js'
import { stmt } from './statements.js'

export interface AuditEntry {
  id: number
  at: string
  actor: string | null
  osUser: string | null
  onBehalf: boolean
  action: string
  subject: string | null
  before: unknown
  after: unknown
  /** The test clock's time (ROSTER_NOW) when one was set; null for the real clock. */
  clock: string | null
}

export interface AuditInput {
  at: string
  actor: string | null
  osUser: string | null
  onBehalf?: boolean
  action: string
  subject?: string | null
  before?: unknown
  after?: unknown
  clock?: string | null
}

export function insertAudit(db: Db, e: AuditInput): void {
  stmt(db, `INSERT INTO audit (at, actor, os_user, on_behalf, action, subject, before, after, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.at, e.actor, e.osUser, e.onBehalf ? 1 : 0, e.action, e.subject ?? null,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.clock ?? null,
  )
}

interface AuditRow {
  id: number
  at: string
  actor: string | null
  os_user: string | null
  on_behalf: number
  action: string
  subject: string | null
  before: string | null
  after: string | null
  clock: string | null
}

export function findAudit(db: Db, since = '', limit = 1000): AuditEntry[] {
  const rows = stmt(db, `SELECT * FROM (SELECT * FROM audit WHERE at >= ? ORDER BY id DESC LIMIT ?) ORDER BY id`).all(since, limit) as AuditRow[]
  return rows.map(rowToAudit)
}

function rowToAudit(r: AuditRow): AuditEntry {
  return {
    id: r.id, at: r.at, actor: r.actor, osUser: r.os_user, onBehalf: r.on_behalf === 1, action: r.action, subject: r.subject,
    before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
    clock: r.clock ?? null,
  }
}

/** The latest entry for one action on one subject, e.g. ('swap.approve', 'swap #3'). */
export function findLatestAudit(db: Db, action: string, subject: string): AuditEntry | undefined {
  const r = stmt(db, `SELECT * FROM audit WHERE action = ? AND subject = ? ORDER BY id DESC LIMIT 1`).get(action, subject) as AuditRow | undefined
  return r && rowToAudit(r)
}
