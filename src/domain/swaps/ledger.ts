// The swap ledger: who swapped with whom (approved swaps only), how often
// each pair did and who asked, and which covers are still to be paid back.

import { addDays } from '../dates.js'
import { compareText } from '../compare.js'
import type { IsoDate, ShiftType, Swap } from '../types.js'
import { swapKind, type SwapKind } from './plan.js'

/** A moment on the civil calendar: a date and a minute of that day (0..1440). */
export interface Moment {
  date: IsoDate
  minute: number
}

export interface LedgerPair {
  /** The two people, in id order. */
  staff: [string, string]
  swaps: number
  /** How many of them each of the two asked for (as requester), in the order of `staff`. */
  requested: [number, number]
  exchanges: number
  covers: number
  /** Covers between them still to be paid back. */
  owed: number
}

/** A cover whose payback the requester has not worked yet. */
export interface OwedPayback {
  swap: number
  /** The requester: they gave their shift away and owe a shift in return. */
  debtor: string
  /** The counterpart, who covered it. */
  creditor: string
  /** D1, the day covered. */
  date: IsoDate
  /** D2, the day the debtor works the creditor's shift. */
  payback: IsoDate
  /** The shift the debtor works on D2, when the roster still has it. */
  shift: string | null
  /** When the payback is done: the end of that shift (the next day for one crossing midnight), else the end of D2. */
  due: Moment
}

export interface LedgerSwap {
  id: number
  requester: string
  counterpart: string
  date: IsoDate
  payback: IsoDate | null
  kind: SwapKind
  /** For a cover: the shift the requester works on D2, when the roster still has it. */
  paybackShift: string | null
  /** For a cover: whether the payback is still to be worked. */
  owed: boolean
}

export interface SwapLedger {
  swaps: LedgerSwap[]
  pairs: LedgerPair[]
  owed: OwedPayback[]
  /** Swaps that were approved and then undone (swap undo): no longer in the roster nor in the counts above. */
  undone: UndoneSwap[]
}

/** An approved swap that was undone: who, when and what kind, without the payback's state. */
export interface UndoneSwap extends Omit<LedgerSwap, 'paybackShift' | 'owed'> {
  /** The approved reversal that undid it, when among the swaps given. */
  undoneBy: number | null
}

/**
 * Builds the ledger of `swaps` (approved ones count; undone ones are listed
 * apart with the reversal that undid them; others, reversals included, are ignored).
 * A cover is owed until the end of the payback shift, by `now`:
 * `paybackShifts` gives, per swap id, the shift the requester works on D2.
 * Pairs come most swaps first, then by ids; owed paybacks by due time.
 */
export function swapLedger(swaps: readonly Swap[], paybackShifts: ReadonlyMap<number, ShiftType>, now: Moment): SwapLedger {
  const approved = swaps.filter((s) => s.status === 'approved' && !s.reverses).sort((a, b) => compareText(a.date, b.date) || a.id - b.id)
  const pairs = new Map<string, LedgerPair>()
  const owed: OwedPayback[] = []
  const entries: LedgerSwap[] = []
  for (const s of approved) {
    const entry: LedgerSwap = { id: s.id, requester: s.requester, counterpart: s.counterpart, date: s.date, payback: s.payback, kind: swapKind(s), paybackShift: null, owed: false }
    entries.push(entry)
    const staff: [string, string] = compareText(s.requester, s.counterpart) <= 0 ? [s.requester, s.counterpart] : [s.counterpart, s.requester]
    const key = staff.join('|')
    const pair = pairs.get(key) ?? { staff, swaps: 0, requested: [0, 0], exchanges: 0, covers: 0, owed: 0 }
    pairs.set(key, pair)
    pair.swaps++
    pair.requested[s.requester === staff[0] ? 0 : 1]++
    if (!s.payback) {
      pair.exchanges++
      continue
    }
    pair.covers++
    const shift = paybackShifts.get(s.id)
    entry.paybackShift = shift?.code ?? null
    const due = shift ? shiftEnd(s.payback, shift) : { date: addDays(s.payback, 1), minute: 0 }
    if (before(now, due)) {
      entry.owed = true
      pair.owed++
      owed.push({ swap: s.id, debtor: s.requester, creditor: s.counterpart, date: s.date, payback: s.payback, shift: shift?.code ?? null, due })
    }
  }
  const reversals = new Map(swaps.filter((s) => s.status === 'approved' && s.reverses).map((s) => [s.reverses!, s.id]))
  const undone = swaps
    .filter((s) => s.status === 'undone')
    .sort((a, b) => compareText(a.date, b.date) || a.id - b.id)
    .map((s) => ({ id: s.id, requester: s.requester, counterpart: s.counterpart, date: s.date, payback: s.payback, kind: swapKind(s), undoneBy: reversals.get(s.id) ?? null }))
  return {
    undone,
    swaps: entries,
    pairs: [...pairs.values()].sort((a, b) => b.swaps - a.swaps || compareText(a.staff[0], b.staff[0]) || compareText(a.staff[1], b.staff[1])),
    owed: owed.sort((a, b) => compareText(a.due.date, b.due.date) || a.due.minute - b.due.minute || a.swap - b.swap),
  }
}

/** The end of `shift` worked on `date`: an end at or before the start is on the next day. */
function shiftEnd(date: IsoDate, shift: ShiftType): Moment {
  if (shift.end <= shift.start) return { date: addDays(date, 1), minute: shift.end }
  return { date, minute: shift.end }
}

function before(a: Moment, b: Moment): boolean {
  return a.date < b.date || (a.date === b.date && a.minute < b.minute)
}
