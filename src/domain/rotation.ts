// Rotations that repeat (SPEC 10): one cycle drawn as a pattern that can
// follow itself, laid out cycle after cycle, each person on a line of it.
//
// A pattern has one line per person of the team it was drawn for. In cycle k
// (k = 0 for the cycle that starts on the pattern's start date) person i of
// the line order works line i, or line (i + k) mod P when the lines rotate.
// So the day after a line's last day is the first day of the *next line's
// owner's* line: the same line when lines are kept, the next line when they
// rotate. Every rule must hold across that seam too: the pattern is a ring.
//
// Leave and the roster before the start win over the pattern: the days they
// touch are solved again (every other day stays exactly as the pattern says).

import { addDays, dayRange, diffDays } from './dates.js'
import { computeFairness, type FairnessSummary } from './fairness.js'
import { generateRoster, type FixedCell, type GenerateInput } from './generate.js'
import type { MessageParams } from './messages.js'
import type { RosterState } from './roster.js'
import { checkRules, ROSTER_RULES } from './rules/index.js'
import type { Assignment, Holiday, IsoDate, Leave, RosterConfig, ShiftType, Violation } from './types.js'

/** One drawn cycle: per line, per day of the cycle, the shift worked or null for a day off. */
export interface Pattern {
  /** Days in one cycle (cycle.weeks x 7). */
  days: number
  /** lines[line][day]; there are as many lines as people in the line order. */
  lines: (string | null)[][]
  /** True when each person moves to the next line every cycle. */
  rotate: boolean
}

/** A pattern as the store keeps it: where it starts and who holds which line in its first cycle. */
export interface Rotation extends Pattern {
  /** The first day of cycle 0. */
  start: IsoDate
  /** Staff ids: person i works line i in cycle 0. */
  order: string[]
}

/** The line person `i` of `people` works in cycle `k` (k may be negative: cycles before the start). */
export function lineOf(i: number, k: number, people: number, rotate: boolean): number {
  if (!rotate) return i
  return (((i + k) % people) + people) % people
}

/** Which cycle and which day of it `date` falls on. */
export function cycleDay(start: IsoDate, days: number, date: IsoDate): { cycle: number; day: number } {
  const offset = diffDays(start, date)
  const cycle = Math.floor(offset / days)
  return { cycle, day: offset - cycle * days }
}

/** The assignments the rotation says for `dates`, person by person, exactly as the pattern draws them. */
export function layRotation(rotation: Rotation, dates: readonly IsoDate[]): Assignment[] {
  const P = rotation.order.length
  const out: Assignment[] = []
  for (const date of dates) {
    const { cycle, day } = cycleDay(rotation.start, rotation.days, date)
    rotation.order.forEach((staff, i) => {
      const shift = rotation.lines[lineOf(i, cycle, P, rotation.rotate)]![day]
      if (shift) out.push({ date, shift, staff })
    })
  }
  return out
}

/**
 * Every roster rule broken by the pattern as a ring: the pattern laid for two
 * cycles after one cycle of history, so that each seam (a line's last day
 * into the first day of the line that follows it) is checked once with
 * everything that leads up to it. Empty when the pattern can follow itself
 * for ever.
 */
export function ringViolations(pattern: Pattern, shifts: readonly ShiftType[], config: RosterConfig, start: IsoDate = '2001-01-01'): Violation[] {
  const order = pattern.lines.map((_, i) => `line${i + 1}`)
  const rotation: Rotation = { ...pattern, start, order }
  const from = addDays(start, -pattern.days)
  const to = addDays(start, 2 * pattern.days - 1)
  const state: RosterState = { shifts, assignments: layRotation(rotation, dayRange(from, to)), leaves: [], holidays: [], config }
  return checkRules(ROSTER_RULES, state, { from: start, to })
}

export interface PatternInput {
  start: IsoDate
  /** Days in one cycle. */
  days: number
  /** The line order: person i holds line i in the first cycle. */
  staff: string[]
  shifts: ShiftType[]
  config: RosterConfig
  rotate: boolean
  holidays: Holiday[]
  workdays?: readonly IsoDate[]
  seed: number
  effort?: number
}

export type PatternResult = { ok: true; pattern: Pattern; fairness: FairnessSummary } | { ok: false; violations: Violation[] }

