// Text for `roster show`: the roster grid (dates down, shifts across), the
// sheet (people down, dates across) and one person's list of shifts.

import { dayRange, isWeekend, weekdayIndex } from '../../domain/dates.js'
import type { Assignment, Holiday, IsoDate, ShiftType, Staff } from '../../domain/types.js'
import { padColumns, shiftPainter, type RenderStyle } from './roster.js'
import { dayLabel, shiftHours } from '../../views/roster.js'
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
  /** A lead who could generate the roster, named in the hint when there is none. */
  lead?: string
}

export type ShowLayout = 'grid' | 'across'

export function renderShow(v: RosterView, layout: ShowLayout, style: RenderStyle): string {
  const title = style.t.show.title(v.from, v.to, v.caption, v.person)
  if (!v.assignments.length) return emptyRoster(v, style)
  if (layout === 'across') return [title, renderSheet(v, style)].join('\n')
  if (v.person) return [title, renderPersonList(v, style)].join('\n')
  return [title, renderGrid(v, style)].join('\n')
}

function emptyRoster(v: RosterView, { t }: RenderStyle): string {
  const lines = [v.person ? t.show.personNoShifts(v.person.id, v.from, v.to) : t.show.nobody(v.from, v.to)]
  if (!v.bounds) lines.push(t.show.noRoster(v.lead))
  else if (!v.person) lines.push(t.show.rosterRuns(v.bounds.from, v.bounds.to))
  return lines.join('\n')
}

/** Dates down, shift types across, the people on each shift in the cells. */
export function renderGrid(v: RosterView, style: RenderStyle): string {
  const { t } = style
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
    const day = dayLabel(date, t)
    const marked = isWeekend(date) || holidays.has(date)
    const row = [date, marked && style.color ? style.c.yellow(day) : day, ...cells]
    if (withHolidays) row.push(holidays.get(date) ?? '')
    return row
  })
  const head = [t.show.date, t.show.day, ...v.shifts.map((s) => paint(s.code, `${s.code}\n${shiftHours(s)}${s.remote ? `\n${t.remote}` : ''}`))]
  if (withHolidays) head.push(t.show.holiday)
  const legend = [t.show.weekendLegend]
  if (open) legend.push(t.show.openLegend(open))
  return [renderTable({ head, rows, color: style.color, compact: true }), legend.join(' ')].join('\n')
}

/** People down, dates across, the shift code in each cell: the printable cycle sheet. */
export function renderSheet(v: RosterView, style: RenderStyle): string {
  const { t } = style
  const paint = shiftPainter(v.shifts, style)
  const holidays = new Map(v.holidays.map((h) => [h.date, h.name]))
  const dates = dayRange(v.from, v.to)
  const mine = groupBy(v.assignments, (a) => `${a.staff}|${a.date}`)
  const head = [t.show.staff, t.show.name, ...dates.map((d) => `${t.weekdaysShort[weekdayIndex(d)]}${holidays.has(d) ? t.show.holidayMark : isWeekend(d) ? '*' : ''}\n${d.slice(8)}`), t.show.shifts]
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
    if (open.some(Boolean)) rows.push([t.show.openRow, '', ...open.map((o) => (o && style.color ? style.c.red(o) : o)), ''])
  }
  const legend = [t.show.months(v.from.slice(0, 7), v.to.slice(0, 7)), t.show.weekendMark]
  const named = v.holidays.filter((h) => h.date >= v.from && h.date <= v.to)
  if (named.length) legend.push(t.show.holidaysLegend(t.list(named.map((h) => `${h.date} ${h.name}`))))
  legend.push(t.show.shiftsLegend(t.list(v.shifts.map((s) => `${paint(s.code)} ${shiftHours(s)}${s.remote ? ` ${t.remote}` : ''}`))))
  // The sheet keeps one code per cell: too wide a sheet is shown dates-down instead (see renderSheets), never wrapped.
  return [renderTable({ head, rows, color: style.color, numeric: [dates.length + 2], compact: true, width: Infinity }), t.clauses(legend)].join('\n')
}

/** One person's shifts, one line each; days off are left out. */
export function renderPersonList(v: RosterView, style: RenderStyle): string {
  const { t } = style
  const paint = shiftPainter(v.shifts, style)
  const shifts = new Map(v.shifts.map((s) => [s.code, s]))
  const holidays = new Map(v.holidays.map((h) => [h.date, h.name]))
  const width = Math.max(...v.assignments.map((a) => a.shift.length))
  const lines = v.assignments.map((a) => {
    const s = shifts.get(a.shift)
    const parts = [a.date, padColumns(dayLabel(a.date, t), t.lang === 'en' ? 4 : 5), paint(a.shift, a.shift.padEnd(width)), s ? shiftHours(s) : '', s?.remote ? t.remote : t.office]
    const holiday = holidays.get(a.date)
    if (holiday) parts.push(t.show.holidayOn(holiday))
    return parts.join('  ')
  })
  const days = new Set(v.assignments.map((a) => a.date)).size
  const total = dayRange(v.from, v.to).length
  lines.push(t.show.personTotals(v.assignments.length, total - days))
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
