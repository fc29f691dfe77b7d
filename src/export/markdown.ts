// export --format md: a Markdown (GitHub-flavoured) table for chats and
// wikis, with the shifts, people and holidays spelled out under it. Values
// are escaped so a name can neither break the table nor become markup.

import { dayRange, weekdayIndex } from '../domain/dates.js'
import { shiftHours } from '../views/roster.js'
import { en, type Messages } from '../i18n/index.js'
import { groupEntries, nameOf, openPlaces, type ExportModel } from './model.js'

export type MarkdownLayout = 'shifts' | 'grid' | 'dates-down' | 'rows'
export const MARKDOWN_LAYOUTS: readonly MarkdownLayout[] = ['shifts', 'grid', 'dates-down', 'rows']

export interface MarkdownOptions {
  layout: MarkdownLayout
  /** The language of headings, weekdays and legends (English by default); names and ids stay as they are. */
  t?: Messages
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

/** A GitHub-flavoured Markdown table; the cells must already be escaped. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'c' | 'r')[] = []): string {
  const rule = head.map((_, i) => ({ l: '---', c: ':---:', r: '---:' })[align[i] ?? 'l'])
  return [row(head), row(rule), ...rows.map(row)].join('\n')
}

export function toMarkdown(model: ExportModel, options: MarkdownOptions): string {
  const e = escapeMarkdown
  const t = options.t ?? en
  const who = model.person ? `${e(model.person.name)} (${e(model.person.id)})` : ''
  const lines = [`## ${t.sheet.mdTitle(model.from, model.to, who)}`, '']
  if (!model.entries.length) lines.push(t.sheet.nobody(model.from, model.to), '')
  else {
    const body = options.layout === 'grid' ? gridTable(model, t) : options.layout === 'dates-down' ? datesDownTable(model, t) : options.layout === 'rows' ? rowsTable(model, t) : shiftsTable(model, t)
    lines.push(body, '')
  }
  lines.push(t.sheet.mdShifts(t.semicolons(model.shifts.map((s) => `${e(s.code)} ${e(t.shiftName(s.name))} ${shiftHours(s)} ${s.remote ? t.sheet.remote : t.sheet.office}`))))
  const people = model.people.length ? model.people : model.staff
  if (people.length) lines.push('', t.sheet.mdPeople(t.semicolons(people.map((p) => `${e(p.id)} ${e(p.name)}`))))
  if (model.holidays.length) lines.push('', t.sheet.mdHolidays(t.semicolons(model.holidays.map((h) => `${h.date} ${e(h.name)}`))))
  lines.push('', t.sheet.mdRevision(model.revision))
  return `${lines.join('\n')}\n`
}

/** `Mon` or `Sat*` (`周一`, `周六*`). */
function day(date: string, t: Messages): string {
  return `${t.weekdays[weekdayIndex(date)]}${weekdayIndex(date) >= 5 ? '\\*' : ''}`
}

/** Dates down, shift types across, the people on each shift in the cells; places nobody fills as `(open)`. */
function shiftsTable(model: ExportModel, t: Messages): string {
  const onShift = groupEntries(model.entries, (x) => `${x.date}|${x.shift}`)
  const open = model.person ? new Map<string, number>() : openPlaces(model, model.from, model.to)
  const holidays = new Map(model.holidays.map((h) => [h.date, h.name]))
  const head = [t.sheet.date, t.sheet.day, ...model.shifts.map((s) => `${escapeMarkdown(s.code)} ${shiftHours(s)}${s.remote ? ` ${t.sheet.mdRemote}` : ''}`)]
  if (holidays.size) head.push(t.sheet.holiday)
  const rows = dayRange(model.from, model.to).map((d) => {
    const cells = model.shifts.map((s) => {
      const ids = (onShift.get(`${d}|${s.code}`) ?? []).map((x) => escapeMarkdown(x.staff))
      const missing = open.get(`${d}|${s.code}`) ?? 0
      return [...ids, ...Array.from({ length: missing }, () => escapeMarkdown(t.show.openRow))].join(', ')
    })
    const r = [d, day(d, t), ...cells]
    if (holidays.size) r.push(escapeMarkdown(holidays.get(d) ?? ''))
    return r
  })
  return markdownTable(head, rows)
}

/** People down, dates across. */
function gridTable(model: ExportModel, t: Messages): string {
  const dates = dayRange(model.from, model.to)
  const mine = groupEntries(model.entries, (x) => `${x.staff}|${x.date}`)
  const head = [t.sheet.staff, ...dates.map((d) => `${d.slice(5)} ${day(d, t)}`)]
  const rows = model.people.map((p) => [escapeMarkdown(p.id), ...dates.map((d) => (mine.get(`${p.id}|${d}`) ?? []).map((x) => escapeMarkdown(x.shift)).join('+'))])
  return markdownTable(head, rows, ['l', ...dates.map(() => 'c' as const)])
}

/** Dates down, people across. */
function datesDownTable(model: ExportModel, t: Messages): string {
  const mine = groupEntries(model.entries, (x) => `${x.staff}|${x.date}`)
  const head = [t.sheet.date, t.sheet.day, ...model.people.map((p) => escapeMarkdown(p.id))]
  const rows = dayRange(model.from, model.to).map((d) => [d, day(d, t), ...model.people.map((p) => (mine.get(`${p.id}|${d}`) ?? []).map((x) => escapeMarkdown(x.shift)).join('+'))])
  return markdownTable(head, rows, ['l', 'l', ...model.people.map(() => 'c' as const)])
}

/** One line per assignment. */
function rowsTable(model: ExportModel, t: Messages): string {
  const holidays = new Map(model.holidays.map((h) => [h.date, h.name]))
  const head = [t.sheet.date, t.sheet.day, t.sheet.shift, t.sheet.hours, t.sheet.where, t.sheet.staff, t.sheet.name]
  const rows = model.entries.map((x) => {
    const holiday = holidays.get(x.date)
    return [
      x.date + (holiday === undefined ? '' : ` (${escapeMarkdown(holiday)})`),
      day(x.date, t),
      escapeMarkdown(x.shift),
      `${x.start}-${x.end}`,
      x.remote ? t.sheet.remoteShort : t.office,
      escapeMarkdown(x.staff),
      escapeMarkdown(nameOf(model, x.staff)),
    ]
  })
  return markdownTable(head, rows)
}