/**
 * Draws one cycle that keeps every roster rule as a ring (ringViolations is
 * empty), with the work shared as generate shares it; or the violations that
 * stand in the way. Leave plays no part: the pattern is the plan, and leave
 * is fitted in when the pattern is laid (fitRotation).
 *
 * How: draw the cycle as a straight roster; while a seam breaks a rule, draw
 * its first days again with the tail of the line before it as history and
 * the rest of the cycle held (so the tail the history came from stays true).
 */
export function drawPattern(input: PatternInput): PatternResult {
  const dates = dayRange(input.start, addDays(input.start, input.days - 1))
  const base: GenerateInput = {
    dates,
    staff: input.staff,
    shifts: input.shifts,
    config: input.config,
    unavailable: new Map(),
    history: [],
    holidays: input.holidays,
    workdays: input.workdays,
    seed: input.seed,
    effort: input.effort,
  }
  const first = generateRoster(base)
  if (!first.ok) return first
  let pattern = toPattern(first.assignments, input.start, input.days, input.staff, input.rotate)
  let fairness = first.fairness
  let ring = ringViolations(pattern, input.shifts, input.config)
  // The first days are drawn again with more and more of the cycle free, from a new seed each time.
  const spans = [7, 10, 14, 5, 7, 10, 14, 3].map((w) => Math.max(1, Math.min(w, input.days - 1)))
  for (let attempt = 0; attempt < spans.length && ring.length; attempt++) {
    const free = spans[attempt]!
    const P = input.staff.length
    // Line j follows line pred(j) across the seam: itself, or the line before when lines rotate.
    const pred = (j: number) => (input.rotate ? (j - 1 + P) % P : j)
    const history: Assignment[] = []
    const fixed: FixedCell[] = []
    input.staff.forEach((staff, j) => {
      pattern.lines[pred(j)]!.forEach((shift, d) => {
        if (shift) history.push({ date: addDays(input.start, d - input.days), shift, staff })
      })
      pattern.lines[j]!.forEach((shift, d) => {
        if (d >= free) fixed.push({ staff, date: dates[d]!, shift, swap: 0 })
      })
    })
    const again = generateRoster({ ...base, history, fixed, seed: input.seed + attempt + 1 })
    if (!again.ok) continue
    const next = toPattern(again.assignments, input.start, input.days, input.staff, input.rotate)
    const nextRing = ringViolations(next, input.shifts, input.config)
    if (nextRing.length <= ring.length) [pattern, fairness, ring] = [next, again.fairness, nextRing]
  }
  if (ring.length) return { ok: false, violations: ring.map((v) => ({ ...v, message: `across the seam of the repeating cycle, ${v.message}` })) }
  return { ok: true, pattern, fairness }
}

/** The pattern a roster of one cycle draws: person i's days become line i. */
export function toPattern(assignments: readonly Assignment[], start: IsoDate, days: number, staff: readonly string[], rotate: boolean): Pattern {
  const lines = staff.map(() => new Array<string | null>(days).fill(null))
  const index = new Map(staff.map((id, i) => [id, i]))
  for (const a of assignments) {
    const i = index.get(a.staff)
    const d = diffDays(start, a.date)
    if (i !== undefined && d >= 0 && d < days) lines[i]![d] = a.shift
  }
  return { days, lines, rotate }
}

export interface FitInput {
  rotation: Rotation
  /** Consecutive days to lay the rotation on. */
  dates: IsoDate[]
  shifts: ShiftType[]
  config: RosterConfig
  /** Approved leave days per person. */
  unavailable: ReadonlyMap<string, ReadonlySet<IsoDate>>
  /** The roster just before dates[0]: the join must keep the rules too. */
  history: Assignment[]
  holidays: Holiday[]
  workdays?: readonly IsoDate[]
  /** Cells approved swaps hold (generate --replace). */
  swaps?: readonly FixedCell[]
  seed: number
}

export type FitResult =
  | { ok: true; assignments: Assignment[]; fairness: FairnessSummary; resolved: IsoDate[] }
  | { ok: false; violations: Violation[] }

/**
 * The rotation laid on `dates`, with leave winning: where approved leave,
 * an approved swap or the join with the roster before breaks a rule, those
 * days (and, only when they alone cannot be mended, a day or two around them)
 * are solved again with every other day held as the pattern says. `resolved`
 * names the days that differ from the pattern's word; every other day is
 * exactly the pattern.
 */
