// roster holiday add|list|remove|import

import type { Command } from 'commander'
import { weekdayIndex } from '../../../domain/dates.js'
import { holidayJson, nameIn, workdayJson } from '../../../domain/holidays/names.js'
import type { Holiday, HolidayRecord, IsoDate, Workday } from '../../../domain/types.js'
import { nameProblem } from '../../../domain/validate.js'
import { NotFoundError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { renderTable } from '../../render/table.js'
import type { Messages } from '../../../i18n/index.js'
import { registerHolidayImport } from './import.js'

export function registerHoliday(program: Command, app: App): void {
  const holiday = program.command('holiday').description('public holidays: shifts on them cannot be swapped or taken as leave')
  holiday
    .command('add <date>')
    .description('make a date a holiday (or rename the holiday on it)')
    .requiredOption('--name <name>', "the holiday's name (any script)")
    .action(app.action((ctx, [date], raw) => {
      const r = runHolidayAdd(ctx, parseHolidayAdd(ctx, date!, raw))
      ctx.out({ holiday: r.holiday }, () => describeAdd(r, ctx.t))
    }))
  holiday
    .command('list')
    .description('list the holidays, and the make-up working days apart')
    .option('--year <YYYY>', 'only this year')
    .action(app.action((ctx, _args, raw) => {
      const options = parseHolidayList(raw)
      const list = runHolidayList(ctx, options)
      ctx.out(
        { holidays: list.holidays.map((h) => holidayJson(h, ctx.lang)), workdays: list.workdays.map((w) => workdayJson(w, ctx.lang)) },
        () => renderHolidayList(ctx, list, options),
      )
    }))
  holiday
    .command('remove <date>')
    .description('make a date an ordinary day again')
    .action(app.action((ctx, [date]) => {
      const removed = runHolidayRemove(ctx, ctx.date(date!, 'The date'))
      ctx.out({ holiday: removed, removed: true }, () => ctx.t.holiday.removed(removed.date, removed.name))
    }))
  registerHolidayImport(holiday, app)
}

export function parseHolidayAdd(ctx: Ctx, rawDate: string, raw: Record<string, unknown>): Holiday {
  const date = ctx.date(rawDate, 'The date')
  const name = String(raw.name ?? '').trim()
  const problem = nameProblem(name)
  if (problem) throw new UsageError(problem, 'bad-name')
  return { date, name }
}

export interface HolidayAddResult {
  holiday: Holiday
  /** The holiday that was on the date before, if any. */
  before: Holiday | null
}

/** Adds the holiday, or renames the one already on that date; a no-op when it is already so. */
export function runHolidayAdd(ctx: Ctx, h: Holiday): HolidayAddResult {
  ctx.lead('add holidays')
  return ctx.write((store) => {
    const before = store.holidays.find(h.date) ?? null
    if (before?.name !== h.name) {
      store.holidays.upsert(h)
      ctx.audit('holiday.add', h.date, before, h)
    }
    return { holiday: h, before }
  })
}

function describeAdd(r: HolidayAddResult, t: Messages): string {
  const { holiday: h, before } = r
  if (!before) return t.holiday.added(h.name, h.date)
  if (before.name === h.name) return t.holiday.unchanged(h.date, h.name)
  return t.holiday.renamed(h.date, before.name, h.name)
}

export interface HolidayListOptions {
  year?: number
}

export function parseHolidayList(raw: Record<string, unknown>): HolidayListOptions {
  return raw.year === undefined ? {} : { year: intOption(raw.year, '--year', 1900, 2999) }
}

export interface HolidayList {
  holidays: HolidayRecord[]
  /** Make-up working days (调休上班): listed apart, never holidays. */
  workdays: Workday[]
}

export function runHolidayList(ctx: Ctx, o: HolidayListOptions): HolidayList {
  const store = ctx.store()
  if (o.year === undefined) return { holidays: store.holidays.records(), workdays: store.holidays.workdays() }
  const from = `${o.year}-01-01`
  const to = `${o.year}-12-31`
  return { holidays: store.holidays.records(from, to), workdays: store.holidays.workdays(from, to) }
}

/** Removes the holiday on `date`; an unknown date is a usage error. */
export function runHolidayRemove(ctx: Ctx, date: IsoDate): Holiday {
  ctx.lead('remove holidays')
  return ctx.write((store) => {
    const before = store.holidays.find(date)
    if (!before) throw new NotFoundError((m) => m.errors.noHolidayOn(date))
    store.holidays.delete(date)
    ctx.audit('holiday.remove', date, before, null)
    return before
  })
}

function renderHolidayList(ctx: Ctx, list: HolidayList, o: HolidayListOptions): string {
  const { t } = ctx
  if (!list.holidays.length && !list.workdays.length) return t.holiday.empty(o.year)
  const day = (date: IsoDate): string => t.weekdays[weekdayIndex(date)] ?? ''
  // The kind column only where a statutory date stands in for an unknown official schedule.
  const withKind = list.holidays.some((h) => h.statutory)
  const parts: string[] = []
  if (list.holidays.length) {
    parts.push(renderTable({
      head: [t.holiday.date, t.holiday.day, t.holiday.name, ...(withKind ? [t.holiday.kind] : [])],
      rows: list.holidays.map((h) => [h.date, day(h.date), nameIn(h, ctx.lang), ...(withKind ? [h.statutory ? t.holiday.statutory : t.holiday.official] : [])]),
      color: ctx.color,
    }))
  }
  if (list.workdays.length) {
    parts.push(`${t.holiday.workdays}\n${renderTable({
      head: [t.holiday.date, t.holiday.day, t.holiday.name],
      rows: list.workdays.map((w) => [w.date, day(w.date), nameIn(w, ctx.lang)]),
      color: ctx.color,
    })}`)
  }
  return parts.join('\n\n')
}
