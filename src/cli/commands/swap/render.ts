// How swaps look: the SPEC's JSON shape and the text for people.

import { formatHhmm } from '../../../domain/clock.js'
import { addDays, dayRange, mondayOf, weekdayIndex } from '../../../domain/dates.js'
import type { RuleOutcome } from '../../../domain/swaps/index.js'
import { swapKind } from '../../../domain/swaps/plan.js'
import type { SwapRecord } from '../../../domain/swaps/types.js'
import type { Assignment, IsoDate, ShiftType } from '../../../domain/types.js'
import { renderTable } from '../../render/table.js'

/** SPEC section 6: {id, status, requester, counterpart, date, payback} plus extra fields. */
export function swapJson(s: SwapRecord) {
  return {
    id: s.id, status: s.status, requester: s.requester, counterpart: s.counterpart, date: s.date, payback: s.payback,
    kind: swapKind(s), reason: s.reason, createdAt: s.createdAt, decidedBy: s.decidedBy, decisionReason: s.decisionReason,
  }
}

const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

export function dayLabel(d: IsoDate): string {
  return `${DAY[weekdayIndex(d)]} ${d}`
}

/** One line saying what the swap is. */
export function describeSwap(s: Pick<SwapRecord, 'id' | 'requester' | 'counterpart' | 'date' | 'payback'>): string {
  return s.payback
    ? `${s.counterpart} covers ${s.requester}'s shift on ${dayLabel(s.date)}; ${s.requester} pays it back on ${dayLabel(s.payback)}`
    : `${s.requester} and ${s.counterpart} trade shifts on ${dayLabel(s.date)}`
}

/** What to do next, given the state the swap is in. */
export function nextStep(s: SwapRecord): string {
  switch (s.status) {
    case 'pending': return `Waiting for ${s.counterpart}: roster swap accept ${s.id} --as ${s.counterpart} (or decline).`
    case 'accepted': return `Waiting for a lead or manager: roster swap approve ${s.id} (or reject).`
    case 'approved': return 'The roster now shows the swap.'
    default: return 'Nothing more to do.'
  }
}

export function renderSwapResult(s: SwapRecord, verb: string): string {
  return `Swap #${s.id} ${verb}: ${describeSwap(s)}.\n${nextStep(s)}`
}

export function renderSwapList(list: readonly SwapRecord[], color: boolean): string {
  if (!list.length) return 'No swaps match.'
  return renderTable({
    head: ['#', 'status', 'requester', 'counterpart', 'date', 'payback', 'reason'],
    rows: list.map((s) => [String(s.id), s.status, s.requester, s.counterpart, s.date, s.payback ?? '-', s.reason ?? '']),
    color,
    numeric: [0],
  })
}

export function renderCheck(outcomes: readonly RuleOutcome[], color: boolean): string {
  return renderTable({
    head: ['rule', 'result', 'why'],
    rows: outcomes.map((o) => [o.id, o.ok ? 'pass' : 'FAIL', o.message]),
    color,
  })
}

/**
 * Before/after of both people's week(s): the Monday-to-Sunday weeks holding
 * D1 (and D2 for a cover), one row per person and moment, a cell per day.
 */
export function renderWeekPreview(o: { people: readonly string[]; dates: readonly IsoDate[]; before: readonly Assignment[]; after: readonly Assignment[]; shifts: readonly ShiftType[]; color: boolean }): string {
  const weeks = [...new Set(o.dates.map(mondayOf))].sort()
  const cell = (list: readonly Assignment[], who: string, d: IsoDate) =>
    list.filter((a) => a.staff === who && a.date === d).map((a) => a.shift).join('+') || '·'
  const parts: string[] = []
  for (const monday of weeks) {
    const days = dayRange(monday, addDays(monday, 6))
    const rows: string[][] = []
    for (const who of o.people) {
      rows.push([`${who} now`, ...days.map((d) => cell(o.before, who, d))])
      rows.push([`${who} after`, ...days.map((d) => {
        const b = cell(o.before, who, d)
        const a = cell(o.after, who, d)
        return a === b ? a : `${a} *`
      })])
    }
    parts.push(renderTable({ head: ['', ...days.map((d) => `${DAY[weekdayIndex(d)]} ${d.slice(5)}`)], rows, color: o.color }))
  }
  const legend = o.shifts.map((s) => `${s.code} ${formatHhmm(s.start)}-${formatHhmm(s.end)}`).join(', ')
  return `${parts.join('\n')}\n* changed by the swap. Shifts: ${legend}.`
}
