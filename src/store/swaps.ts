// Swap requests: the only code that speaks SQL about them.

import type { SwapRecord } from '../domain/swaps/types.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate, type SwapStatus } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'
import { compareText } from '../domain/compare.js'

interface SwapRow {
  id: number
  requester: string
  counterpart: string
  date: string
  payback: string | null
  status: string
  reason: string | null
  created_at: string
  decided_by: string | null
  decision_reason: string | null
}

const COLUMNS = `id, requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason`

function rowToSwap(r: SwapRow): SwapRecord {
  return {
    id: r.id, requester: r.requester, counterpart: r.counterpart, date: r.date, payback: r.payback, status: r.status as SwapStatus,
    reason: r.reason, createdAt: r.created_at, decidedBy: r.decided_by, decisionReason: r.decision_reason,
  }
}

export interface NewSwap {
  requester: string
  counterpart: string
  date: IsoDate
  payback: IsoDate | null
  reason: string | null
  createdAt: string
}

/** Stores a new pending swap and returns it with its id. */
export function insertSwap(db: Db, s: NewSwap): SwapRecord {
  const r = stmt(db, `INSERT INTO swap (requester, counterpart, date, payback, status, reason, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`).run(
    s.requester, s.counterpart, s.date, s.payback, s.reason, s.createdAt,
  )
  return findSwap(db, Number(r.lastInsertRowid))!
}

export function findSwap(db: Db, id: number): SwapRecord | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM swap WHERE id = ?`).get(id) as SwapRow | undefined
  return r && rowToSwap(r)
}

export interface SwapFilter {
  status?: SwapStatus
  /** `YYYY-MM`: swaps whose D1 or D2 falls in that month. */
  month?: string
  /** Swaps this person takes part in. */
  staff?: string
}

/** Swaps matching every given filter, by D1 then id. */
export function findSwaps(db: Db, f: SwapFilter = {}): SwapRecord[] {
  const month = f.month ?? null
  const rows = stmt(db, `SELECT ${COLUMNS} FROM swap
    WHERE (@status IS NULL OR status = @status)
      AND (@staff IS NULL OR requester = @staff OR counterpart = @staff)
      AND (@month IS NULL OR substr(date, 1, 7) = @month OR substr(payback, 1, 7) = @month)
    ORDER BY date, id`).all({ status: f.status ?? null, staff: f.staff ?? null, month }) as SwapRow[]
  return rows.map(rowToSwap)
}

/** Pending, accepted and approved swaps of any of `people`, by D1 then id. */
export function findActiveSwapsOf(db: Db, people: readonly string[]): SwapRecord[] {
  const out = new Map<number, SwapRecord>()
  const [a, b, c] = ACTIVE_SWAP_STATUSES
  for (const p of new Set(people)) {
    const rows = stmt(db, `SELECT ${COLUMNS} FROM swap WHERE (requester = @p OR counterpart = @p) AND status IN (@a, @b, @c)`).all({ p, a, b, c }) as SwapRow[]
    for (const r of rows) out.set(r.id, rowToSwap(r))
  }
  return [...out.values()].sort((a, b) => compareText(a.date, b.date) || a.id - b.id)
}

/** Moves a swap to `status`; a final decision records who made it. Returns false when the swap was not in `from`. */
export function updateSwapStatus(db: Db, id: number, from: SwapStatus, status: SwapStatus, decidedBy: string | null, decisionReason: string | null): boolean {
  return stmt(db, `UPDATE swap SET status = ?, decided_by = ?, decision_reason = ? WHERE id = ? AND status = ?`).run(status, decidedBy, decisionReason, id, from).changes === 1
}
