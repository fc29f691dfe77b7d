// roster holiday import <file.ics|file.csv> | --country <CC> [--year <YYYY>]
//
// The file is read and checked completely before the database is touched;
// then every holiday is written in one transaction. The parsing libraries
// are loaded here, on demand, so no other command pays for them.

import { statSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import type { Command } from 'commander'
import { decodeText } from '../../../domain/holidays/decode.js'
import { publicHolidays } from '../../../domain/holidays/from-country.js'
import type { HolidayParse } from '../../../domain/holidays/collect.js'
import { planHolidayImport, plainHoliday } from '../../../domain/holidays/merge.js'
import { parseCsv } from '../../../domain/holidays/parse-csv.js'
import { parseIcs } from '../../../domain/holidays/parse-ics.js'
import type { Holiday } from '../../../domain/types.js'
import { printable } from '../../../domain/validate.js'
import { UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { readInputFile } from '../../files.js'
import { intOption, type App } from '../../app.js'
import { chinaImportJson, describeChinaImport, runChinaImport } from './import-china.js'

/** Bigger files are refused unread: a year of holidays is a few kilobytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export type HolidaySource =
  | { kind: 'file'; path: string; format: 'ics' | 'csv' }
  | { kind: 'country'; country: string; state?: string; year: number }

export interface HolidayImportResult {
  /** What was imported, for messages and the audit log: the file as given, or "CN 2027". */
  source: string
  holidays: Holiday[]
  added: number
  updated: number
  unchanged: number
  warnings: string[]
}

export function registerHolidayImport(holiday: Command, app: App): void {
  holiday
    .command('import [file]')
    .description('import holidays from an iCalendar (.ics) or CSV (date,name) file, or a country\'s public holidays')
    .option('--country <CC>', 'a country\'s whole-day public holidays (ISO code such as CN, DE, US; DE-BY for a state); CN: the official schedule with make-up working days')
    .option('--year <YYYY>', 'the year for --country (default: this year)')
    .action(app.action(async (ctx, [file], raw) => {
      const source = parseHolidayImport(file, raw, Number(ctx.today().slice(0, 4)))
      if (source.kind === 'country' && source.country === 'CN' && !source.state) {
        const r = await runChinaImport(ctx, source.year)
        if (!r.official) ctx.note(ctx.t.holiday.statutoryOnly(r.year, r.dataVersion))
        ctx.out(chinaImportJson(r, ctx.lang), () => describeChinaImport(r, ctx.t))
        return
      }
      const r = await runHolidayImport(ctx, source)
      for (const w of r.warnings) ctx.note(ctx.t.holiday.note(w))
      ctx.out(
        { imported: r.holidays.length, added: r.added, updated: r.updated, unchanged: r.unchanged, holidays: r.holidays, warnings: r.warnings },
        () => ctx.t.holiday.imported(r.holidays.length, r.source, r.added, r.updated, r.unchanged),
      )
    }))
}

/** Checks the arguments: exactly one of a file (by its extension) or --country. */
export function parseHolidayImport(file: string | undefined, raw: Record<string, unknown>, thisYear: number): HolidaySource {
  const country = raw.country === undefined ? undefined : String(raw.country)
  if (file !== undefined && country !== undefined) {
    throw new UsageError((m) => m.errors.holidayImport.fileAndCountry)
  }
  if (country !== undefined) {
    const m = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?$/.exec(country.trim())
    if (!m) throw new UsageError((t) => t.holiday.badCountry(printable(country)), 'bad-country')
    const year = raw.year === undefined ? thisYear : intOption(raw.year, '--year', 1970, 2100)
    return { kind: 'country', country: m[1]!.toUpperCase(), ...(m[2] ? { state: m[2].toUpperCase() } : {}), year }
  }
  if (file === undefined) {
    throw new UsageError((m) => m.errors.holidayImport.nothing)
  }
  if (raw.year !== undefined) {
    throw new UsageError((m) => m.errors.holidayImport.yearWithoutCountry)
  }
  const ext = extname(file).toLowerCase()
  if (ext === '.ics' || ext === '.ical') return { kind: 'file', path: file, format: 'ics' }
  if (ext === '.csv') return { kind: 'file', path: file, format: 'csv' }
  throw new UsageError((m) => m.errors.holidayImport.badFileName(printable(file, 80)), 'bad-import-file')
}

/** Reads and checks the source, then stores every holiday in one transaction: added, renamed or left as it was. */
export async function runHolidayImport(ctx: Ctx, source: HolidaySource): Promise<HolidayImportResult> {
  // Bad input is reported before permission, as for every command: parse, then run.
  const { label, parsed, zhNames } = source.kind === 'file' ? { ...(await readFile(ctx, source)), zhNames: undefined } : await readCountry(ctx, source)
  if ('error' in parsed) throw new UsageError((m) => m.errors.holidayImport.cannotImport(label, parsed.error), 'bad-import-file')
  ctx.lead('import holidays')
  const holidays = parsed.holidays
  const plan = ctx.write((store) => {
    const stored = holidays.length ? store.holidays.records(holidays[0]!.date, holidays[holidays.length - 1]!.date) : []
    const plan = planHolidayImport(stored, holidays.map((h) => ({ ...plainHoliday(h), nameZh: zhNames?.get(h.date) ?? null })))
    for (const h of plan.added) store.holidays.upsertRecord(h)
    for (const u of plan.updated) store.holidays.upsertRecord(u.after)
    if (plan.added.length || plan.updated.length) {
      ctx.audit('holiday.import', label, { updated: plan.updated.map((u) => u.before) }, { added: plan.added, updated: plan.updated.map((u) => u.after) })
    }
    return plan
  })
  return { source: label, holidays, added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged.length, warnings: parsed.warnings }
}

async function readFile(ctx: Ctx, source: Extract<HolidaySource, { kind: 'file' }>): Promise<{ label: string; parsed: HolidayParse }> {
  const label = printable(source.path, 80)
  const path = resolve(ctx.deps.cwd, source.path)
  let bytes: Buffer
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) return { label, parsed: { error: 'it is a folder, not a file' } }
    // A pipe or a device is never opened: reading one waits for ever or never ends.
    if (!stat.isFile()) return { label, parsed: { error: `it is ${stat.isFIFO() ? 'a pipe (FIFO)' : stat.isSocket() ? 'a socket' : 'a device'}, not a file` } }
    // Size first: an oversized file is refused without reading it.
    if (stat.size > MAX_IMPORT_BYTES) return { label, parsed: { error: `it is ${megabytes(stat.size)}, more than the 5 MB a holiday file may be` } }
  } catch (e) {
    return { label, parsed: { error: fileProblem(e) } }
  }
  bytes = readInputFile(path, 'holiday import')
  if (bytes.length > MAX_IMPORT_BYTES) return { label, parsed: { error: `it is ${megabytes(bytes.length)}, more than the 5 MB a holiday file may be` } }
  const decoded = decodeText(bytes)
  if ('error' in decoded) return { label, parsed: decoded }
  if (source.format === 'ics') {
    const { default: ical } = await import('ical.js')
    return { label, parsed: parseIcs(decoded.text, ical) }
  }
  const { parse } = await import('csv-parse/sync')
  return { label, parsed: parseCsv(decoded.text, parse) }
}

