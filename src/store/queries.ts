// Read-only queries for the reporting commands (show, who, check, stats).

import { ACTIVE_SWAP_STATUSES, type IsoDate } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

/**
 * How many active (pending, accepted or approved) swaps each person takes part
 * in, as requester or counterpart, whose date (D1) is within [from, to]: the
 * count `swap.monthly-limit` holds against `swap.max-per-month`. People with
 * none are absent. Reversals (swap undo) count for nobody.
 */
export function countActiveSwapsByStaff(db: Db, from: IsoDate, to: IsoDate): Map<string, number> {
  const statuses = JSON.stringify(ACTIVE_SWAP_STATUSES)
  const rows = stmt(db, `SELECT who, count(*) AS n FROM (
                           SELECT requester AS who FROM swap WHERE date BETWEEN @from AND @to AND status IN (SELECT value FROM json_each(@statuses)) AND reverses IS NULL
                           UNION ALL
                           SELECT counterpart AS who FROM swap WHERE date BETWEEN @from AND @to AND status IN (SELECT value FROM json_each(@statuses)) AND reverses IS NULL
                         ) GROUP BY who`).all({ from, to, statuses }) as { who: string; n: number }[]
  return new Map(rows.map((r) => [r.who, r.n]))
}
