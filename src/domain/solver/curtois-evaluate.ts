// The benchmark's own verdict on a roster, computed from the instance as read
// (ids, days, the rules as the format states them), not from the solver's
// model or its incremental state: the check `roster solve` passes every
// answer through before it prints it, and what the tests hold the solver to.
//
// Hard rules (each a violation): one shift per person per day; forbidden
// successions (shift S on day d, then on day d+1 one of those S says cannot
// follow it); at most MaxShifts of each type; total minutes within
// [MinTotalMinutes, MaxTotalMinutes]; at most MaxConsecutiveShifts working
// days in a row; runs of working days and of days off of at least
// MinConsecutiveShifts and MinConsecutiveDaysOff, except a run that touches
// the first or the last day of the horizon; at most MaxWeekends weekends with
// work (a Saturday or Sunday; day 0 is a Monday); no shift on a listed day off.
// The objective: each shift-on request not granted costs its weight, each
// shift-off request not granted costs its weight, and each (day, shift) costs
// its under weight per person missing and its over weight per person too many.

import type { CurtoisInstance } from './curtois.js'

export interface CurtoisAssignment {
  staff: string
  day: number
  shift: string
}

export interface CurtoisViolation {
  rule:
    | 'unknown-staff'
    | 'unknown-shift'
    | 'day-outside-horizon'
    | 'one-shift-per-day'
    | 'forbidden-succession'
    | 'max-shifts'
    | 'max-total-minutes'
    | 'min-total-minutes'
    | 'max-consecutive-shifts'
    | 'min-consecutive-shifts'
    | 'min-consecutive-days-off'
    | 'max-weekends'
    | 'day-off'
  staff: string
  day?: number
  message: string
}

export interface CurtoisVerdict {
  /** The benchmark's objective: coverCost + onRequestCost + offRequestCost. */
  objective: number
  /** People missing and people too many, summed over every (day, shift), and what they cost. */
  under: number
  underCost: number
  over: number
  overCost: number
  coverCost: number
  /** Requests not granted, and what they cost. */
  onRequestsMissed: number
  onRequestCost: number
  offRequestsMissed: number
  offRequestCost: number
  violations: CurtoisViolation[]
}

