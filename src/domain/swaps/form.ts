// The swap registration form (换班登记表) as data: who gives which shift to
// whom on which day, ready to be printed and signed.

import { formatHhmm } from '../clock.js'
import type { Assignment, ShiftType, Staff } from '../types.js'
import { swapKind, type SwapKind } from './plan.js'
import type { SwapRecord } from './types.js'
import { compareText } from '../compare.js'

export interface SwapFormLine {
  date: string
  shift: string
  hours: string
  remote: boolean
  /** Who was on the roster for it before the swap. */
  scheduled: string
  /** Who works it after the swap. */
  works: string
}

export interface SwapForm {
  swap: SwapRecord
  kind: SwapKind
  requester: Pick<Staff, 'id' | 'name'>
  counterpart: Pick<Staff, 'id' | 'name'>
  /** Empty when the roster no longer holds the shifts the swap names. */
  lines: SwapFormLine[]
  generatedAt: string
}

/**
 * Builds the form from the swap and the assignments it moves: `moved` are the
 * assignments after the swap (the plan's `add`, or what approval added). Each
 * line pairs a moved shift with the person who gave it up.
 */
export function buildSwapForm(
  swap: SwapRecord,
  people: { requester: Pick<Staff, 'id' | 'name'>; counterpart: Pick<Staff, 'id' | 'name'> },
  moved: readonly Assignment[],
  shifts: readonly ShiftType[],
  generatedAt: string,
): SwapForm {
  const byCode = new Map(shifts.map((s) => [s.code, s]))
  const lines = [...moved]
    .sort((a, b) => compareText(a.date, b.date) || (byCode.get(a.shift)?.start ?? 0) - (byCode.get(b.shift)?.start ?? 0))
    .map((a) => {
      const s = byCode.get(a.shift)
      const other = a.staff === swap.requester ? swap.counterpart : swap.requester
      return { date: a.date, shift: a.shift, hours: s ? `${formatHhmm(s.start)}-${formatHhmm(s.end)}` : '', remote: !!s?.remote, scheduled: other, works: a.staff }
    })
  return { swap, kind: swapKind(swap), requester: people.requester, counterpart: people.counterpart, lines, generatedAt }
}
