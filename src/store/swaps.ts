// Swap requests: the only code that speaks SQL about them.

import type { SwapRecord } from '../domain/swaps/types.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate, type SwapStatus } from '../domain/types.js'
import { names, type Sql } from './sql.js'

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
    id: Number(r.id), requester: r.requester, counterpart: r.counterpart, date: r.date, payback: r.payback, status: r.status as SwapStatus,
    reason: r.reason, createdAt: r.created_at, decidedBy: r.decided_by, decisionReason: r.decision_reason, reverses: r.reverses === null ? null : Number(r.reverses),
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

export function swapsStore(sql: Sql) {
  const find = (id: number): SwapRecord | undefined => {
    const r = sql.get<SwapRow>(`SELECT ${COLUMNS} FROM swap WHERE id = ?`, [id])
    return r && rowToSwap(r)
  }
  return {
    /** Stores a new pending swap and returns it with its id. */
    insert(s: NewSwap): SwapRecord {
      const r = sql.get<{ id: number }>(`INSERT INTO swap (requester, counterpart, date, payback, status, reason, created_at, reverses) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id`, [
        s.requester, s.counterpart, s.date, s.payback, s.reason, s.createdAt, s.reverses ?? null,
      ])!
      return find(Number(r.id))!
    },

    find,

    /**
     * Swaps matching every given filter, by D1 then id. A person's swaps are
     * found by the requester and counterpart indexes, a month's by the date and
     * payback indexes, the rest in date order from the date index.
     */
    list(f: SwapFilter = {}): SwapRecord[] {
      // Every stored date is YYYY-MM-DD: a month's lie from "YYYY-MM-" up to, not including, "YYYY-MM." ('.' follows '-').
      const params = {
        status: f.status ?? null,
        staff: f.staff ?? null,
        monthFrom: f.month === undefined ? null : `${f.month}-`,
        monthTo: f.month === undefined ? null : `${f.month}.`,
      }
      if (f.from !== undefined && f.to !== undefined) {
        return sql.all<SwapRow>(`SELECT ${COLUMNS} FROM swap
      WHERE (date BETWEEN @from AND @to OR payback BETWEEN @from AND @to)
        AND (@status IS NULL OR status = @status) AND (@staff IS NULL OR requester = @staff OR counterpart = @staff)
      ORDER BY date, id`, { status: params.status, staff: params.staff, from: f.from, to: f.to }).map(rowToSwap)
      }
      let text: string
      if (f.staff !== undefined) {
        text = `SELECT ${COLUMNS} FROM swap
      WHERE (requester = @staff OR counterpart = @staff)
        AND (@status IS NULL OR status = @status)
        AND (@monthFrom IS NULL OR (date >= @monthFrom AND date < @monthTo) OR (payback >= @monthFrom AND payback < @monthTo))
      ORDER BY date, id`
      } else if (f.month !== undefined) {
        text = `SELECT ${COLUMNS} FROM swap
      WHERE ((date >= @monthFrom AND date < @monthTo) OR (payback >= @monthFrom AND payback < @monthTo))
        AND (@status IS NULL OR status = @status)
      ORDER BY date, id`
      } else {
        text = `SELECT ${COLUMNS} FROM swap WHERE (@status IS NULL OR status = @status) ORDER BY date, id`
      }
      return sql.all<SwapRow>(text, params).map(rowToSwap)
    },

    /**
     * Pending, accepted and approved swaps of any of `people`, by D1 then id, in
     * one query. With `touching`, only those with D1 or D2 in that range: what the
     * swap rules look at around a date, however long the history.
     */
    activeOf(people: readonly string[], touching?: { from: IsoDate; to: IsoDate }): SwapRecord[] {
      const unique = [...new Set(people)]
      if (!unique.length) return []
      const who = names('who', unique)
      const statuses = names('status', ACTIVE_SWAP_STATUSES)
      if (!touching) {
        return sql.all<SwapRow>(`SELECT ${COLUMNS} FROM swap
      WHERE (requester IN (${who.list}) OR counterpart IN (${who.list}))
        AND status IN (${statuses.list})
      ORDER BY date, id`, { ...who.bind, ...statuses.bind }).map(rowToSwap)
      }
      // Three ways in, each by an index: as requester or as counterpart by D1, or by D2.
      return sql.all<SwapRow>(`SELECT ${COLUMNS} FROM swap
    WHERE status IN (${statuses.list}) AND (
      (requester IN (${who.list}) AND date BETWEEN @from AND @to)
      OR (counterpart IN (${who.list}) AND date BETWEEN @from AND @to)
      OR (payback BETWEEN @from AND @to AND (requester IN (${who.list}) OR counterpart IN (${who.list}))))
    ORDER BY date, id`, { ...who.bind, ...statuses.bind, from: touching.from, to: touching.to }).map(rowToSwap)
    },

    /**
     * How many active (pending, accepted or approved) swaps each person takes part
     * in, as requester or counterpart, whose date (D1) is within [from, to]: the
     * count `swap.monthly-limit` holds against `swap.max-per-month`. People with
     * none are absent. Reversals (swap undo) count for nobody.
     */
    countActiveByStaff(from: IsoDate, to: IsoDate): Map<string, number> {
      const statuses = names('status', ACTIVE_SWAP_STATUSES)
      const rows = sql.all<{ who: string; n: number }>(`SELECT who, count(*) AS n FROM (
                           SELECT requester AS who FROM swap WHERE date BETWEEN @from AND @to AND status IN (${statuses.list}) AND reverses IS NULL
                           UNION ALL
                           SELECT counterpart AS who FROM swap WHERE date BETWEEN @from AND @to AND status IN (${statuses.list}) AND reverses IS NULL
                         ) taking_part GROUP BY who`, { from, to, ...statuses.bind })
      return new Map(rows.map((r) => [r.who, Number(r.n)]))
    },

    /**
     * Approved swaps (reversals left out) whose D1 or payback date falls within
     * [from, to], by D1 then id; with `staff`, only those that person takes part in.
     */
    approved(from: IsoDate, to: IsoDate, staff?: string): ApprovedSwap[] {
      return sql.all<ApprovedSwap>(`SELECT id, requester, counterpart, date, payback FROM swap
                   WHERE status = 'approved' AND reverses IS NULL
                     AND (date BETWEEN @from AND @to OR payback BETWEEN @from AND @to)
                     AND (@staff IS NULL OR requester = @staff OR counterpart = @staff)
                   ORDER BY date, id`, { from, to, staff: staff ?? null }).map((r) => ({ ...r, id: Number(r.id) }))
    },

    /** Moves a swap to `status`; a final decision records who made it. Returns false when the swap was not in `from`. */
    updateStatus(id: number, from: SwapStatus, status: SwapStatus, decidedBy: string | null, decisionReason: string | null): boolean {
      return sql.run(`UPDATE swap SET status = ?, decided_by = ?, decision_reason = ? WHERE id = ? AND status = ?`, [status, decidedBy, decisionReason, id, from]).changes === 1
    },

    /** The reversal of swap `id` still in progress (pending or accepted), if any; the oldest first. */
    openReversal(id: number): SwapRecord | undefined {
      const r = sql.get<SwapRow>(`SELECT ${COLUMNS} FROM swap WHERE reverses = ? AND status IN ('pending', 'accepted') ORDER BY id LIMIT 1`, [id])
      return r && rowToSwap(r)
    },

    /** Marks an approved swap undone (its reversal was approved); false when it was not approved. Who approved it stays recorded. */
    markUndone(id: number): boolean {
      return sql.run(`UPDATE swap SET status = 'undone' WHERE id = ? AND status = 'approved' AND reverses IS NULL`, [id]).changes === 1
    },
  }
}

export type SwapsStore = ReturnType<typeof swapsStore>
