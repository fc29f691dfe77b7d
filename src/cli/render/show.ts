// Text for `roster show`: the roster grid (dates down, shifts across), the
// sheet (people down, dates across) and one person's list of shifts.

import { dayRange, isWeekend, weekdayIndex } from '../../domain/dates.js'
import type { Assignment, Holiday, IsoDate, ShiftType, Staff } from '../../domain/types.js'
import { count, dayLabel, shiftHours, shiftPainter, WEEKDAYS, type RenderStyle } from './roster.js'
import { renderTable } from './table.js'

export interface RosterView {
  from: IsoDate
  to: IsoDate
  /** Says how the range was chosen when the user did not spell it out. */
  caption?: string
  /** Columns of the grid, in roster order. */
  shifts: readonly ShiftType[]
  assignments: readonly Assignment[]
  holidays: readonly Holiday[]
  /** Rows of the sheet (--across). */
  people: readonly Staff[]
  /** Set with --staff: only this person. */
  person?: Staff
  /** First and last assigned dates of the whole roster, for the hint on an empty range. */
  bounds: { from: IsoDate; to: IsoDate } | null
}

export type ShowLayout = 'grid' | 'across'

export function renderShow(v: RosterView, layout: ShowLayout, style: RenderStyle): string {
  const title = `Roster ${v.from} to ${v.to}${v.caption ? ` (${v.caption})` : ''}${v.person ? ` for ${v.person.id} (${v.person.name})` : ''}:`
  if (!v.assignments.length) return emptyRoster(v)
  if (layout === 'across') return [title, renderSheet(v, style)].join('\n')
  if (v.person) return [title, renderPersonList(v, style)].join('\n')
  return [title, renderGrid(v, style)].join('\n')
}

function emptyRoster(v: RosterView): string {
  const whose = v.person ? `${v.person.id} has no shifts` : 'Nobody is on the roster'
  const lines = [`${whose} from ${v.from} to ${v.to}.`]
  if (!v.bounds) lines.push('There is no roster yet: a lead draws one up with "roster generate".')
  else if (!v.person) lines.push(`The roster runs from ${v.bounds.from} to ${v.bounds.to}: try "roster show --from ${v.bounds.from} --to ${v.bounds.to}".`)
  return lines.join('\n')
}

/** Dates down, shift types across, the people on each shift in the cells. */
export function renderGrid(v: RosterView, style: RenderStyle): string {
  const paint = shiftPainter(v.shifts, style)
  const holidays = new Map(v.holidays.map((h) => [h.date, h.name]))
  const onShift = groupBy(v.assignments, (a) => `${a.date}|${a.shift}`)
  const withHolidays = v.holidays.some((h) => h.date >= v.from && h.date <= v.to)
  let open = 0
  const rows = dayRange(v.from, v.to).map((date) => {
    const cells = v.shifts.map((s) => {
      const ids = (onShift.get(`${date}|${s.code}`) ?? []).map((a) => a.staff).sort()
      const missing = Math.max(s.headcount - ids.length, 0)
      open += missing
      return [...ids.map((id) => paint(s.code, id)), ...Array.from({ length: missing }, () => (style.color ? style.c.red('-') : '-'))].join(', ')
    })
    const day = dayLabel(date)
    const marked = isWeekend(date) || holidays.has(date)
    const row = [date, marked && style.color ? style.c.yellow(day) : day, ...cells]
    if (withHolidays) row.push(holidays.get(date) ?? '')
    return row
  })
  const head = ['date', 'day', ...v.shifts.map((s) => paint(s.code, `${s.code}\n${shiftHours(s)}${s.remote ? '\nremote' : ''}`))]
  if (withHolidays) head.push('holiday')
  const legend = ['* weekend.']
  if (open) legend.push(`- an open place nobody fills (${open}): see "roster check".`)
  return [renderTable({ head, rows, color: style.color, compact: true }), legend.join(' ')].join('\n')
}

/** People down, dates across, the shift code in each cell: the printable cycle sheet. */
export function renderSheet(v: RosterView, style: RenderStyle): string {
  const paint = shiftPainter(v.shifts, style)
  const holidays = new Map(v.holidays.map((h) => [h.date, h.name]))
  const dates = dayRange(v.from, v.to)
  const mine = groupBy(v.assignments, (a) => `${a.staff}|${a.date}`)
  const head = ['staff', 'name', ...dates.map((d) => `${WEEKDAYS[weekdayIndex(d)]!.slice(0, 2)}${holidays.has(d) ? 'H' : isWeekend(d) ? '*' : ''}\n${d.slice(8)}`), 'shifts']
  const rows = v.people.map((p) => {
    let n = 0
    const cells = dates.map((d) => {
      const list = mine.get(`${p.id}|${d}`) ?? []
      n += list.length
      return list.map((a) => paint(a.shift)).join('+')
    })
    return [p.id, p.name, ...cells, String(n)]
  })
  if (!v.person) {
    // One more row naming the shifts nobody fills, so the sheet shows its holes.
    const byDate = groupBy(v.assignments, (a) => `${a.date}|${a.shift}`)
    const open = dates.map((d) => v.shifts.filter((s) => (byDate.get(`${d}|${s.code}`)?.length ?? 0) < s.headcount).map((s) => s.code).join('+'))
    if (open.some(Boolean)) rows.push(['(open)', '', ...open.map((o) => (o && style.color ? style.c.red(o) : o)), ''])
  }
  const legend = [`${v.from.slice(0, 7) === v.to.slice(0, 7) ? v.from.slice(0, 7) : `${v.from.slice(0, 7)} to ${v.to.slice(0, 7)}`}; * weekend`]
  const named = v.holidays.filter((h) => h.date >= v.from && h.date <= v.to)
  if (named.length) legend.push(`H holiday: ${named.map((h) => `${h.date} ${h.name}`).join(', ')}`)
  legend.push(`shifts: ${v.shifts.map((s) => `${paint(s.code)} ${shiftHours(s)}${s.remote ? ' remote' : ''}`).join(', ')}`)
  return [renderTable({ head, rows, color: style.color, numeric: [dates.length + 2], compact: true }), `${legend.join('; ')}.`].join('\n')
}

/** One person's shifts, one line each; days off are left out. */
export function renderPersonList(v: RosterView, style: RenderStyle): string {
  const paint = shiftPainter(v.shifts, style)
  const shifts = new Map(v.shifts.map((s) => [s.code, s]))
  const holidays = new Map(v.holidays.map((h) => [h.date, h.name]))
  const width = Math.max(...v.assignments.map((a) => a.shift.length))
  const lines = v.assignments.map((a) => {
    const s = shifts.get(a.shift)
    const parts = [a.date, dayLabel(a.date).padEnd(4), paint(a.shift, a.shift.padEnd(width)), s ? shiftHours(s) : '', s?.remote ? 'remote' : 'office']
    const holiday = holidays.get(a.date)
    if (holiday) parts.push(`holiday: ${holiday}`)
    return parts.join('  ')
  })
  const days = new Set(v.assignments.map((a) => a.date)).size
  const total = dayRange(v.from, v.to).length
  lines.push(`${count(v.assignments.length, 'shift')}, ${count(total - days, 'day')} off; * weekend.`)
  return lines.join('\n')
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const t of items) {
    const k = key(t)
    const list = out.get(k)
    if (list) list.push(t)
    else out.set(k, [t])
  }
  return out
}
