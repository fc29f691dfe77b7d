// How a swap changes the roster. Exchange: R and P trade shifts on D1. Cover:
// P takes R's shift on D1 and R takes P's shift on D2 (the payback).

import { addDays, monthOf, monthRange } from '../dates.js'
import { applyAssignments, shiftMap, type RosterState } from '../roster.js'
import type { Assignment, IsoDate } from '../types.js'
import type { SwapProposal } from './types.js'

export type SwapKind = 'exchange' | 'cover'

export interface SwapPlan {
  kind: SwapKind
  remove: Assignment[]
  add: Assignment[]
}

/** The proposal's kind from its shape: a payback date makes it a cover. */
export function swapKind(swap: Pick<SwapProposal, 'payback'>): SwapKind {
  return swap.payback ? 'cover' : 'exchange'
}

/** The dates a swap touches for both people: D1, and D2 for a cover. */
export function swapDates(swap: Pick<SwapProposal, 'date' | 'payback'>): IsoDate[] {
  return swap.payback ? [swap.date, swap.payback] : [swap.date]
}

/** A person's assignments on one date, earliest shift first. */
export function shiftsOn(state: RosterState, staff: string, date: IsoDate): Assignment[] {
  const starts = shiftMap(state.shifts)
  return state.assignments
    .filter((a) => a.staff === staff && a.date === date)
    .sort((x, y) => (starts.get(x.shift)?.start ?? 0) - (starts.get(y.shift)?.start ?? 0))
}

/**
 * The assignments to remove and add, or null when the roster does not allow
 * the swap (swap.ownership says why). Never touches the state it is given.
 */
export function planSwap(state: RosterState, swap: SwapProposal): SwapPlan | null {
  if (swap.requester === swap.counterpart) return null
  const mine = shiftsOn(state, swap.requester, swap.date)[0]
  if (!mine) return null
  const theirs = shiftsOn(state, swap.counterpart, swap.date)
  if (!swap.payback) {
    const other = theirs.find((a) => a.shift !== mine.shift)
    if (!other || theirs.some((a) => a.shift === mine.shift)) return null
    return {
      kind: 'exchange',
      remove: [mine, other],
      add: [
        { date: swap.date, shift: other.shift, staff: swap.requester },
        { date: swap.date, shift: mine.shift, staff: swap.counterpart },
      ],
    }
  }
  if (theirs.length || swap.payback === swap.date) return null
  if (shiftsOn(state, swap.requester, swap.payback).length) return null
  const owed = shiftsOn(state, swap.counterpart, swap.payback)[0]
  if (!owed) return null
  return {
    kind: 'cover',
    remove: [mine, owed],
    add: [
      { date: swap.date, shift: mine.shift, staff: swap.counterpart },
      { date: swap.payback, shift: owed.shift, staff: swap.requester },
    ],
  }
}

/** The roster after the swap, or null when it cannot be applied. */
export function applySwap(state: RosterState, swap: SwapProposal): RosterState | null {
  const plan = planSwap(state, swap)
  return plan ? applyAssignments(state, plan.remove, plan.add) : null
}

/** Days around the swap's dates that the back-to-back check reports on. */
export function reportMargin(maxConsecutiveDays: number): number {
  return Math.max(7, maxConsecutiveDays + 1)
}

/**
 * The dates a command must load so every swap rule sees enough: the swap's
 * dates ± the report margin, plus a full run of max-consecutive-days beyond it
 * (a run that starts before the window still counts).
 */
export function swapWindow(swap: Pick<SwapProposal, 'date' | 'payback'>, maxConsecutiveDays: number): { from: IsoDate; to: IsoDate } {
  const dates = swapDates(swap).sort()
  const margin = reportMargin(maxConsecutiveDays) + maxConsecutiveDays + 1
  return { from: addDays(dates[0]!, -margin), to: addDays(dates[dates.length - 1]!, margin) }
}

/**
 * The dates whose swaps the swap rules weigh for a swap giving away `date`
 * with paybacks on or between `paybacks`: the calendar month of D1
 * (swap.monthly-limit counts by D1) and a day either side of every swap date
 * (swap.consecutive). Older and later swaps cannot change the verdict.
 */
export function swapRuleWindow(date: IsoDate, paybacks: readonly IsoDate[]): { from: IsoDate; to: IsoDate } {
  const month = monthRange(monthOf(date))
  const dates = [date, ...paybacks].sort()
  const first = addDays(dates[0]!, -1)
  const last = addDays(dates[dates.length - 1]!, 1)
  return { from: first < month.from ? first : month.from, to: last > month.to ? last : month.to }
}
