// Wishes where a repeating pattern is laid (SPEC 10: extend, generate --cyclic).
// The pattern is the plan; a day whose pattern cell goes against a wish (off
// wished but the pattern works, `--not X` and the pattern has X, `--shift X`
// and the pattern has another or none) is an affected day. Each affected day
// alone is solved again with every other day held: people of that day exchange
// their cells (coverage stays) where that grants more wish weight and keeps
// every rule, so a wish that cannot be granted without breaking a rule or
// coverage stays denied and the pattern stays. Days with no wish against them
// are never touched. Pure.

import { addDays } from '../dates.js'
import type { FixedCell } from '../generate.js'
import type { RosterState } from '../roster.js'
import { checkRules, PERSONAL_RULES } from '../rules/index.js'
import type { Assignment, Holiday, IsoDate, Leave, RosterConfig, ShiftType, Violation } from '../types.js'
import type { DenialReason, WishReport } from './plan.js'
import { grants, wishOccurrences, type Wish } from './wish.js'

/** Days of `dates` on which `assignments` do not grant a wish of someone in `staff`, in order. */
export function wishAffectedDays(wishes: readonly Wish[], assignments: readonly Assignment[], staff: readonly string[], dates: readonly IsoDate[]): IsoDate[] {
  const team = new Set(staff)
  const on = cellMap(assignments)
  const out = new Set<IsoDate>()
  for (const { wish, date } of wishOccurrences(wishes.filter((w) => team.has(w.staff)), dates)) {
    if (!grants(wish, on.get(`${wish.staff}|${date}`) ?? null)) out.add(date)
  }
  return [...out].sort()
}

export interface WishFitInput {
  /** The laid range, consecutive days. */
  dates: IsoDate[]
  /** The rotation's people. */
  staff: readonly string[]
  shifts: ShiftType[]
  config: RosterConfig
  unavailable: ReadonlyMap<string, ReadonlySet<IsoDate>>
  /** The roster just before dates[0]. */
  history: readonly Assignment[]
  holidays: Holiday[]
  workdays?: readonly IsoDate[]
  /** Cells approved swaps hold: never moved. */
  swaps?: readonly FixedCell[]
  wishes: readonly Wish[]
  /** The roster as laid so far (the pattern with leave fitted in). */
  assignments: readonly Assignment[]
}

export interface WishFit {
  assignments: Assignment[]
  /** Days whose cells changed for a wish. */
  changed: IsoDate[]
  report: WishReport
}

/**
 * The laid roster with each affected day mended for the wishes where the rules
 * allow, and what it grants. Mending a day exchanges two people's cells of that
 * day (so coverage stays as the pattern has it), the exchange that grants the
 * most wish weight first, as long as every personal rule still holds for both
 * around that day; a day no exchange improves stays exactly as laid.
 */
