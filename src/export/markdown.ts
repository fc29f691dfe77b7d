// export --format md: a Markdown (GitHub-flavoured) table for chats and
// wikis, with the shifts, people and holidays spelled out under it. Values
// are escaped so a name can neither break the table nor become markup.

import { dayRange, weekdayIndex } from '../domain/dates.js'
import { shiftHours, WEEKDAYS } from '../cli/render/roster.js'
import { groupEntries, nameOf, openPlaces, type ExportModel } from './model.js'

export type MarkdownLayout = 'shifts' | 'grid' | 'dates-down' | 'rows'
export const MARKDOWN_LAYOUTS: readonly MarkdownLayout[] = ['shifts', 'grid', 'dates-down', 'rows']

export interface MarkdownOptions {
  layout: MarkdownLayout
}

/**
 * Makes a value plain text inside a Markdown table cell: `\` and the
 * characters that make emphasis, code, links or strike-through get a
 * backslash, `|` too (it would end the cell), `<`, `>` and `&` become
 * entities (no HTML), and line breaks become spaces.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_|[\]~#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(head: readonly string[], rows: readonly string[][], align: readonly ('l' | 'c' | 'r')[] = []): string {
  const rule = head.map((_, i) => ({ l: '---', c: ':---:', r: '---:' })[align[i] ?? 'l'])
  return [row(head), row(rule), ...rows.map(row)].join('\n')
}

export function toMarkdown(model: ExportModel, options: MarkdownOptions): string {
  const e = escapeMarkdown
  const who = model.person ? ` for ${e(model.person.name)} (${e(model.person.id)})` : ''
  const lines = [`## Roster ${model.from} to ${model.to}${who}`, '']
  if (!model.entries.length) lines.push(`Nobody is on the roster from ${model.from} to ${model.to}.`, '')
  else {
    const body = options.layout === 'grid' ? gridTable(model) : options.layout === 'dates-down' ? datesDownTable(model) : options.layout === 'rows' ? rowsTable(model) : shiftsTable(model)
    lines.push(body, '')
  }
  lines.push(`Shifts: ${model.shifts.map((s) => `${e(s.code)} ${e(s.name)} ${shiftHours(s)} ${s.remote ? 'remote (from home)' : 'office'}`).join('; ')}. Weekends are marked \\*.`)
  const people = model.people.length ? model.people : model.staff
  if (people.length) lines.push('', `People: ${people.map((p) => `${e(p.id)} ${e(p.name)}`).join('; ')}.`)
  if (model.holidays.length) lines.push('', `Holidays: ${model.holidays.map((h) => `${h.date} ${e(h.name)}`).join('; ')}.`)
  lines.push('', `Revision ${model.revision}.`)
  return `${lines.join('\n')}\n`
}

/** `Mon` or `Sat*`. */
function day(date: string): string {
  return `${WEEKDAYS[weekdayIndex(date)]}${weekdayIndex(date) >= 5 ? '\\*' : ''}`
}

/** Dates down, shift types across, the people on each shift in the cells; places nobody fills as `(open)`. */
function shiftsTable(model: ExportModel): string {
  const onShift = groupEntries(model.entries, (x) => `${x.date}|${x.shift}`)
  const open = model.person ? new Map<string, number>() : openPlaces(model, model.from, model.to)
  const holidays = new Map(model.holidays.map((h) => [h.date, h.name]))
  const head = ['Date', 'Day', ...model.shifts.map((s) => `${escapeMarkdown(s.code)} ${shiftHours(s)}${s.remote ? ' (remote)' : ''}`)]
  if (holidays.size) head.push('Holiday')
  const rows = dayRange(model.from, model.to).map((d) => {
    const cells = model.shifts.map((s) => {
      const ids = (onShift.get(`${d}|${s.code}`) ?? []).map((x) => escapeMarkdown(x.staff))
      const missing = open.get(`${d}|${s.code}`) ?? 0
      return [...ids, ...Array.from({ length: missing }, () => '(open)')].join(', ')
    })
    const r = [d, day(d), ...cells]
    if (holidays.size) r.push(escapeMarkdown(holidays.get(d) ?? ''))
    return r
  })
  return table(head, rows)
}

/** People down, dates across. */
function gridTable(model: ExportModel): string {
  const dates = dayRange(model.from, model.to)
  const mine = groupEntries(model.entries, (x) => `${x.staff}|${x.date}`)
  const head = ['Staff', ...dates.map((d) => `${d.slice(5)} ${day(d)}`)]
  const rows = model.people.map((p) => [escapeMarkdown(p.id), ...dates.map((d) => (mine.get(`${p.id}|${d}`) ?? []).map((x) => escapeMarkdown(x.shift)).join('+'))])
  return table(head, rows, ['l', ...dates.map(() => 'c' as const)])
}

/** Dates down, people across. */
function datesDownTable(model: ExportModel): string {
  const mine = groupEntries(model.entries, (x) => `${x.staff}|${x.date}`)
  const head = ['Date', 'Day', ...model.people.map((p) => escapeMarkdown(p.id))]
  const rows = dayRange(model.from, model.to).map((d) => [d, day(d), ...model.people.map((p) => (mine.get(`${p.id}|${d}`) ?? []).map((x) => escapeMarkdown(x.shift)).join('+'))])
  return table(head, rows, ['l', 'l', ...model.people.map(() => 'c' as const)])
}

/** One line per assignment. */
function rowsTable(model: ExportModel): string {
  const holidays = new Map(model.holidays.map((h) => [h.date, h.name]))
  const head = ['Date', 'Day', 'Shift', 'Hours', 'Where', 'Staff', 'Name']
  const rows = model.entries.map((x) => {
    const holiday = holidays.get(x.date)
    return [
      x.date + (holiday === undefined ? '' : ` (${escapeMarkdown(holiday)})`),
      day(x.date),
      escapeMarkdown(x.shift),
      `${x.start}-${x.end}`,
      x.remote ? 'remote' : 'office',
      escapeMarkdown(x.staff),
      escapeMarkdown(nameOf(model, x.staff)),
    ]
  })
  return table(head, rows)
}
