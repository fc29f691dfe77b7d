// Approved swaps are promises: what they made of both people's days is held
// fixed when the roster is drawn up again.

import type { FixedCell } from '../generate.js'
import type { Assignment, IsoDate, Swap } from '../types.js'
import { swapDates } from './plan.js'

/**
 * The cells `generate --replace` must keep for the approved swaps (reversals
 * and other states are no promise): for each swap date (D1, and D2 for a
 * cover) within [from, to], each of the two people's shifts that day as the
 * roster holds them now, or a day off when they work none.
 */
export function swapFixedCells(assignments: readonly Assignment[], swaps: readonly Swap[], from: IsoDate, to: IsoDate): FixedCell[] {
  const out: FixedCell[] = []
  for (const s of swaps) {
    if (s.status !== 'approved' || s.reverses) continue
    for (const date of swapDates(s)) {
      if (date < from || date > to) continue
      for (const staff of [s.requester, s.counterpart]) {
        const shifts = assignments.filter((a) => a.staff === staff && a.date === date).map((a) => a.shift).sort()
        if (!shifts.length) out.push({ staff, date, shift: null, swap: s.id })
        for (const shift of shifts) out.push({ staff, date, shift, swap: s.id })
      }
    }
  }
  return out
}

/** The ids of the swaps behind `cells`, in order. */
export function fixedSwapIds(cells: readonly FixedCell[]): number[] {
  return [...new Set(cells.map((c) => c.swap))].sort((a, b) => a - b)
}
