// Text for `roster stats`.

import type { StaffStats, StatsReport } from '../../views/stats.js'
import type { RenderStyle } from './roster.js'
import { renderTable } from './table.js'

export function renderStats(r: StatsReport, style: RenderStyle): string {
  const { t } = style
  if (!r.staff.length) return t.stats.empty(r.month)
  const full = (s: StaffStats) => s.swaps >= r.swapLimit
  const table = renderTable({
    head: [t.stats.staff, t.stats.name, ...r.shifts, t.stats.total, t.stats.weekend, t.stats.holiday, t.stats.swaps],
    rows: r.staff.map((s) => {
      const swaps = `${s.swaps}/${r.swapLimit}`
      return [s.id, s.name, ...r.shifts.map((c) => String(s.shifts[c] ?? 0)), String(s.total), String(s.weekend), String(s.holiday), full(s) && style.color ? style.c.yellow(swaps) : swaps]
    }),
    color: style.color,
    numeric: [...r.shifts.map((_, i) => i + 2), r.shifts.length + 2, r.shifts.length + 3, r.shifts.length + 4, r.shifts.length + 5],
    compact: true,
  })
  const notes = [t.stats.swapsNote(r.swapLimit)]
  const atLimit = r.staff.filter(full).map((s) => s.id)
  if (atLimit.length) notes.push(t.stats.atLimit(t.list(atLimit)))
  return [t.stats.title(r.month, r.from, r.to), table, t.clauses(notes)].join('\n')
}
