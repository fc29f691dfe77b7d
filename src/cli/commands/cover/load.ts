// Reads what cover, open shifts and the inbox judge from the store. Call
// inside the same transaction as a write that depends on the answer.

import { coverMargin, rankCoverCandidates, type CoverCandidate, type CoverWishes } from '../../../domain/cover/candidates.js'
import { addDays, monthRange, monthOf } from '../../../domain/dates.js'
import type { RosterState } from '../../../domain/roster.js'
import type { IsoDate, ShiftType } from '../../../domain/types.js'
import { NotFoundError } from '../../../errors.js'
import { wishOn, type Wish } from '../../../domain/wishes/wish.js'
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
 * The wishes (SPEC 9) that speak of `date`, as the ranking's hook: a wish for
 * that shift speaks for it (granted), a day off or `--not` it against; where a
 * person has both, the one for it counts, and among several the heaviest.
 */
export function loadCoverWishes(ctx: Ctx, date: IsoDate): CoverWishes | undefined {
  const wishes = ctx.store().wishes.list({ from: date, to: date }).filter((w) => wishOn(w, date))
  if (!wishes.length) return undefined
  return (staff, day, shift) => {
    if (day !== date) return null
    const mine = wishes.filter((w) => w.staff === staff)
    const heaviest = (list: Wish[]) => list.reduce<Wish | null>((best, w) => (!best || w.weight > best.weight ? w : best), null)
    const forIt = heaviest(mine.filter((w) => w.kind === 'shift' && w.shift === shift))
    const against = heaviest(mine.filter((w) => w.kind === 'off' || (w.kind === 'not' && w.shift === shift)))
    const w = forIt ?? against
    if (!w) return null
    return { wish: w.id, granted: w === forIt, text: w.reason ?? '', what: { kind: w.kind, shift: w.shift } }
  }
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
