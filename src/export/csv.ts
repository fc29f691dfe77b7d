// export --format csv: one row per assignment, or the people-by-dates grid
// for spreadsheets. csv-stringify does the quoting (RFC 4180) and defuses
// every cell against formula injection (escape_formulas), since spreadsheets
// run a cell that starts like a formula: docs/decisions/0005-csv-writer.md.

import { stringify } from 'csv-stringify/sync'
import { dayRange } from '../domain/dates.js'
import { WEEKDAYS } from '../views/roster.js'
import { weekdayIndex } from '../domain/dates.js'
import { groupEntries, nameOf, type ExportModel } from './model.js'

export type CsvLayout = 'rows' | 'grid'
export const CSV_LAYOUTS: readonly CsvLayout[] = ['rows', 'grid']

export interface CsvOptions {
  layout: CsvLayout
  /** Start with a UTF-8 byte order mark, so Excel reads Chinese names right. */
  bom: boolean
}

export const CSV_COLUMNS = ['date', 'weekday', 'shift', 'start', 'end', 'remote', 'holiday', 'staff', 'name'] as const

export function toCsv(model: ExportModel, options: CsvOptions): string {
  return csvTable(options.layout === 'grid' ? gridTable(model) : rowTable(model), { bom: options.bom })
}

/**
 * Any table as CSV (the first row its header): RFC 4180 quoting, Unix line
 * ends, every cell defused against formula injection (OWASP, "CSV
 * Injection"): one starting with `=`, `+`, `-`, `@`, tab or carriage return
 * gets a leading `'`, so it shows as text. The roster export and the reports
 * (stats, check, swap ledger) all write through here.
 */
export function csvTable(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return stringify(rows as string[][], { bom: options.bom ?? false, record_delimiter: 'unix', escape_formulas: true })
}

/** `date,weekday,shift,start,end,remote,holiday,staff,name`, one row per assignment. */
function rowTable(model: ExportModel): string[][] {
  return [
    [...CSV_COLUMNS],
    ...model.entries.map((e) => [e.date, WEEKDAYS[weekdayIndex(e.date)]!, e.shift, e.start, e.end, String(e.remote), String(e.holiday), e.staff, nameOf(model, e.staff)]),
  ]
}

/** People down, dates across, shift codes in the cells (`A+C` for two on one day). */
function gridTable(model: ExportModel): string[][] {
  const dates = dayRange(model.from, model.to)
  const mine = groupEntries(model.entries, (e) => `${e.staff}|${e.date}`)
  return [
    ['staff', 'name', ...dates],
    ...model.people.map((p) => [p.id, p.name, ...dates.map((d) => (mine.get(`${p.id}|${d}`) ?? []).map((e) => e.shift).join('+'))]),
  ]
}
