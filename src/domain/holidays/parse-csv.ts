// Reads holidays out of CSV text: `date,name` rows, with or without a header
// row, separated by commas or semicolons (as spreadsheets in many locales
// save them), fields optionally quoted.
//
// csv-parse's sync `parse` is passed in rather than imported, so the CLI
// loads it only when a file is imported.

import type { parse as csvParse } from 'csv-parse/sync'
import { isIsoDate } from '../dates.js'
import type { IsoDate } from '../types.js'
import { nameProblem, printable } from '../validate.js'
import { asPhrase, HolidayCollector, tidyName, tooManyHolidays, type HolidayParse } from './collect.js'

export type CsvParseFn = typeof csvParse

/**
 * Parses `date,name` CSV text into holidays, one per date, sorted. Dates are
 * ISO YYYY-MM-DD real calendar dates; names follow the rules for any name.
 * A first row whose first field has no digit is taken as a header. The
 * first bad row rejects the whole file, naming its line.
 */
export function parseCsv(text: string, parse: CsvParseFn): HolidayParse {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { error: 'the file is empty' }
  const delimiter = detectDelimiter(body)
  if (!delimiter) {
    const line = firstLineNumber(body)
    return { error: `line ${line} has no comma or semicolon; write each holiday as date,name` }
  }

  let rows: { record: string[]; info: { lines: number } }[]
  try {
    rows = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: string[]; info: { lines: number } }[]
  } catch (e) {
    return { error: csvProblem(e) }
  }

  const collector = new HolidayCollector()
  const seen = new Map<IsoDate, { name: string; line: number }>()
  let first = true
  for (const { record, info } of rows) {
    const line = info.lines
    const fields = [...record]
    // Spreadsheets pad rows with empty cells: "2027-01-01,New Year's Day,,".
    while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop()
    if (fields.every((f) => f === '')) continue
    const isHeader = first && !/\d/.test(fields[0] ?? '')
    first = false
    if (isHeader) continue
    if (fields.length < 2) return { error: `line ${line} has only one field; write each holiday as date${delimiter}name` }
    if (fields.length > 2) return { error: `line ${line} has ${fields.length} fields, not 2 (date${delimiter}name); put a name that contains "${delimiter}" in double quotes` }
    const date = fields[0]!
    if (!isIsoDate(date)) return { error: `line ${line}: "${printable(date)}" is not a date; write YYYY-MM-DD, a real calendar date from 1900 to 2999` }
    const name = tidyName(fields[1]!)
    const problem = nameProblem(name)
    if (problem) return { error: `line ${line}: ${asPhrase(problem)}` }
    const earlier = seen.get(date)
    if (earlier && earlier.name !== name) return { error: `line ${line} gives ${date} a second name (line ${earlier.line} calls it "${printable(earlier.name)}"); keep one row per date` }
    seen.set(date, { name, line })
    if (!collector.add(date, name)) return { error: tooManyHolidays() }
  }
  if (collector.size === 0) return { error: 'it has no holidays to import, only a header' }
  return { holidays: collector.holidays(), warnings: [] }
}

/** The separator is whatever follows the first field of the first row: a date or a header word holds neither. */
function detectDelimiter(text: string): ',' | ';' | null {
  let quoted = false
  let lineHasText = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (quoted) continue
    else if (ch === ',' || ch === ';') return ch
    else if (ch === '\n' || ch === '\r') {
      if (lineHasText) return null
    } else if (ch.trim() !== '') lineHasText = true
  }
  return null
}

function firstLineNumber(text: string): number {
  const lines = text.split(/\r\n|\n|\r/)
  return lines.findIndex((l) => l.trim() !== '') + 1
}

/** A csv-parse error as a phrase naming the line. */
function csvProblem(e: unknown): string {
  const err = e as { code?: string; lines?: number; message?: string }
  const line = typeof err.lines === 'number' ? `line ${err.lines}` : 'a line'
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted field is never closed (look for a stray double quote up to ${line})`
  return `${line} cannot be read as CSV (${printable(String(err.message ?? e).replace(/\.$/, ''), 120)})`
}
