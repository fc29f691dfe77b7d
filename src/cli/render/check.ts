// Text for `roster check`: the gaps in the service hours, the broken rules,
// the fairness of the load, and the verdict.

import { formatHhmm } from '../../domain/clock.js'
import type { FairnessSummary } from '../../domain/fairness.js'
import { diffDays } from '../../domain/dates.js'
import { gapRuns, type CheckReport } from '../../views/check.js'
import { dayLabel } from '../../views/roster.js'
import type { RenderStyle } from './roster.js'
import { renderTable } from './table.js'

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
  if (r.wishes?.total) {
    lines.push('')
    if (!r.wishes.notGranted.length) lines.push(t.wish.allGranted(r.wishes.total))
    else {
      lines.push(t.wish.notGranted(r.wishes.notGranted.length))
      for (const w of r.wishes.notGranted) {
        const what = w.kind === 'off' ? t.wish.off : w.kind === 'shift' ? t.wish.shift(w.shift!) : t.wish.not(w.shift!)
        lines.push(t.wish.notGrantedLine(w.wish, w.staff, w.date, what, w.has.length ? w.has.join(', ') : t.wish.offDay))
      }
    }
  }
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

