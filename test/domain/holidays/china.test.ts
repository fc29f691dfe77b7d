import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import chineseDays from 'chinese-days'
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import { describe, expect, it } from 'vitest'
import { chinaOfficialSchedule, chinaStatutoryDates, festivalName, type LunarCalendar } from '../../../src/domain/holidays/china.js'
import { ROOT } from '../../support/cli.js'

interface NoticeDay { date: string; nameZh: string; nameEn: string }
/** The State Council's 2026 notice, written out by hand (not from the package under test). */
const NOTICE = JSON.parse(readFileSync(join(ROOT, 'fixtures/holidays/cn-2026.json'), 'utf8')) as { daysOff: NoticeDay[]; makeUpWorkdays: NoticeDay[] }

/** A lunar calendar that knows only the dates written here. */
const LUNAR_2027: LunarCalendar = {
  solarFromLunar: (year, month, day) => {
    const known: Record<string, string> = { '2027-1-1': '2027-02-06', '2027-5-5': '2027-06-09', '2027-8-15': '2027-09-15' }
    const d = known[`${year}-${month}-${day}`]
    if (!d) throw new Error(`no lunar date ${year}-${month}-${day} here`)
    return d
  },
  qingming: () => '2027-04-05',
}

/** 2027's statutory days off, from published lunar calendars: 春节 初一 is 6 February, 端午 9 June, 中秋 15 September, 清明 5 April. */
const STATUTORY_2027 = [
  ['2027-01-01', '元旦', "New Year's Day"],
  ['2027-02-05', '春节', 'Spring Festival'],
  ['2027-02-06', '春节', 'Spring Festival'],
  ['2027-02-07', '春节', 'Spring Festival'],
  ['2027-02-08', '春节', 'Spring Festival'],
  ['2027-04-05', '清明节', 'Qingming Festival'],
  ['2027-05-01', '劳动节', 'Labour Day'],
  ['2027-05-02', '劳动节', 'Labour Day'],
  ['2027-06-09', '端午节', 'Dragon Boat Festival'],
  ['2027-09-15', '中秋节', 'Mid-Autumn Festival'],
  ['2027-10-01', '国庆节', 'National Day'],
  ['2027-10-02', '国庆节', 'National Day'],
  ['2027-10-03', '国庆节', 'National Day'],
].map(([date, nameZh, name]) => ({ date: date!, name: name!, nameZh: nameZh!, statutory: true }))

describe('chinaOfficialSchedule', () => {
  it('gives the 2026 notice exactly from chinese-days: 33 days off, 6 make-up working days, named in both languages', () => {
    expect(NOTICE.daysOff).toHaveLength(33)
    expect(NOTICE.makeUpWorkdays).toHaveLength(6)
    const s = chinaOfficialSchedule(data, 2026)
    expect(s?.holidays).toEqual(NOTICE.daysOff.map((d) => ({ date: d.date, name: d.nameEn, nameZh: d.nameZh, statutory: false })))
    expect(s?.workdays).toEqual(NOTICE.makeUpWorkdays.map((d) => ({ date: d.date, name: d.nameEn, nameZh: d.nameZh })))
  })

  it('knows no schedule for a year without days off in the data', () => {
    expect(chinaOfficialSchedule({ holidays: { '2026-01-01': "New Year's Day,元旦,1" }, workdays: {} }, 2027)).toBeNull()
    // chinese-days as locked: 2027 is not published in it yet (move this test to a later year when it is).
    expect(chinaOfficialSchedule(data, 2027)).toBeNull()
  })

  it('takes only the year asked for', () => {
    const s = chinaOfficialSchedule({ holidays: { '2025-12-31': 'X,某节,1', '2026-01-01': "New Year's Day,元旦,1" }, workdays: { '2025-12-28': "New Year's Day,元旦,1" } }, 2026)
    expect(s).toEqual({ holidays: [{ date: '2026-01-01', name: "New Year's Day", nameZh: '元旦', statutory: false }], workdays: [] })
  })
})

describe('festivalName', () => {
  it('gives the seven festivals their full Chinese and English names', () => {
    expect(festivalName('Tomb-sweeping Day,清明,1')).toEqual({ zh: '清明节', en: 'Qingming Festival' })
    expect(festivalName('Mid-autumn Festival,中秋,1')).toEqual({ zh: '中秋节', en: 'Mid-Autumn Festival' })
    expect(festivalName('Dragon Boat Festival,端午,1')).toEqual({ zh: '端午节', en: 'Dragon Boat Festival' })
    expect(festivalName("New Year's Day,元旦,1")).toEqual({ zh: '元旦', en: "New Year's Day" })
  })

  it('keeps a name outside the seven as the data gives it', () => {
    expect(festivalName('Anti-Fascist 70th Day,中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日,1'))
      .toEqual({ zh: '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日', en: 'Anti-Fascist 70th Day' })
  })
})

describe('chinaStatutoryDates', () => {
  it("gives the 13 statutory days off of 2027: New Year's Eve and three days of Spring Festival, 1-2 May, 1-3 October", () => {
    expect(chinaStatutoryDates(2027, LUNAR_2027)).toEqual(STATUTORY_2027)
  })

  it("gives the same dates from chinese-days' lunar calendar", () => {
    const lunar: LunarCalendar = {
      solarFromLunar: (y, m, d) => chineseDays.getSolarDateFromLunar(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).date,
      qingming: (y) => chineseDays.getSolarTerms(`${y}-04-01`, `${y}-04-10`).find((t) => t.term === 'pure_brightness')!.date,
    }
    expect(chinaStatutoryDates(2027, lunar)).toEqual(STATUTORY_2027)
  })
})
