import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import { publicHolidays, type CalendarEntry } from '../../../src/domain/holidays/from-country.js'

/** An entry as date-holidays gives it, in China's time zone (UTC+8). */
function entry(date: string, name: string, type = 'public', days = 1): CalendarEntry {
  const start = new Date(`${date.replace(' ', 'T')}+08:00`)
  const midnight = new Date(`${date.slice(0, 10)}T00:00:00+08:00`)
  return { date, name, type, start, end: new Date(midnight.getTime() + days * 86_400_000) }
}

describe('publicHolidays', () => {
  it('keeps whole-day public holidays, one per date, and skips the other types', () => {
    const r = publicHolidays([
      entry('2027-01-01 00:00:00', "New Year's Day"),
      entry('2027-02-04 00:00:00', "Spring Festival's Eve", 'optional'),
      entry('2027-02-05 00:00:00', 'Spring Festival'),
      entry('2027-02-14 00:00:00', "Valentine's Day", 'observance'),
    ])
    expect(r).toEqual({ holidays: [{ date: '2027-01-01', name: "New Year's Day" }, { date: '2027-02-05', name: 'Spring Festival' }], warnings: [] })
  })

  it('gives a holiday lasting several days one holiday per day', () => {
    const r = publicHolidays([entry('2027-10-01 00:00:00', 'National Day', 'public', 3)])
    expect('holidays' in r && r.holidays).toEqual([
      { date: '2027-10-01', name: 'National Day' },
      { date: '2027-10-02', name: 'National Day' },
      { date: '2027-10-03', name: 'National Day' },
    ])
  })

  it('leaves out public holidays that start at midday, and says which', () => {
    const r = publicHolidays([entry('2027-03-08 12:00:00', "International Women's Day"), entry('2027-05-01 00:00:00', 'Labour Day'), entry('2027-08-01 12:00:00', 'Army Day')])
    expect(r).toEqual({
      holidays: [{ date: '2027-05-01', name: 'Labour Day' }],
      warnings: ["left out 2 public holidays that last only part of a day: International Women's Day, Army Day"],
    })
  })

  it('joins two holidays on one date', () => {
    const r = publicHolidays([entry('2027-12-25 00:00:00', 'Christmas Day'), entry('2027-12-25 00:00:00', 'Christmas Day'), entry('2027-12-25 00:00:00', 'Feast')])
    expect('holidays' in r && r.holidays).toEqual([{ date: '2027-12-25', name: 'Christmas Day / Feast' }])
  })

  it("reads China's 2027 calendar from date-holidays", () => {
    const cn = new Holidays('CN')
    const r = publicHolidays(cn.getHolidays(2027, 'en'))
    if ('error' in r) throw new Error(r.error)
    expect(r.holidays).toContainEqual({ date: '2027-01-01', name: "New Year's Day" })
    expect(r.holidays).toContainEqual({ date: '2027-02-06', name: 'Spring Festival' })
    expect(r.holidays).toContainEqual({ date: '2027-10-01', name: 'National Day' })
    expect(r.holidays.map((h) => h.date)).not.toContain('2027-03-08')
    expect(new Set(r.holidays.map((h) => h.date)).size).toBe(r.holidays.length)
  })
})
