// When somebody is on duty, and which minutes of the daily service window
// nobody covers. Times are minutes from the midnight that starts the day.
//
// Edges: a shift whose end is at or before its start crosses midnight, so it
// covers the evening of its own date and the early hours of the next; a
// shift type with headcount 0 is one the desk does not staff, so it covers
// nothing even if someone is on it; an assignment to an unknown shift code
// has no hours and covers nothing.

import { absoluteEnd } from './clock.js'
import { addDays } from './dates.js'
import type { Assignment, IsoDate, ServiceHours, ShiftType } from './types.js'
import { compareText } from './compare.js'

/** A half-open stretch [from, to) of one day, 0 <= from < to <= 1440. */
export interface Interval {
  from: number
  to: number
}

/** One assignment's time on duty within one day. */
export interface DutySpan extends Interval {
  assignment: Assignment
  shift: ShiftType
  /** True for the after-midnight part of a shift that began the day before. */
  fromDayBefore: boolean
}

export interface CoverageGap extends Interval {
  date: IsoDate
}

/**
 * The stretches of `date` each assignment is on duty: shifts of `date` from
 * their start (to midnight at most), and the after-midnight part of shifts of
 * the day before that cross midnight. Sorted by start, then shift code, then staff.
 */
export function dutySpans(date: IsoDate, assignments: readonly Assignment[], shifts: readonly ShiftType[]): DutySpan[] {
  const byCode = new Map(shifts.map((s) => [s.code, s]))
  const dayBefore = addDays(date, -1)
  const out: DutySpan[] = []
  for (const a of assignments) {
    const shift = byCode.get(a.shift)
    if (!shift) continue
    const end = absoluteEnd(shift.start, shift.end)
    if (a.date === date) out.push({ assignment: a, shift, from: shift.start, to: Math.min(end, 1440), fromDayBefore: false })
    else if (a.date === dayBefore && end > 1440) out.push({ assignment: a, shift, from: 0, to: end - 1440, fromDayBefore: true })
  }
  return out
    .filter((s) => s.to > s.from)
    .sort((x, y) => x.from - y.from || compareText(x.shift.code, y.shift.code) || compareText(x.assignment.staff, y.assignment.staff))
}

/** Who is on duty at `minute` (0..1439) of `date`, counting shifts begun the day before. */
export function onDutyAt(date: IsoDate, minute: number, assignments: readonly Assignment[], shifts: readonly ShiftType[]): DutySpan[] {
  return dutySpans(date, assignments, shifts).filter((s) => s.from <= minute && minute < s.to)
}

/** The parts of `window` that none of `covered` overlaps, in order. */
export function uncovered(window: Interval, covered: readonly Interval[]): Interval[] {
  const out: Interval[] = []
  let at = window.from
  for (const c of [...covered].sort((x, y) => x.from - y.from)) {
    if (c.to <= at) continue
    if (c.from >= window.to) break
    if (c.from > at) out.push({ from: at, to: c.from })
    at = Math.max(at, c.to)
    if (at >= window.to) break
  }
  if (at < window.to) out.push({ from: at, to: window.to })
  return out
}

/**
 * For each of `dates`, the stretches of the service window that no assigned
 * person covers. `assignments` must include the day before the first date so
 * that shifts crossing midnight into it are counted.
 */
export function findCoverageGaps(dates: readonly IsoDate[], assignments: readonly Assignment[], shifts: readonly ShiftType[], service: ServiceHours): CoverageGap[] {
  const window: Interval = { from: service.from, to: service.to }
  if (window.to <= window.from) return []
  const staffed = shifts.filter((s) => s.headcount > 0)
  const byDate = new Map<IsoDate, Assignment[]>()
  for (const a of assignments) {
    const list = byDate.get(a.date)
    if (list) list.push(a)
    else byDate.set(a.date, [a])
  }
  return dates.flatMap((date) => {
    const near = [...(byDate.get(addDays(date, -1)) ?? []), ...(byDate.get(date) ?? [])]
    return uncovered(window, dutySpans(date, near, staffed)).map((g) => ({ date, ...g }))
  })
}

/**
 * The parts of the service window that no staffed shift type covers on any
 * day, whoever works: a setup finding (add a shift or change service.hours),
 * not a gap in the roster. A shift crossing midnight covers the early hours
 * of the service window too (it does so every day once it runs every day).
 */
export function uncoverableHours(shifts: readonly ShiftType[], service: ServiceHours): Interval[] {
  const window: Interval = { from: service.from, to: service.to }
  if (window.to <= window.from) return []
  const spans: Interval[] = []
  for (const s of shifts) {
    if (s.headcount <= 0) continue
    const end = absoluteEnd(s.start, s.end)
    spans.push({ from: s.start, to: Math.min(end, 1440) })
    if (end > 1440) spans.push({ from: 0, to: end - 1440 })
  }
  return uncovered(window, spans)
}

/** The gaps with the uncoverable hours taken out: what is missing because people are. */
export function staffingGaps(gaps: readonly CoverageGap[], uncoverable: readonly Interval[]): CoverageGap[] {
  if (!uncoverable.length) return [...gaps]
  return gaps.flatMap((g) => uncovered(g, uncoverable).map((part) => ({ date: g.date, ...part })))
}
