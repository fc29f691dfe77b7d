// roster holiday import --country CN --year YYYY: China's official schedule
// (放假安排) from the chinese-days package, days off and make-up working days,
// or, for a year it does not know yet, the statutory dates. The package is
// loaded here, on demand, so no other command pays for it.

import { chinaOfficialSchedule, chinaStatutoryDates, type ChineseDaysData, type LunarCalendar } from '../../../domain/holidays/china.js'
import { planHolidayImport, planWorkdayImport } from '../../../domain/holidays/merge.js'
import { holidayJson, workdayJson } from '../../../domain/holidays/names.js'
import type { HolidayRecord, NameLanguage, Workday } from '../../../domain/types.js'
import type { Messages } from '../../../i18n/index.js'
import type { Ctx } from '../../context.js'

export interface ChinaImportResult {
  year: number
  /** The official schedule (true), or the statutory dates of a year the data does not have. */
  official: boolean
  /** The chinese-days version the schedule came from. */
  dataVersion: string
  holidays: HolidayRecord[]
  workdays: Workday[]
  added: number
  /** Holidays and make-up days whose name changed. */
  renamed: number
  /** Statutory dates the official schedule keeps, under the same name: no longer marked statutory. */
  confirmed: number
  removed: number
  unchanged: number
}

/** Stores the year's schedule in one transaction: statutory dates it replaces and make-up days it no longer has are removed. */
export async function runChinaImport(ctx: Ctx, year: number): Promise<ChinaImportResult> {
  const { data, lunar, version } = await loadChineseDays()
  const schedule = chinaOfficialSchedule(data, year)
  const holidays = schedule?.holidays ?? chinaStatutoryDates(year, lunar)
  const workdays = schedule?.workdays ?? []
  ctx.lead('import holidays')
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const plans = ctx.write((store) => {
    // An official year answers for the statutory dates put in before it; statutory dates for their own earlier run.
    const days = planHolidayImport(store.holidays.records(from, to), holidays, { replaces: (h) => h.statutory })
    // Statutory dates know no make-up days: those stored stay as they are.
    const work = schedule ? planWorkdayImport(store.holidays.workdays(from, to), workdays) : { added: [], updated: [], unchanged: [], removed: [] }
    for (const h of [...days.added, ...days.updated.map((u) => u.after)]) store.holidays.upsertRecord(h)
    for (const h of days.removed) store.holidays.delete(h.date)
    for (const w of [...work.added, ...work.updated.map((u) => u.after)]) store.holidays.upsertWorkday(w)
    for (const w of work.removed) store.holidays.deleteWorkday(w.date)
    if (days.added.length + days.updated.length + days.removed.length + work.added.length + work.updated.length + work.removed.length) {
      ctx.audit(
        'holiday.import',
        `CN ${year}`,
        { updated: days.updated.map((u) => u.before), removed: days.removed, workdays: { updated: work.updated.map((u) => u.before), removed: work.removed } },
        { added: days.added, updated: days.updated.map((u) => u.after), workdays: { added: work.added, updated: work.updated.map((u) => u.after) } },
      )
    }
    return { days, work }
  })
  const { days, work } = plans
  return {
    year,
    official: schedule !== null,
    dataVersion: version,
    holidays,
    workdays,
    added: days.added.length + work.added.length,
    renamed: days.updated.filter((u) => !sameNames(u.before, u.after)).length + work.updated.length,
    confirmed: days.updated.filter((u) => sameNames(u.before, u.after)).length,
    removed: days.removed.length + work.removed.length,
    unchanged: days.unchanged.length + work.unchanged.length,
  }
}

export function chinaImportJson(r: ChinaImportResult, lang: NameLanguage): Record<string, unknown> {
  return {
    imported: r.holidays.length,
    official: r.official,
    added: r.added,
    updated: r.renamed + r.confirmed,
    renamed: r.renamed,
    confirmed: r.confirmed,
    removed: r.removed,
    unchanged: r.unchanged,
    holidays: r.holidays.map((h) => holidayJson(h, lang)),
    workdays: r.workdays.map((w) => workdayJson(w, lang)),
    warnings: r.official ? [] : [`the official schedule for ${r.year} is not known to this version (chinese-days ${r.dataVersion}): imported the statutory dates, marked statutory`],
  }
}

export function describeChinaImport(r: ChinaImportResult, t: Messages): string {
  const source = `CN ${r.year}`
  if (!r.added && !r.renamed && !r.confirmed && !r.removed) return t.holiday.chinaUnchanged(source, r.official, r.holidays.length, r.workdays.length)
  return t.holiday.chinaImported(source, r.official, r.holidays.length, r.workdays.length, { added: r.added, renamed: r.renamed, confirmed: r.confirmed, removed: r.removed })
}

function sameNames(a: HolidayRecord, b: HolidayRecord): boolean {
  return a.name === b.name && a.nameZh === b.nameZh
}

/** chinese-days' schedule data and lunar calendar, loaded on demand. */
async function loadChineseDays(): Promise<{ data: ChineseDaysData; lunar: LunarCalendar; version: string }> {
  const [lib, { default: data }, { default: pkg }] = await Promise.all([
    import('chinese-days'),
    import('chinese-days/dist/chinese-days.json', { with: { type: 'json' } }),
    import('chinese-days/package.json', { with: { type: 'json' } }),
  ])
  const cd = (lib as unknown as { default?: typeof lib }).default ?? lib
  const lunar: LunarCalendar = {
    solarFromLunar: (year, month, day) => cd.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date,
    qingming: (year) => {
      const term = cd.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((s) => s.term === 'pure_brightness')
      if (!term) throw new Error(`chinese-days has no Qingming solar term in April ${year}`)
      return term.date
    },
  }
  return { data: data as ChineseDaysData, lunar, version: (pkg as { version: string }).version }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