async function readCountry(_ctx: Ctx, source: Extract<HolidaySource, { kind: 'country' }>): Promise<{ label: string; parsed: HolidayParse; zhNames?: Map<string, string> }> {
  const { default: Holidays } = await import('date-holidays')
  const calendar = new Holidays()
  const code = source.state ? `${source.country}-${source.state}` : source.country
  if (!(source.country in calendar.getCountries('en'))) {
    throw new UsageError((t) => t.holiday.unknownCountry(source.country), 'unknown-country')
  }
  if (source.state && !(source.state in (calendar.getStates(source.country, 'en') ?? {}))) {
    throw new UsageError((t) => t.holiday.unknownState(source.state!, source.country), 'unknown-country')
  }
  if (source.state) calendar.init(source.country, source.state)
  else calendar.init(source.country)
  // Names in English, and in Chinese where the calendar has a Chinese name
  // (not its fallback to the country's own language): shown following --lang.
  const parsed = publicHolidays(calendar.getHolidays(source.year, 'en'))
  const zh = publicHolidays(calendar.getHolidays(source.year, 'zh'))
  // The country's own names from a calendar of its own: date-holidays remembers the last language asked for.
  const own = new Holidays()
  if (source.state) own.init(source.country, source.state)
  else own.init(source.country)
  const native = publicHolidays(own.getHolidays(source.year))
  const zhNames = new Map<string, string>()
  if (!('error' in parsed) && !('error' in zh) && !('error' in native)) {
    const en = new Map(parsed.holidays.map((h) => [h.date, h.name]))
    const ownNames = new Map(native.holidays.map((h) => [h.date, h.name]))
    for (const h of zh.holidays) {
      if (h.name !== en.get(h.date) && h.name !== ownNames.get(h.date) && /\p{Script=Han}/u.test(h.name)) zhNames.set(h.date, h.name)
    }
  }
  return { label: `${code} ${source.year}`, parsed, zhNames }
}

function fileProblem(e: unknown): string {
  const code = (e as { code?: string }).code
  if (code === 'ENOENT') return 'there is no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'you may not read it (permission denied)'
  return `it cannot be read (${printable(String((e as Error).message ?? e), 80)})`
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
