// Leave requests: the only code that speaks SQL about them.

import type { LeaveRecord } from '../domain/swaps/types.js'
import type { IsoDate, LeaveStatus } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

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
  return { id: r.id, staff: r.staff, from: r.from_date, to: r.to_date, reason: r.reason, status: r.status as LeaveStatus, createdAt: r.created_at, decidedBy: r.decided_by }
}

export interface NewLeave {
  staff: string
  from: IsoDate
  to: IsoDate
  reason: string | null
  createdAt: string
}

/** Stores a new pending leave request and returns it with its id. */
export function insertLeave(db: Db, l: NewLeave): LeaveRecord {
  const r = stmt(db, `INSERT INTO leave (staff, from_date, to_date, reason, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)`).run(l.staff, l.from, l.to, l.reason, l.createdAt)
  return findLeave(db, Number(r.lastInsertRowid))!
}

export function findLeave(db: Db, id: number): LeaveRecord | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM leave WHERE id = ?`).get(id) as LeaveRow | undefined
  return r && rowToLeave(r)
}

export interface LeaveFilter {
  status?: LeaveStatus
  staff?: string
  /** Leave overlapping [from, to]. */
  from?: IsoDate
  to?: IsoDate
}

/** Leave matching every given filter, by first day then id. */
export function findLeaves(db: Db, f: LeaveFilter = {}): LeaveRecord[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM leave
    WHERE (@status IS NULL OR status = @status) AND (@staff IS NULL OR staff = @staff)
      AND (@from IS NULL OR to_date >= @from) AND (@to IS NULL OR from_date <= @to)
    ORDER BY from_date, id`).all({ status: f.status ?? null, staff: f.staff ?? null, from: f.from ?? null, to: f.to ?? null }) as LeaveRow[]
  return rows.map(rowToLeave)
}

/** Records a decision on a pending request; false when it was no longer pending. */
export function decideLeave(db: Db, id: number, status: Exclude<LeaveStatus, 'pending'>, decidedBy: string): boolean {
  return stmt(db, `UPDATE leave SET status = ?, decided_by = ? WHERE id = ? AND status = 'pending'`).run(status, decidedBy, id).changes === 1
}
