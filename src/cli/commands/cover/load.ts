// Reads what cover, open shifts and the inbox judge from the store. Call
// inside the same transaction as a write that depends on the answer.

import { coverMargin, rankCoverCandidates, type CoverCandidate, type CoverWishes } from '../../../domain/cover/candidates.js'
import { addDays, monthRange, monthOf } from '../../../domain/dates.js'
import type { RosterState } from '../../../domain/roster.js'
import type { IsoDate, ShiftType } from '../../../domain/types.js'
import { NotFoundError } from '../../../errors.js'
import type { Ctx } from '../../context.js'

/** The roster from `from` to `to`, widened by the rules' margins, with the shift types in use. */
export function loadCoverState(ctx: Ctx, from: IsoDate, to: IsoDate): RosterState {
    const config = ctx.config()
  const margin = coverMargin(config.maxConsecutiveDays)
  const lo = addDays(from, -margin)
  const hi = addDays(to, margin)
  return { shifts: ctx.store().shifts.active(), assignments: ctx.store().assignments.find(lo, hi), leaves: ctx.store().leaves.list({ from: lo, to: hi }), holidays: ctx.store().holidays.list(lo, hi), config }
}

/** The shift type in use with that code; a usage error (exit 2) when there is none. */
export function activeShift(ctx: Ctx, code: string): ShiftType {
  const shift = ctx.store().shifts.find(code)
  if (!shift || !shift.active) throw new NotFoundError((t) => t.errors.unknownShift(code))
  return shift
}

/**
 * The hook for wishes (SPEC 9): none are known in this database yet. When the
 * wish store arrives, return a CoverWishes that looks up the person's wishes
 * for that date (a wish for the shift: granted; a day off or `--not` it: against).
 */
export function loadCoverWishes(_ctx: Ctx, _date: IsoDate): CoverWishes | undefined {
  return undefined
}

export interface CoverReport {
  date: IsoDate
  shift: ShiftType
  have: number
  candidates: CoverCandidate[]
}

/** Everyone on the rotation judged for `shift` on `date`, best first. */
export function coverReport(ctx: Ctx, date: IsoDate, code: string): CoverReport {
  const shift = activeShift(ctx, code)
  const state = loadCoverState(ctx, date, date)
  const month = monthRange(monthOf(date))
  const people = ctx.store().staff.all().filter((s) => s.rotation)
  const wishes = loadCoverWishes(ctx, date)
  const candidates = rankCoverCandidates(state, { date, shift: code, people, month: ctx.store().assignments.find(month.from, month.to), ...(wishes ? { wishes } : {}) })
  const have = state.assignments.filter((a) => a.date === date && a.shift === code).length
  return { date, shift, have, candidates }
}
