// Text and JSON for a freshly generated roster.

import { formatHhmm } from '../../../domain/clock.js'
import { dayRange, isWeekend, weekdayIndex } from '../../../domain/dates.js'
import type { Assignment, IsoDate } from '../../../domain/types.js'
import { findHolidays } from '../../../store/holidays.js'
import { findAllShiftTypes } from '../../../store/shifts.js'
import type { Ctx } from '../../context.js'
import { renderTable } from '../../render/table.js'
import type { GenerateOutcome } from './generate.js'

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** The SPEC's show shape. */
export function rosterJson(ctx: Ctx, from: IsoDate, to: IsoDate, assignments: readonly Assignment[]) {
  const db = ctx.db()
  const shifts = new Map(findAllShiftTypes(db).map((s) => [s.code, s]))
  const holidays = new Set(findHolidays(db, from, to).map((h) => h.date))
  return {
    from,
    to,
    assignments: assignments.map((a) => {
      const s = shifts.get(a.shift)
      return { date: a.date, shift: a.shift, staff: a.staff, start: formatHhmm(s?.start ?? 0), end: formatHhmm(s?.end ?? 0), remote: !!s?.remote, holiday: holidays.has(a.date) }
    }),
  }
}

export function renderGenerated(ctx: Ctx, o: GenerateOutcome): string {
  const db = ctx.db()
  const shifts = findAllShiftTypes(db).filter((s) => o.assignments.some((a) => a.shift === s.code))
  const holidays = new Map(findHolidays(db, o.from, o.to).map((h) => [h.date, h.name]))
  const people = o.staff.map((s) => s.id)
  const cell = new Map(o.assignments.map((a) => [`${a.date}|${a.staff}`, a.shift]))
  const rows = dayRange(o.from, o.to).map((d) => {
    const mark = holidays.has(d) ? ' H' : isWeekend(d) ? ' *' : ''
    return [`${d} ${WEEKDAY[weekdayIndex(d)]}${mark}`, ...people.map((p) => cell.get(`${d}|${p}`) ?? ctx.c.dim('-'))]
  })
  const lines: string[] = []
  if (o.createdDemo) lines.push(`Created ${ctx.dbPath()} with the demo team.`)
  lines.push(`Roster ${o.from} to ${o.to} (seed ${o.seed})${o.replaced ? `, replacing ${o.replaced} assignments` : ''}:`)
  lines.push(renderTable({ head: ['date', ...people], rows, color: ctx.color }))
  lines.push(`Shifts: ${shifts.map((s) => `${s.code} ${formatHhmm(s.start)}-${formatHhmm(s.end)}${s.remote ? ' remote' : ''}`).join(', ')}.  * weekend, H holiday.`)
  lines.push('Fairness (per person):')
  lines.push(renderTable({
    head: ['staff', ...shifts.map((s) => s.code), 'shifts', 'weekend', 'days off'],
    rows: o.fairness.staff.map((f) => [f.id, ...shifts.map((s) => String(f.shifts[s.code] ?? 0)), String(f.total), String(f.weekend), String(f.daysOff)]),
    color: ctx.color,
    numeric: shifts.map((_, i) => i + 1).concat([shifts.length + 1, shifts.length + 2, shifts.length + 3]),
  }))
  return lines.join('\n')
}