export function honourWishes(input: WishFitInput): WishFit {
  const { dates, staff, wishes } = input
  const team = new Set(staff)
  const active = new Set(input.shifts.map((s) => s.code))
  const swapCell = new Set((input.swaps ?? []).map((f) => `${f.staff}|${f.date}`))
  const away = (id: string, date: IsoDate) => input.unavailable.get(id)?.has(date) ?? false
  const movable = (id: string, date: IsoDate) => !away(id, date) && !swapCell.has(`${id}|${date}`)
  const mine = wishes.filter((w) => team.has(w.staff))
  const byDay = new Map<IsoDate, Wish[]>()
  for (const o of wishOccurrences(mine, dates)) byDay.set(o.date, [...(byDay.get(o.date) ?? []), o.wish])
  const leaves: Leave[] = []
  for (const [id, days] of input.unavailable) for (const date of days) leaves.push({ id: leaves.length + 1, staff: id, from: date, to: date, reason: null, status: 'approved' })
  const blocked = new Map<string, DenialReason>()
  const on = cellMap(input.assignments)
  const others = input.assignments.filter((a) => !team.has(a.staff))
  const changed: IsoDate[] = []
  const k = input.config.maxConsecutiveDays + 1

  // Only the days around the mended one can change a verdict: the rules see those and the roster before them.
  const histFrom = addDays(dates[0]!, -k)
  const before = input.history.filter((a) => a.date >= histFrom)
  const rulesHold = (d: IsoDate, people: readonly string[]): Violation[] => {
    const assignments: Assignment[] = [...before.filter((a) => a.date >= addDays(d, -2 * k)), ...others.filter((a) => a.date >= addDays(d, -2 * k) && a.date <= addDays(d, k))]
    for (let x = addDays(d, -2 * k); x <= addDays(d, k); x = addDays(x, 1)) {
      for (const id of staff) {
        const shift = on.get(`${id}|${x}`)
        if (shift) assignments.push({ staff: id, date: x, shift })
      }
    }
    const state: RosterState = { shifts: input.shifts, assignments, leaves, holidays: input.holidays, config: input.config }
    return checkRules(PERSONAL_RULES, state, { from: addDays(d, -k + 1), to: addDays(d, k - 1), staff: new Set(people) })
  }
  const set = (id: string, d: IsoDate, shift: string | null) => (shift === null ? on.delete(`${id}|${d}`) : on.set(`${id}|${d}`, shift))

  for (const d of wishAffectedDays(mine, input.assignments, staff, dates)) {
    const day = byDay.get(d) ?? []
    const cell = (id: string) => on.get(`${id}|${d}`) ?? null
    let mended = false
    for (;;) {
      const now = weight(day, cell)
      let best: { p: string; q: string; gain: number } | null = null
      for (const w of day) {
        const p = w.staff
        if (grants(w, cell(p)) || !movable(p, d) || (w.shift !== null && !active.has(w.shift))) continue
        for (const q of staff) {
          if (q === p || !movable(q, d) || cell(q) === cell(p)) continue
          const [cp, cq] = [cell(p), cell(q)]
          set(p, d, cq)
          set(q, d, cp)
          const gain = weight(day, cell) - now
          const broken = gain > 0 && (!best || gain > best.gain) ? rulesHold(d, [p, q]) : []
          set(p, d, cp)
          set(q, d, cq)
          if (gain <= 0 || (best && gain <= best.gain)) continue
          if (broken.length) {
            const rule = broken.find((v) => v.staff === p)?.rule ?? broken[0]!.rule
            if (!blocked.has(`${w.id}|${d}`) && isReason(rule)) blocked.set(`${w.id}|${d}`, rule)
            continue
          }
          best = { p, q, gain }
        }
      }
      if (!best) break
      const [cp, cq] = [cell(best.p), cell(best.q)]
      set(best.p, d, cq)
      set(best.q, d, cp)
      mended = true
    }
    if (mended) changed.push(d)
  }

  const assignments: Assignment[] = [...others]
  for (const [key, shift] of on) {
    const [id, date] = key.split('|') as [string, IsoDate]
    if (team.has(id)) assignments.push({ staff: id, date, shift })
  }
  const order = new Map(staff.map((id, i) => [id, i]))
  assignments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (order.get(a.staff) ?? -1) - (order.get(b.staff) ?? -1)))
  const report = grantReport(mine, assignments, staff, dates, (w, date) => {
    if (w.shift !== null && !active.has(w.shift)) return 'shift.removed'
    if (away(w.staff, date)) return 'roster.leave'
    if (swapCell.has(`${w.staff}|${date}`)) return 'swap.fixed'
    if (w.kind === 'off') {
      // Everyone who may move is needed that day, or more of them wish it off than coverage can spare.
      const free = staff.filter((id) => movable(id, date))
      const need = free.filter((id) => on.has(`${id}|${date}`)).length
      const wishers = new Set((byDay.get(date) ?? []).filter((x) => x.kind === 'off' && free.includes(x.staff)).map((x) => x.staff)).size
      if (need >= free.length || wishers > free.length - need) return 'roster.coverage'
    }
    return blocked.get(`${w.id}|${date}`) ?? null
  })
  return { assignments, changed, report }
}

function isReason(rule: string): rule is Exclude<DenialReason, null> {
  return rule === 'roster.min-rest' || rule === 'roster.max-consecutive-days' || rule === 'roster.leave' || rule === 'roster.coverage'
}

/** The wishes granted and not by `assignments`, in the shape generate reports (per person in `staff` order). */
export function grantReport(wishes: readonly Wish[], assignments: readonly Assignment[], staff: readonly string[], dates: readonly IsoDate[], reason: (w: Wish, date: IsoDate) => DenialReason): WishReport {
  const on = cellMap(assignments)
  const index = new Map(staff.map((id, i) => [id, i]))
  const rows = new Map<number, WishReport['staff'][number]>()
  let granted = 0
  let total = 0
  for (const { wish, date } of wishOccurrences(wishes.filter((w) => index.has(w.staff)), dates)) {
    const p = index.get(wish.staff)!
    const row = rows.get(p) ?? { id: wish.staff, granted: 0, total: 0, denied: [] }
    rows.set(p, row)
    row.total++
    total++
    if (grants(wish, on.get(`${wish.staff}|${date}`) ?? null)) {
      row.granted++
      granted++
    } else row.denied.push({ wish: wish.id, date, reason: reason(wish, date) })
  }
  return { granted, total, staff: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) }
}

/** The weight of the wishes of one day that a day's cells grant. */
function weight(day: readonly Wish[], cell: (staff: string) => string | null): number {
  let sum = 0
  for (const w of day) if (grants(w, cell(w.staff))) sum += w.weight
  return sum
}

function cellMap(assignments: readonly Assignment[]): Map<string, string> {
  return new Map(assignments.map((a) => [`${a.staff}|${a.date}`, a.shift]))
}
