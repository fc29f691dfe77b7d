// Open shifts: coverage a roster no longer has (leave approved, a person
// removed, `assign --unassign`), counted per date and shift type.

import { dayRange } from '../dates.js'
import type { Assignment, IsoDate, ShiftType } from '../types.js'

export interface OpenShift {
  date: IsoDate
  shift: string
  /** People the shift still needs to reach its headcount (at least 1). */
  missing: number
}

/**
 * Every shift type short of its headcount on each date from `from` to `to`,
 * by date, then in the order `shifts` is given (start time). The caller
 * chooses the range: dates with no roster at all are not open shifts.
 */
export function findOpenShifts(shifts: readonly ShiftType[], assignments: readonly Assignment[], from: IsoDate, to: IsoDate): OpenShift[] {
  const have = new Map<string, number>()
  for (const a of assignments) have.set(`${a.date}|${a.shift}`, (have.get(`${a.date}|${a.shift}`) ?? 0) + 1)
  const out: OpenShift[] = []
  for (const date of dayRange(from, to)) {
    for (const s of shifts) {
      const missing = s.headcount - (have.get(`${date}|${s.code}`) ?? 0)
      if (missing > 0) out.push({ date, shift: s.code, missing })
    }
  }
  return out
}

/** How many more people `shift` needs on `date` (0 when covered). */
export function missingOn(shift: ShiftType, assignments: readonly Assignment[], date: IsoDate): number {
  return Math.max(0, shift.headcount - assignments.filter((a) => a.date === date && a.shift === shift.code).length)
}
