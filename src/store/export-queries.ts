// Read-only queries for `roster export`: the approved swaps a printed sheet
// lists, and the revision number that tells two printouts apart.

import type { IsoDate } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

/** An approved swap as the export footer lists it. */
export interface ApprovedSwap {
  id: number
  requester: string
  counterpart: string
  /** D1: the date the requester gave away. */
  date: IsoDate
  /** D2 for a cover paid back; null for an exchange on D1. */
  payback: IsoDate | null
}

/**
 * Approved swaps whose D1 or payback date falls within [from, to], by D1 then
 * id; with `staff`, only those that person takes part in.
 */
export function findApprovedSwaps(db: Db, from: IsoDate, to: IsoDate, staff?: string): ApprovedSwap[] {
  return stmt(db, `SELECT id, requester, counterpart, date, payback FROM swap
                   WHERE status = 'approved' AND reverses IS NULL
                     AND (date BETWEEN @from AND @to OR payback BETWEEN @from AND @to)
                     AND (@staff IS NULL OR requester = @staff OR counterpart = @staff)
                   ORDER BY date, id`).all({ from, to, staff: staff ?? null }) as ApprovedSwap[]
}

/**
 * The roster's revision: the id of the newest audit entry (0 on a new
 * database). Every change to the roster is audited and the audit log is
 * append-only, so the number grows with every change and never repeats.
 */
export function findRosterRevision(db: Db): number {
  return (stmt(db, `SELECT coalesce(max(id), 0) AS n FROM audit`).get() as { n: number }).n
}
