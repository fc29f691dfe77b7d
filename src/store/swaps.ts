// Swap requests: the only code that speaks SQL about them.

import type { SwapRecord } from '../domain/swaps/types.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate, type SwapStatus } from '../domain/types.js'
import type { Db } from './db.js'
import { stmt } from './statements.js'

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
  reverses: number | null
}

const COLUMNS = `id, requester, counterpart, date, payback, status, reason, created_at, decided_by, decision_reason, reverses`

function rowToSwap(r: SwapRow): SwapRecord {
  return {
    id: r.id, requester: r.requester, counterpart: r.counterpart, date: r.date, payback: r.payback, status: r.status as SwapStatus,
    reason: r.reason, createdAt: r.created_at, decidedBy: r.decided_by, decisionReason: r.decision_reason, reverses: r.reverses,
  }
}

export interface NewSwap {
  requester: string
  counterpart: string
  date: IsoDate
  payback: IsoDate | null
  reason: string | null
  createdAt: string
  /** For a reversal: the approved swap it undoes. */
  reverses?: number
}

/** Stores a new pending swap and returns it with its id. */
export function insertSwap(db: Db, s: NewSwap): SwapRecord {
  const r = stmt(db, `INSERT INTO swap (requester, counterpart, date, payback, status, reason, created_at, reverses) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`).run(
    s.requester, s.counterpart, s.date, s.payback, s.reason, s.createdAt, s.reverses ?? null,
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
  /** With `to`: swaps whose D1 or D2 falls within [from, to] (by the date and payback indexes). */
  from?: IsoDate
  to?: IsoDate
}

/**
 * Swaps matching every given filter, by D1 then id. A person's swaps are
 * found by the requester and counterpart indexes, a month's by the date and
 * payback indexes, the rest in date order from the date index.
 */
export function findSwaps(db: Db, f: SwapFilter = {}): SwapRecord[] {
  // Every stored date is YYYY-MM-DD: a month's lie from "YYYY-MM-" up to, not including, "YYYY-MM." ('.' follows '-').
  const params = {
    status: f.status ?? null,
    staff: f.staff ?? null,
    monthFrom: f.month === undefined ? null : `${f.month}-`,
    monthTo: f.month === undefined ? null : `${f.month}.`,
  }
  let sql: string
  if (f.from !== undefined && f.to !== undefined) {
    return (stmt(db, `SELECT ${COLUMNS} FROM swap
      WHERE (date BETWEEN @from AND @to OR payback BETWEEN @from AND @to)
        AND (@status IS NULL OR status = @status) AND (@staff IS NULL OR requester = @staff OR counterpart = @staff)
      ORDER BY date, id`).all({ status: params.status, staff: params.staff, from: f.from, to: f.to }) as SwapRow[]).map(rowToSwap)
  }
  if (f.staff !== undefined) {
    sql = `SELECT ${COLUMNS} FROM swap
      WHERE (requester = @staff OR counterpart = @staff)
        AND (@status IS NULL OR status = @status)
        AND (@monthFrom IS NULL OR (date >= @monthFrom AND date < @monthTo) OR (payback >= @monthFrom AND payback < @monthTo))
      ORDER BY date, id`
  } else if (f.month !== undefined) {
    sql = `SELECT ${COLUMNS} FROM swap
      WHERE ((date >= @monthFrom AND date < @monthTo) OR (payback >= @monthFrom AND payback < @monthTo))
        AND (@status IS NULL OR status = @status)
      ORDER BY date, id`
  } else {
    sql = `SELECT ${COLUMNS} FROM swap WHERE (@status IS NULL OR status = @status) ORDER BY date, id`
  }
  return (stmt(db, sql).all(params) as SwapRow[]).map(rowToSwap)
}

/**
 * Pending, accepted and approved swaps of any of `people`, by D1 then id, in
 * one query. With `touching`, only those with D1 or D2 in that range: what the
 * swap rules look at around a date, however long the history.
 */
export function findActiveSwapsOf(db: Db, people: readonly string[], touching?: { from: IsoDate; to: IsoDate }): SwapRecord[] {
  const who = JSON.stringify([...new Set(people)])
  const statuses = JSON.stringify(ACTIVE_SWAP_STATUSES)
  if (!touching) {
    return (stmt(db, `SELECT ${COLUMNS} FROM swap
      WHERE (requester IN (SELECT value FROM json_each(@who)) OR counterpart IN (SELECT value FROM json_each(@who)))
        AND status IN (SELECT value FROM json_each(@statuses))
      ORDER BY date, id`).all({ who, statuses }) as SwapRow[]).map(rowToSwap)
  }
  // Three ways in, each by an index: as requester or as counterpart by D1, or by D2.
  return (stmt(db, `SELECT ${COLUMNS} FROM swap
    WHERE status IN (SELECT value FROM json_each(@statuses)) AND (
      (requester IN (SELECT value FROM json_each(@who)) AND date BETWEEN @from AND @to)
      OR (counterpart IN (SELECT value FROM json_each(@who)) AND date BETWEEN @from AND @to)
      OR (payback BETWEEN @from AND @to AND (requester IN (SELECT value FROM json_each(@who)) OR counterpart IN (SELECT value FROM json_each(@who)))))
    ORDER BY date, id`).all({ who, statuses, from: touching.from, to: touching.to }) as SwapRow[]).map(rowToSwap)
}

/** Moves a swap to `status`; a final decision records who made it. Returns false when the swap was not in `from`. */
export function updateSwapStatus(db: Db, id: number, from: SwapStatus, status: SwapStatus, decidedBy: string | null, decisionReason: string | null): boolean {
  return stmt(db, `UPDATE swap SET status = ?, decided_by = ?, decision_reason = ? WHERE id = ? AND status = ?`).run(status, decidedBy, decisionReason, id, from).changes === 1
}

/** The reversal of swap `id` still in progress (pending or accepted), if any. */
export function findOpenReversal(db: Db, id: number): SwapRecord | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM swap WHERE reverses = ? AND status IN ('pending', 'accepted') ORDER BY id LIMIT 1`).get(id) as SwapRow | undefined
  return r && rowToSwap(r)
}

/** Marks an approved swap undone (its reversal was approved); false when it was not approved. Who approved it stays recorded. */
export function markSwapUndone(db: Db, id: number): boolean {
  return stmt(db, `UPDATE swap SET status = 'undone' WHERE id = ? AND status = 'approved' AND reverses IS NULL`).run(id).changes === 1
}
