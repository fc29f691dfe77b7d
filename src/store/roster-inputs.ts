// What the generator and the rule checks read besides assignments.

import type { IsoDate, Leave } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

interface LeaveRow {
  id: number
  staff: string
  from_date: string
  to_date: string
  reason: string | null
  status: string
}

/** Leave (any status) overlapping [from, to]. */
export function findLeavesOverlapping(db: Db, from: IsoDate, to: IsoDate): Leave[] {
  const rows = stmt(db, `SELECT id, staff, from_date, to_date, reason, status FROM leave WHERE from_date <= ? AND to_date >= ? ORDER BY from_date, id`).all(to, from) as LeaveRow[]
  return rows.map((r) => ({ id: r.id, staff: r.staff, from: r.from_date, to: r.to_date, reason: r.reason, status: r.status as Leave['status'] }))
}
