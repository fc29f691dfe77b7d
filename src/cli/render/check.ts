// Text for `roster check`: the gaps in the service hours, the broken rules,
// the fairness of the load, and the verdict.

import { formatHhmm } from '../../domain/clock.js'
import type { CoverageGap, Interval } from '../../domain/coverage-gaps.js'
import type { FairnessSummary } from '../../domain/fairness.js'
import { addDays, diffDays } from '../../domain/dates.js'
import type { IsoDate, ServiceHours, Violation } from '../../domain/types.js'
import { dayLabel, type RenderStyle } from './roster.js'
import { renderTable } from './table.js'
import { compareText } from '../../domain/compare.js'

export interface CheckReport {
  /** Null when there is no roster to check. */
  from: IsoDate | null
  to: IsoDate | null
  /** How the range was chosen, for the first line. */
  scope: string
  ok: boolean
  serviceHours: ServiceHours
  /** Service hours no shift type covers at all: a setup finding, reported once. */
  uncoverable: Interval[]
  /** Hours missing because people are missing (the uncoverable hours taken out). */
  gaps: CoverageGap[]
  violations: Violation[]
  /** A lead who could generate the roster, named in the hint when there is none. */
  lead?: string
  /** How evenly the checked dates share the work among the rotation; null without a roster. */
  fairness: FairnessSummary | null
}

export function renderCheck(r: CheckReport, style: RenderStyle): string {
  const { t } = style
  if (!r.from || !r.to) return t.check.noRoster(r.lead)
  const bad = (s: string) => (style.color ? style.c.red(s) : s)
  const good = (s: string) => (style.color ? style.c.green(s) : s)
  const lines = [t.check.checked(r.from, r.to, r.scope), '']
  const window = `${formatHhmm(r.serviceHours.from)}-${formatHhmm(r.serviceHours.to)}`
  for (const u of r.uncoverable) lines.push(t.check.uncoverable(`${formatHhmm(u.from)}-${formatHhmm(u.to)}`, bad))
  if (!r.gaps.length) lines.push(r.uncoverable.length ? t.check.staffed(window, good) : t.check.covered(window, good))
  else {
    lines.push(t.check.gaps(window, r.gaps.length, bad))
    for (const g of gapRuns(r.gaps)) lines.push(`  ${formatHhmm(g.from)}-${formatHhmm(g.to)}  ${g.first === g.last ? t.check.gapDay(g.first, dayLabel(g.first, t)) : t.check.gapRun(g.first, g.last, diffDays(g.first, g.last) + 1)}`)
  }
  lines.push('')
  if (!r.violations.length) lines.push(t.check.rulesKept(good))
  else {
    lines.push(t.check.rulesBroken(r.violations.length, bad))
    lines.push(renderTable({
      head: [t.check.date, t.check.rule, t.check.staff, t.check.what],
      rows: r.violations.map((v) => [v.date ?? '', v.rule, v.staff ?? '', t.violation(v)]),
      color: style.color,
      compact: true,
    }))
  }
  if (r.fairness?.staff.length) lines.push('', renderFairness(r.fairness, style))
  lines.push('')
  lines.push(r.ok ? t.check.resultOk(good) : t.check.resultFailed(r.gaps.length, r.violations.length, bad))
  return lines.join('\n')
}

/** Per person counts and, last, the spread of each (most minus fewest). */
export function renderFairness(f: FairnessSummary, style: RenderStyle): string {
  const { t } = style
  const codes = Object.keys(f.spread.shifts)
  const row = (label: string, m: { shifts: Record<string, number>; total: number; weekend: number; holiday: number; daysOff: number }) =>
    [label, ...codes.map((c) => String(m.shifts[c] ?? 0)), String(m.total), String(m.weekend), String(m.holiday), String(m.daysOff)]
  const spread = row(t.fairness.spread, f.spread)
  const table = renderTable({
    head: [t.fairness.staff, ...codes, t.fairness.total, t.fairness.weekend, t.fairness.holiday, t.fairness.daysOff],
    rows: [...f.staff.map((s) => row(s.id, s)), style.color ? spread.map((t) => style.c.bold(t)) : spread],
    color: style.color,
    numeric: Array.from({ length: codes.length + 4 }, (_, i) => i + 1),
    compact: true,
  })
  return [t.fairness.title(f.staff.length), table].join('\n')
}

/** Identical gaps on consecutive days, folded into one line each. */
export function gapRuns(gaps: readonly CoverageGap[]): { from: number; to: number; first: IsoDate; last: IsoDate }[] {
  const runs: { from: number; to: number; first: IsoDate; last: IsoDate }[] = []
  const open = new Map<string, (typeof runs)[number]>()
  for (const g of [...gaps].sort((a, b) => compareText(a.date, b.date) || a.from - b.from)) {
    const key = `${g.from}-${g.to}`
    const run = open.get(key)
    if (run && addDays(run.last, 1) === g.date) run.last = g.date
    else {
      const fresh = { from: g.from, to: g.to, first: g.date, last: g.date }
      runs.push(fresh)
      open.set(key, fresh)
    }
  }
  return runs.sort((a, b) => compareText(a.first, b.first) || a.from - b.from)
}