/** The objective and every broken hard rule of `assignments` (what each person works on which day) under `inst`. */
export function evaluateCurtois(inst: CurtoisInstance, assignments: readonly CurtoisAssignment[]): CurtoisVerdict {
  const D = inst.horizon
  const violations: CurtoisViolation[] = []
  const shiftById = new Map(inst.shifts.map((s) => [s.id, s]))
  const staffIds = new Set(inst.staff.map((p) => p.id))

  // Each person's row: the shift id worked on each day, or null.
  const rows = new Map<string, (string | null)[]>()
  for (const p of inst.staff) rows.set(p.id, new Array<string | null>(D).fill(null))
  for (const a of assignments) {
    if (!staffIds.has(a.staff)) {
      violations.push({ rule: 'unknown-staff', staff: a.staff, message: `${a.staff} is not in the instance` })
      continue
    }
    if (!shiftById.has(a.shift)) {
      violations.push({ rule: 'unknown-shift', staff: a.staff, day: a.day, message: `shift ${a.shift} is not in the instance` })
      continue
    }
    if (!Number.isInteger(a.day) || a.day < 0 || a.day >= D) {
      violations.push({ rule: 'day-outside-horizon', staff: a.staff, day: a.day, message: `day ${a.day} is outside days 0 to ${D - 1}` })
      continue
    }
    const row = rows.get(a.staff)!
    if (row[a.day] !== null) {
      violations.push({ rule: 'one-shift-per-day', staff: a.staff, day: a.day, message: `${a.staff} has two shifts on day ${a.day} (${row[a.day]} and ${a.shift})` })
      continue
    }
    row[a.day] = a.shift
  }

  for (const p of inst.staff) {
    const row = rows.get(p.id)!
    const worked = (d: number) => row[d] !== null

    for (let d = 0; d + 1 < D; d++) {
      const s = row[d]
      const next = row[d + 1]
      if (s && next && shiftById.get(s)!.cannotFollow.includes(next)) {
        violations.push({ rule: 'forbidden-succession', staff: p.id, day: d + 1, message: `${p.id} works ${next} on day ${d + 1} right after ${s}` })
      }
    }

    for (const [s, max] of p.maxShifts) {
      const n = row.filter((v) => v === s).length
      if (n > max) violations.push({ rule: 'max-shifts', staff: p.id, message: `${p.id} works ${n} ${s} shifts, at most ${max}` })
    }

    let minutes = 0
    for (const s of row) if (s) minutes += shiftById.get(s)!.minutes
    if (minutes > p.maxTotalMinutes) violations.push({ rule: 'max-total-minutes', staff: p.id, message: `${p.id} works ${minutes} minutes, at most ${p.maxTotalMinutes}` })
    if (minutes < p.minTotalMinutes) violations.push({ rule: 'min-total-minutes', staff: p.id, message: `${p.id} works ${minutes} minutes, at least ${p.minTotalMinutes}` })

    // Runs: maximal stretches of working days or of days off.
    for (let start = 0; start < D; ) {
      let end = start
      while (end + 1 < D && worked(end + 1) === worked(start)) end++
      const len = end - start + 1
      const atEdge = start === 0 || end === D - 1
      if (worked(start)) {
        if (len > p.maxConsecutiveShifts) {
          violations.push({ rule: 'max-consecutive-shifts', staff: p.id, day: start, message: `${p.id} works ${len} days in a row from day ${start}, at most ${p.maxConsecutiveShifts}` })
        }
        if (!atEdge && len < p.minConsecutiveShifts) {
          violations.push({ rule: 'min-consecutive-shifts', staff: p.id, day: start, message: `${p.id} works ${len} days in a row from day ${start}, at least ${p.minConsecutiveShifts}` })
        }
      } else if (!atEdge && len < p.minConsecutiveDaysOff) {
        violations.push({ rule: 'min-consecutive-days-off', staff: p.id, day: start, message: `${p.id} has ${len} days off in a row from day ${start}, at least ${p.minConsecutiveDaysOff}` })
      }
      start = end + 1
    }

    // Weekends: days 5 and 6 of each week.
    let weekends = 0
    for (let sat = 5; sat < D; sat += 7) if (worked(sat) || (sat + 1 < D && worked(sat + 1))) weekends++
    if (weekends > p.maxWeekends) violations.push({ rule: 'max-weekends', staff: p.id, message: `${p.id} works ${weekends} weekends, at most ${p.maxWeekends}` })

    for (const d of inst.daysOff.get(p.id) ?? []) {
      if (worked(d)) violations.push({ rule: 'day-off', staff: p.id, day: d, message: `${p.id} works ${row[d]} on day ${d}, a day off` })
    }
  }

  let onRequestsMissed = 0
  let onRequestCost = 0
  for (const r of inst.onRequests) {
    if (rows.get(r.staff)![r.day] !== r.shift) {
      onRequestsMissed++
      onRequestCost += r.weight
    }
  }
  let offRequestsMissed = 0
  let offRequestCost = 0
  for (const r of inst.offRequests) {
    if (rows.get(r.staff)![r.day] === r.shift) {
      offRequestsMissed++
      offRequestCost += r.weight
    }
  }

  let under = 0
  let underCost = 0
  let over = 0
  let overCost = 0
  for (const c of inst.cover) {
    let n = 0
    for (const row of rows.values()) if (row[c.day] === c.shift) n++
    if (n < c.requirement) {
      under += c.requirement - n
      underCost += (c.requirement - n) * c.underWeight
    } else if (n > c.requirement) {
      over += n - c.requirement
      overCost += (n - c.requirement) * c.overWeight
    }
  }

  const coverCost = underCost + overCost
  return { objective: coverCost + onRequestCost + offRequestCost, under, underCost, over, overCost, coverCost, onRequestsMissed, onRequestCost, offRequestsMissed, offRequestCost, violations }
}
