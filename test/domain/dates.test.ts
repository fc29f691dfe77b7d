import { describe, expect, it } from 'vitest'
import { addDays, dayRange, diffDays, isIsoDate, isMonth, monthRange, nextMonday, resolveDateWord, weekdayIndex } from '../../src/domain/dates.js'
import { formatHhmm, parseHhmm, shiftMinutes } from '../../src/domain/clock.js'

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2027-01-04')).toBe(true)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('2027-13-45')).toBe(false)
    expect(isIsoDate('2027-1-4')).toBe(false)
    expect(isIsoDate('yesterday-ish')).toBe(false)
    expect(isIsoDate('2027-04-31')).toBe(false)
  })

  it('steps across month, year and DST boundaries by whole days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29') // Europe's DST change in between
    expect(diffDays('2027-01-04', '2027-01-25')).toBe(21)
    expect(dayRange('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'])
    expect(dayRange('2027-02-02', '2027-01-30')).toEqual([])
  })

  it('knows weekdays and the next Monday', () => {
    expect(weekdayIndex('2027-01-04')).toBe(0)
    expect(weekdayIndex('2027-01-10')).toBe(6)
    expect(nextMonday('2027-01-04')).toBe('2027-01-11')
    expect(nextMonday('2027-01-10')).toBe('2027-01-11')
  })

  it('reads date words relative to today', () => {
    const today = '2027-01-06' // a Wednesday
    expect(resolveDateWord('today', today)).toBe('2027-01-06')
    expect(resolveDateWord('tomorrow', today)).toBe('2027-01-07')
    expect(resolveDateWord('mon', today)).toBe('2027-01-11')
    expect(resolveDateWord('wed', today)).toBe('2027-01-13')
    expect(resolveDateWord('Friday', today)).toBe('2027-01-08')
    expect(resolveDateWord('2027-02-30', today)).toBeNull()
    expect(resolveDateWord('someday', today)).toBeNull()
  })

  it('reads a date word with an offset in days or weeks (the tour names the roster\'s days so)', () => {
    const today = '2027-01-06' // a Wednesday
    expect(resolveDateWord('next-mon', today)).toBe('2027-01-11')
    expect(resolveDateWord('mon+1', today)).toBe('2027-01-12')
    expect(resolveDateWord('mon+14', today)).toBe('2027-01-25')
    expect(resolveDateWord('mon+2w', today)).toBe('2027-01-25')
    expect(resolveDateWord('next-mon+1w', today)).toBe('2027-01-18')
    expect(resolveDateWord('tomorrow-1', today)).toBe('2027-01-06')
    expect(resolveDateWord('2027-01-31+1', today)).toBe('2027-02-01')
    expect(resolveDateWord('Sun+0', '2027-01-10')).toBe('2027-01-17') // a Sunday: the next one
    expect(resolveDateWord('mon+', today)).toBeNull()
    expect(resolveDateWord('mon+1y', today)).toBeNull()
    expect(resolveDateWord('someday+1', today)).toBeNull()
    expect(resolveDateWord('mon+1000', today)).toBeNull()
    expect(resolveDateWord('2027-02-30+1', today)).toBeNull()
  })

  it('reads months', () => {
    expect(isMonth('2027-02')).toBe(true)
    expect(isMonth('2027-13')).toBe(false)
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })
})

describe('clock', () => {
  it('parses and prints HH:MM', () => {
    expect(parseHhmm('09:00')).toBe(540)
    expect(parseHhmm('24:00')).toBe(1440)
    expect(parseHhmm('24:30')).toBeNull()
    expect(parseHhmm('9:00')).toBeNull()
    expect(parseHhmm('12:60')).toBeNull()
    expect(formatHhmm(1440)).toBe('24:00')
  })

  it('measures shifts that cross midnight', () => {
    expect(shiftMinutes(20 * 60, 22 * 60)).toBe(120)
    expect(shiftMinutes(22 * 60, 6 * 60)).toBe(480)
    expect(shiftMinutes(9 * 60, 9 * 60)).toBe(1440)
  })
})
