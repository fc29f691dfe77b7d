// How evenly a roster shares the work: per person counts, and per metric the
// spread (most minus least) across the team.

import { isWeekend } from './dates.js'
import type { Assignment, Holiday, IsoDate, ShiftType } from './types.js'

export interface StaffFairness {
  id: string
  /** Shifts worked per shift code (every code present, zero included). */
  shifts: Record<string, number>
  /** All shifts worked in the range. */
  total: number
  /** Days of the range without any shift (leave days included). */
  daysOff: number
  /** Shifts on Saturdays and Sundays, make-up working days (调休上班) not counted. */
  weekend: number
  /** Shifts on holidays. */
  holiday: number
}

/** Per metric, the largest count minus the smallest across the staff. */
export interface FairnessSpread {
  shifts: Record<string, number>
  total: number
  daysOff: number
  weekend: number
  holiday: number
}

export interface FairnessSummary {
  staff: StaffFairness[]
  spread: FairnessSpread
}

/**
 * Counts, for each of `staff` (in that order), their shifts on `dates` by
 * type, in total, on weekends and on holidays, and their days off; and the
 * spread of each count. Assignments outside `dates` or of other people are ignored.
 * A Saturday or Sunday among `workdays` (a make-up working day) is a working day, no weekend.
 */
export function computeFairness(
  assignments: readonly Assignment[],
  staff: readonly string[],
  shifts: readonly ShiftType[],
  dates: readonly IsoDate[],
  holidays: readonly Holiday[],
  workdays: readonly IsoDate[] = [],
): FairnessSummary {
  const inRange = new Set(dates)
  // Each date's weekday once, not once per shift on it (a year of 200 people has 46,000 shifts on 364 dates).
  const workdaySet = new Set(workdays)
  const weekendDates = new Set(dates.filter((d) => isWeekend(d) && !workdaySet.has(d)))
  const holidayDates = new Set(holidays.map((h) => h.date))
  const rows = new Map<string, StaffFairness>()
  const workedDays = new Map<string, Set<IsoDate>>()
  for (const id of staff) {
    rows.set(id, { id, shifts: Object.fromEntries(shifts.map((s) => [s.code, 0])), total: 0, daysOff: 0, weekend: 0, holiday: 0 })
    workedDays.set(id, new Set())
  }
  for (const a of assignments) {
    const row = rows.get(a.staff)
    if (!row || !inRange.has(a.date)) continue
    row.shifts[a.shift] = (row.shifts[a.shift] ?? 0) + 1
    row.total++
    if (weekendDates.has(a.date)) row.weekend++
    if (holidayDates.has(a.date)) row.holiday++
    workedDays.get(a.staff)!.add(a.date)
  }
  for (const row of rows.values()) row.daysOff = inRange.size - workedDays.get(row.id)!.size
  const list = [...rows.values()]
  const spreadOf = (f: (r: StaffFairness) => number): number => (list.length ? Math.max(...list.map(f)) - Math.min(...list.map(f)) : 0)
  const codes = new Set([...shifts.map((s) => s.code), ...list.flatMap((r) => Object.keys(r.shifts))])
  return {
    staff: list,
    spread: {
      shifts: Object.fromEntries([...codes].map((c) => [c, spreadOf((r) => r.shifts[c] ?? 0)])),
      total: spreadOf((r) => r.total),
      daysOff: spreadOf((r) => r.daysOff),
      weekend: spreadOf((r) => r.weekend),
      holiday: spreadOf((r) => r.holiday),
    },
  }
}
