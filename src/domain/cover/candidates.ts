// Who could take one shift on one date (`roster cover`, `roster open claim`,
// the inbox's open shifts): each person is judged by applying the assignment
// to a copy of the roster and running the same personal rules `assign` runs
// (STYLE.md point 3), so nobody is offered whom `assign` would then refuse.

import { compareText } from '../compare.js'
import { addDays, monthOf } from '../dates.js'
import { applyAssignments, type RosterState } from '../roster.js'
import { PERSONAL_RULES, checkRules } from '../rules/index.js'
import type { Assignment, IsoDate, Staff, Violation } from '../types.js'

/** What taking the shift would cost a person who can take it (said in the interface language by the CLI). */
export type CoverCost =
  /** The shift makes a run of `days` working days in a row (shown from 5 on: a long stretch, though within the rule). */
  | { kind: 'long-run'; days: number; limit: number }
  /** The date is the only day off between two working days: the person loses their break. */
  | { kind: 'day-off'; before: IsoDate; after: IsoDate }
  /** A wish of theirs speaks for (`granted`) or against the shift (see CoverWishes). */
  | { kind: 'wish'; granted: boolean; wish: number; text: string }

/**
 * The hook for wishes (SPEC section 9): what a person wished for that date and
 * shift. `wish` is the wish id; `granted` true when they asked for that shift,
 * false when they asked for the day off or not that shift. Absent: no wishes
 * are known (the wish table is not in this database yet).
 */
export type CoverWishes = (staff: string, date: IsoDate, shift: string) => { wish: number; granted: boolean; text: string } | null

export interface CoverCandidate {
  staff: string
  /** True when taking the shift keeps every roster rule. */
  ok: boolean
  /** For ok: nothing. Otherwise the rules it would break, each with its sentence. */
  violations: Violation[]
  /** What taking it costs (only for ok candidates). */
  costs: CoverCost[]
  /** Shifts the person works in the date's calendar month (before taking this one). */
  shifts: number
}

export interface CoverQuery {
  date: IsoDate
  shift: string
  /** The people to judge: active staff; those already on that shift that date are left out. */
  people: readonly Pick<Staff, 'id' | 'active'>[]
  /** Assignments of the date's whole calendar month, for the shift counts (the state may hold fewer days). */
  month: readonly Assignment[]
  wishes?: CoverWishes
}

/** From this many days in a row on, a run is named as a cost. */
export const LONG_RUN = 5

/**
 * The rules' margins around `date`: `state` must hold the assignments and
 * leave from `date - margin` to `date + margin` for the verdict to be right.
 */
export function coverMargin(maxConsecutiveDays: number): number {
  return maxConsecutiveDays + 1
}

/** Whether `person` may take `shift` on `date` under every personal roster rule; the violations say why not. */
export function judgeTaking(state: RosterState, date: IsoDate, shift: string, person: string): Violation[] {
  const margin = coverMargin(state.config.maxConsecutiveDays)
  const after = applyAssignments(state, [], [{ date, shift, staff: person }])
  return checkRules(PERSONAL_RULES, after, { from: addDays(date, -margin + 1), to: addDays(date, margin - 1), staff: new Set([person]) })
}

/**
 * Everyone asked about, best first: those who can take the shift before those
 * who cannot; among them, a granted wish first and one against it last, no
 * lost day off before a lost one, fewest shifts that month, shortest run, then id.
 */
export function rankCoverCandidates(state: RosterState, q: CoverQuery): CoverCandidate[] {
  const month = monthOf(q.date)
  const shiftsIn = new Map<string, number>()
  for (const a of q.month) if (monthOf(a.date) === month) shiftsIn.set(a.staff, (shiftsIn.get(a.staff) ?? 0) + 1)
  const onIt = new Set(state.assignments.filter((a) => a.date === q.date && a.shift === q.shift).map((a) => a.staff))
  const out: CoverCandidate[] = []
  for (const p of q.people) {
    if (!p.active || onIt.has(p.id)) continue
    const violations = judgeTaking(state, q.date, q.shift, p.id)
    const shifts = shiftsIn.get(p.id) ?? 0
    if (violations.length) out.push({ staff: p.id, ok: false, violations, costs: [], shifts })
    else out.push({ staff: p.id, ok: true, violations: [], costs: costsOf(state, q, p.id), shifts })
  }
  return out.sort((a, b) => Number(b.ok) - Number(a.ok) || wishScore(a) - wishScore(b) || Number(lostDayOff(a)) - Number(lostDayOff(b)) || a.shifts - b.shifts || runOf(a) - runOf(b) || compareText(a.staff, b.staff))
}

function wishScore(c: CoverCandidate): number {
  const w = c.costs.find((x) => x.kind === 'wish')
  return w && w.kind === 'wish' ? (w.granted ? -1 : 1) : 0
}

function lostDayOff(c: CoverCandidate): boolean {
  return c.costs.some((x) => x.kind === 'day-off')
}

function runOf(c: CoverCandidate): number {
  const r = c.costs.find((x) => x.kind === 'long-run')
  return r && r.kind === 'long-run' ? r.days : 0
}

/** What the shift would cost `person` (who can take it). */
function costsOf(state: RosterState, q: CoverQuery, person: string): CoverCost[] {
  const worked = new Set(state.assignments.filter((a) => a.staff === person).map((a) => a.date))
  const costs: CoverCost[] = []
  // The run the new day makes: the working days right before and after it, plus itself.
  let days = 1
  for (let d = addDays(q.date, -1); worked.has(d); d = addDays(d, -1)) days++
  for (let d = addDays(q.date, 1); worked.has(d); d = addDays(d, 1)) days++
  if (days >= LONG_RUN) costs.push({ kind: 'long-run', days, limit: state.config.maxConsecutiveDays })
  const before = addDays(q.date, -1)
  const after = addDays(q.date, 1)
  if (worked.has(before) && worked.has(after)) costs.push({ kind: 'day-off', before, after })
  const wish = q.wishes?.(person, q.date, q.shift)
  if (wish) costs.push({ kind: 'wish', ...wish })
  return costs
}