export function fitRotation(input: FitInput): FitResult {
  const { rotation, dates } = input
  const staff = rotation.order
  const laid = layRotation(rotation, dates)
  const swapDays = new Set((input.swaps ?? []).map((f) => f.date))
  const touched = new Set<IsoDate>(swapDays)
  for (const v of patternProblems(input, laid)) {
    for (const d of [...(v.dates ?? []), ...(v.date ? [v.date] : [])]) {
      if (d >= dates[0]! && d <= dates[dates.length - 1]!) touched.add(d)
    }
  }
  const base: GenerateInput = {
    dates,
    staff,
    shifts: input.shifts,
    config: input.config,
    unavailable: input.unavailable,
    history: input.history,
    holidays: input.holidays,
    workdays: input.workdays,
    seed: input.seed,
  }
  if (!touched.size) {
    const holidays = input.holidays.filter((h) => h.date >= dates[0]! && h.date <= dates[dates.length - 1]!)
    return { ok: true, assignments: laid, fairness: computeFairness(laid, staff, input.shifts, dates, holidays, input.workdays), resolved: [] }
  }
  let last: Violation[] = []
  for (const widen of [0, 1, 2, 3, 7]) {
    const free = new Set<IsoDate>()
    for (const d of touched) for (let w = -widen; w <= widen; w++) free.add(addDays(d, w))
    const held = cellsOf(laid, staff, dates, free)
    const result = generateRoster({ ...base, fixed: [...held, ...(input.swaps ?? [])] })
    if (!result.ok) {
      last = result.violations
      continue
    }
    const key = (a: Assignment) => `${a.date}|${a.staff}|${a.shift}`
    const before = new Set(laid.map(key))
    const after = new Set(result.assignments.map(key))
    const changed = new Set<IsoDate>()
    for (const a of laid) if (!after.has(key(a))) changed.add(a.date)
    for (const a of result.assignments) if (!before.has(key(a))) changed.add(a.date)
    return { ok: true, assignments: result.assignments, fairness: result.fairness, resolved: [...changed].sort() }
  }
  return { ok: false, violations: unwrap(last) }
}

/** What the laid pattern breaks on its own: leave it falls on, and the join with the roster before. */
function patternProblems(input: FitInput, laid: readonly Assignment[]): Violation[] {
  const leaves: Leave[] = []
  for (const [staff, days] of input.unavailable) for (const date of days) leaves.push({ id: leaves.length + 1, staff, from: date, to: date, reason: null, status: 'approved' })
  const state: RosterState = { shifts: input.shifts, assignments: [...input.history, ...laid], leaves, holidays: input.holidays, config: input.config }
  const from = input.dates[0]!
  const to = input.dates[input.dates.length - 1]!
  return checkRules(ROSTER_RULES, state, { from, to }).flatMap((v) => {
    // A run too long names its first and last day: each day of it in range may have to move.
    if (v.rule === 'roster.max-consecutive-days' && v.dates && v.dates.length >= 2) {
      const first = v.dates[0]! < from ? from : v.dates[0]!
      const lastDay = v.dates[v.dates.length - 1]! > to ? to : v.dates[v.dates.length - 1]!
      return [{ ...v, dates: dayRange(first, lastDay) }]
    }
    return [v]
  })
}

/** Every team member's cell on every date outside `free`, as the laid pattern holds it. */
function cellsOf(laid: readonly Assignment[], staff: readonly string[], dates: readonly IsoDate[], free: ReadonlySet<IsoDate>): FixedCell[] {
  const on = new Map(laid.map((a) => [`${a.date}|${a.staff}`, a.shift]))
  const out: FixedCell[] = []
  for (const date of dates) {
    if (free.has(date)) continue
    for (const id of staff) out.push({ staff: id, date, shift: on.get(`${date}|${id}`) ?? null, swap: 0 })
  }
  return out
}

/** Held pattern cells are not swaps: a refusal speaks of the rule itself, not of "swap #0". */
function unwrap(violations: readonly Violation[]): Violation[] {
  return violations.map((v) => {
    const p = v.params as (MessageParams & { key: 'generate.fixed-swap' }) | undefined
    if (p?.key !== 'generate.fixed-swap' || !p.swaps.includes(0)) return v
    const swaps = p.swaps.filter((s) => s !== 0)
    if (swaps.length) return v
    return { ...v, message: p.message, ...(p.cause ? { params: p.cause } : { params: undefined }) }
  })
}
