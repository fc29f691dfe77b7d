// The audit log (append-only): the only code that speaks SQL about it.

import type { Sql } from './sql.js'

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
  /** On PostgreSQL, the database role the change was made as; null on SQLite. */
  dbRole: string | null
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
  db_role: string | null
}

const COLUMNS = `id, at, actor, os_user, on_behalf, action, subject, before, after, clock, db_role`

const INSERT = `INSERT INTO audit (at, actor, os_user, on_behalf, action, subject, before, after, clock, db_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`
const INSERT_WITH_ROLE = `INSERT INTO audit (at, actor, os_user, on_behalf, action, subject, before, after, clock, db_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, current_user)`

function rowToAudit(r: AuditRow): AuditEntry {
  return {
    id: Number(r.id), at: r.at, actor: r.actor, osUser: r.os_user, onBehalf: r.on_behalf === 1, action: r.action, subject: r.subject,
    before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
    clock: r.clock ?? null,
    dbRole: r.db_role ?? null,
  }
}

export function auditStore(sql: Sql) {
  return {
    insert(e: AuditInput): void {
      // The role is the database's own word (current_user), not one the client gives.
      sql.run(sql.dialect === 'postgres' ? INSERT_WITH_ROLE : INSERT, [
      e.at, e.actor, e.osUser, e.onBehalf ? 1 : 0, e.action, e.subject ?? null,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
        e.clock ?? null,
      ])
    },

    /** The newest `limit` entries at or after `since`, oldest first. */
    list(since = '', limit = 1000): AuditEntry[] {
      return sql.all<AuditRow>(`SELECT ${COLUMNS} FROM (SELECT ${COLUMNS} FROM audit WHERE at >= ? ORDER BY id DESC LIMIT ?) recent ORDER BY id`, [since, limit]).map(rowToAudit)
    },

    /** The latest entry for one action on one subject, e.g. ('swap.approve', 'swap #3'). */
    latest(action: string, subject: string): AuditEntry | undefined {
      const r = sql.get<AuditRow>(`SELECT ${COLUMNS} FROM audit WHERE action = ? AND subject = ? ORDER BY id DESC LIMIT 1`, [action, subject])
      return r && rowToAudit(r)
    },

    /**
     * The roster's revision: the id of the newest audit entry (0 on a new
     * database). Every change to the roster is audited and the audit log is
     * append-only, so the number grows with every change and never repeats.
     */
    revision(): number {
      return Number(sql.get<{ n: number }>(`SELECT COALESCE(max(id), 0) AS n FROM audit`)!.n)
    },
  }
}

export type AuditStore = ReturnType<typeof auditStore>
