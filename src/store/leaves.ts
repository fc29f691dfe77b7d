// Leave requests: the only code that speaks SQL about them.

import type { LeaveRecord } from '../domain/swaps/types.js'
import type { IsoDate, LeaveStatus } from '../domain/types.js'
import type { Sql } from './sql.js'

interface LeaveRow {
  id: number
  staff: string
  from_date: string
  to_date: string
  reason: string | null
  status: string
  created_at: string
  decided_by: string | null
}

const COLUMNS = `id, staff, from_date, to_date, reason, status, created_at, decided_by`

function rowToLeave(r: LeaveRow): LeaveRecord {
  return { id: Number(r.id), staff: r.staff, from: r.from_date, to: r.to_date, reason: r.reason, status: r.status as LeaveStatus, createdAt: r.created_at, decidedBy: r.decided_by }
}

export interface NewLeave {
  staff: string
  from: IsoDate
  to: IsoDate
  reason: string | null
  createdAt: string
}

export interface LeaveFilter {
  status?: LeaveStatus
  staff?: string
  /** Leave overlapping [from, to]. */
  from?: IsoDate
  to?: IsoDate
}

export function leavesStore(sql: Sql) {
  const find = (id: number): LeaveRecord | undefined => {
    const r = sql.get<LeaveRow>(`SELECT ${COLUMNS} FROM leave WHERE id = ?`, [id])
    return r && rowToLeave(r)
  }
  return {
    /** Stores a new pending leave request and returns it with its id. */
    insert(l: NewLeave): LeaveRecord {
      const r = sql.get<{ id: number }>(`INSERT INTO leave (staff, from_date, to_date, reason, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?) RETURNING id`, [
        l.staff, l.from, l.to, l.reason, l.createdAt,
      ])!
      return find(Number(r.id))!
    },

    find,

    /** Leave matching every given filter, by first day then id. */
    list(f: LeaveFilter = {}): LeaveRecord[] {
      return sql.all<LeaveRow>(`SELECT ${COLUMNS} FROM leave
    WHERE (@status IS NULL OR status = @status) AND (@staff IS NULL OR staff = @staff)
      AND (@from IS NULL OR to_date >= @from) AND (@to IS NULL OR from_date <= @to)
    ORDER BY from_date, id`, { status: f.status ?? null, staff: f.staff ?? null, from: f.from ?? null, to: f.to ?? null }).map(rowToLeave)
    },

    /** Records a decision on a pending request; false when it was no longer pending. */
    decide(id: number, status: Exclude<LeaveStatus, 'pending'>, decidedBy: string): boolean {
      return sql.run(`UPDATE leave SET status = ?, decided_by = ? WHERE id = ? AND status = 'pending'`, [status, decidedBy, id]).changes === 1
    },
  }
}

export type LeavesStore = ReturnType<typeof leavesStore>
