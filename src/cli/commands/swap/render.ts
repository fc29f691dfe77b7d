// How swaps look: the SPEC's JSON shape and the text for people.

import { formatHhmm } from '../../../domain/clock.js'
import { addDays, dayRange, mondayOf, weekdayIndex } from '../../../domain/dates.js'
import type { RuleOutcome } from '../../../domain/swaps/index.js'
import { swapKind } from '../../../domain/swaps/plan.js'
import type { SwapRecord } from '../../../domain/swaps/types.js'
import type { Assignment, IsoDate, ShiftType } from '../../../domain/types.js'
import { renderTable } from '../../render/table.js'
import { displayWidth } from '../../render/width.js'
import { wrapIndented } from '../../render/wrap.js'
import { en, type Messages } from '../../../i18n/index.js'

/** SPEC section 6: {id, status, requester, counterpart, date, payback} plus extra fields. */
export function swapJson(s: SwapRecord) {
  return {
    id: s.id, status: s.status, requester: s.requester, counterpart: s.counterpart, date: s.date, payback: s.payback,
    kind: swapKind(s), reason: s.reason, createdAt: s.createdAt, decidedBy: s.decidedBy, decisionReason: s.decisionReason,
    /** For a reversal (swap undo): the swap it undoes; null for every other swap. */
    undoes: s.reverses ?? null,
  }
}

/** `Mon 2027-01-04` (`2027-01-04（周一）`). */
export function dayLabel(d: IsoDate, t: Messages = en): string {
  return t.swap.day(t.weekdays[weekdayIndex(d)]!, d)
}

/** One line saying what the swap is. */
export function describeSwap(s: Pick<SwapRecord, 'id' | 'requester' | 'counterpart' | 'date' | 'payback' | 'reverses'>, t: Messages = en): string {
  if (s.reverses) return t.swap.undoOf(s.reverses, describeSwap({ ...s, reverses: null }, t))
  return s.payback
    ? t.swap.cover(s.requester, s.counterpart, dayLabel(s.date, t), dayLabel(s.payback, t))
    : t.swap.exchange(s.requester, s.counterpart, dayLabel(s.date, t))
}

/** What to do next, given the state the swap is in. */
export function nextStep(s: SwapRecord, t: Messages = en, approver?: string): string {
  switch (s.status) {
    case 'pending': return t.swap.waitCounterpart(s.id, s.counterpart)
    case 'accepted': return t.swap.waitLead(s.id, approver)
    case 'approved': return s.reverses ? t.swap.undoneInRoster(s.reverses) : t.swap.inRoster
    case 'undone': return t.swap.undone
    default: return t.swap.done
  }
}

export type SwapVerb = keyof Messages['swap']['verbs']

export function renderSwapResult(s: SwapRecord, verb: SwapVerb, t: Messages = en, approver?: string): string {
  return `${t.swap.result(s.id, t.swap.verbs[verb], describeSwap(s, t))}\n${nextStep(s, t, approver)}`
}

export function renderSwapList(list: readonly SwapRecord[], color: boolean, t: Messages = en): string {
  if (!list.length) return t.swap.none
  return renderTable({
    head: [t.swap.id, t.swap.status, t.swap.requester, t.swap.counterpart, t.swap.date, t.swap.payback, t.swap.reason],
    rows: list.map((s) => [String(s.id), s.reverses ? `${t.swapStatus[s.status]} (${t.swap.undoes} #${s.reverses})` : t.swapStatus[s.status], s.requester, s.counterpart, s.date, s.payback ?? '-', s.reason ?? '']),
    color,
    numeric: [0],
  })
}

/** The dry run's table: every rule, pass or fail, and why (in the language of `t`; rule ids as they are). */
export function renderCheck(outcomes: readonly RuleOutcome[], color: boolean, t: Messages = en): string {
  return renderTable({
    head: [t.swap.rule, t.swap.result_, t.swap.why],
    rows: outcomes.map((o) => [o.id, o.ok ? t.swap.pass : t.swap.fail, t.outcome(o)]),
    color,
  })
}

/**
 * Before/after of both people's week(s): the Monday-to-Sunday weeks holding
 * D1 (and D2 for a cover), one row per person and moment, a cell per day.
 * Fits `width` columns (80 by default): a week too wide for it is shown in
 * parts (Monday to Thursday, then Friday to Sunday; fewer days if need be).
 */
export function renderWeekPreview(o: { people: readonly string[]; dates: readonly IsoDate[]; before: readonly Assignment[]; after: readonly Assignment[]; shifts: readonly ShiftType[]; color: boolean; t?: Messages; width?: number }): string {
  const t = o.t ?? en
  const width = o.width ?? 80
  const weeks = [...new Set(o.dates.map(mondayOf))].sort()
  const cell = (list: readonly Assignment[], who: string, d: IsoDate) =>
    list.filter((a) => a.staff === who && a.date === d).map((a) => a.shift).join('+') || '·'
  const table = (days: readonly IsoDate[]) => {
    const rows: string[][] = []
    for (const who of o.people) {
      rows.push([t.swap.now(who), ...days.map((d) => cell(o.before, who, d))])
      rows.push([t.swap.after(who), ...days.map((d) => {
        const b = cell(o.before, who, d)
        const a = cell(o.after, who, d)
        return a === b ? a : `${a} *`
      })])
    }
    // Weekday over date: two short lines keep a week within 80 columns.
    return renderTable({ head: ['', ...days.map((d) => `${t.weekdaysShort[weekdayIndex(d)]}\n${d.slice(5)}`)], rows, color: o.color, compact: true })
  }
  const parts: string[] = []
  for (const monday of weeks) {
    const days = dayRange(monday, addDays(monday, 6))
    for (const size of [7, 4, 2, 1]) {
      const chunks: IsoDate[][] = []
      for (let i = 0; i < days.length; i += size) chunks.push(days.slice(i, i + size))
      const drawn = chunks.map(table)
      if (size === 1 || drawn.every((d) => d.split('\n').every((line) => displayWidth(line) <= width))) {
        parts.push(...drawn)
        break
      }
    }
  }
  const legend = o.shifts.map((s) => `${s.code} ${formatHhmm(s.start)}-${formatHhmm(s.end)}`).join(', ')
  return `${parts.join('\n')}\n${wrapIndented(t.swap.previewLegend(legend), width)}`
}
