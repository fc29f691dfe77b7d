// China's holidays: the official schedule (放假安排) the State Council
// publishes each year, as the chinese-days package keeps it, and the
// statutory dates (全国年节及纪念日放假办法) for a year whose schedule is not
// out yet. Pure: the package's data and its lunar calendar are passed in.

import { addDays } from '../dates.js'
import type { HolidayRecord, IsoDate, Workday } from '../types.js'

/** The part of chinese-days' data read here: per date, "English name,中文名,days in lieu". */
export interface ChineseDaysData {
  holidays: Readonly<Record<string, string>>
  workdays: Readonly<Record<string, string>>
}

/** A Chinese lunar calendar: the solar date of a lunar one, and the day of the Qingming solar term. */
export interface LunarCalendar {
  /** The solar date of `day` of lunar `month` (not a leap month) of the lunar year that starts in `year`. */
  solarFromLunar(year: number, month: number, day: number): IsoDate
  /** The day of the Qingming solar term (清明) in `year`, early April. */
  qingming(year: number): IsoDate
}

export interface FestivalName {
  zh: string
  en: string
}

/** The seven festivals of the State Council's schedule, by the short name chinese-days gives them. */
export const CHINA_FESTIVALS: Readonly<Record<string, FestivalName>> = {
  元旦: { zh: '元旦', en: "New Year's Day" },
  春节: { zh: '春节', en: 'Spring Festival' },
  清明: { zh: '清明节', en: 'Qingming Festival' },
  劳动节: { zh: '劳动节', en: 'Labour Day' },
  端午: { zh: '端午节', en: 'Dragon Boat Festival' },
  中秋: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  国庆节: { zh: '国庆节', en: 'National Day' },
}

export interface ChinaSchedule {
  holidays: HolidayRecord[]
  workdays: Workday[]
}

/**
 * The official schedule of `year`: every day off and every make-up working
 * day, named in English and Chinese, in date order; null when the data has
 * no day off in that year (its schedule is not out, or not in this version).
 */
export function chinaOfficialSchedule(data: ChineseDaysData, year: number): ChinaSchedule | null {
  const prefix = `${year}-`
  const holidays = entriesOf(data.holidays, prefix).map(([date, n]) => ({ date, name: n.en, nameZh: n.zh, statutory: false }))
  if (!holidays.length) return null
  const workdays = entriesOf(data.workdays, prefix).map(([date, n]) => ({ date, name: n.en, nameZh: n.zh }))
  return { holidays, workdays }
}

/**
 * The statutory days off of `year` under the 2024 revision of the national
 * rules (in force from 2025): 元旦 1 January; 春节 New Year's Eve and the first
 * three days of the lunar year; 清明节 the Qingming solar term; 劳动节 1 and 2
 * May; 端午节 the 5th of the 5th lunar month; 中秋节 the 15th of the 8th; 国庆节
 * 1 to 3 October: 13 days, each marked statutory. The official schedule adds
 * the days around them and the make-up working days.
 */
export function chinaStatutoryDates(year: number, lunar: LunarCalendar): HolidayRecord[] {
  const out: HolidayRecord[] = []
  const add = (date: IsoDate, key: string): void => {
    const n = CHINA_FESTIVALS[key]!
    out.push({ date, name: n.en, nameZh: n.zh, statutory: true })
  }
  add(`${year}-01-01`, '元旦')
  // 除夕 is the day before the first day of the first lunar month.
  const newYear = lunar.solarFromLunar(year, 1, 1)
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), '春节')
  add(lunar.qingming(year), '清明')
  add(`${year}-05-01`, '劳动节')
  add(`${year}-05-02`, '劳动节')
  add(lunar.solarFromLunar(year, 5, 5), '端午')
  add(lunar.solarFromLunar(year, 8, 15), '中秋')
  for (const d of ['01', '02', '03']) add(`${year}-10-${d}`, '国庆节')
  // Within one year (除夕 falls in January or February of the same year).
  return out.filter((h) => h.date.startsWith(`${year}-`)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function entriesOf(table: Readonly<Record<string, string>>, prefix: string): [IsoDate, FestivalName][] {
  return Object.entries(table)
    .filter(([date]) => date.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, value]) => [date, festivalName(value)])
}

/** "Tomb-sweeping Day,清明,1" -> 清明节 / Qingming Festival; a name outside the seven is kept as the data gives it. */
export function festivalName(value: string): FestivalName {
  const [en = '', zh = ''] = value.split(',').map((s) => s.trim())
  return CHINA_FESTIVALS[zh] ?? { zh: zh || en, en: en || zh }
}
