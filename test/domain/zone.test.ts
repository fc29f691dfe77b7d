import { describe, expect, it } from 'vitest'
import { elapsedMinutes, mostMinutesLost } from '../../src/domain/zone.js'

describe('elapsedMinutes: real time between two wall-clock readings', () => {
  it('is an hour short across the night clocks go forward, an hour long across the night they go back', () => {
    expect(elapsedMinutes('2027-03-27', 22 * 60, '2027-03-28', 9 * 60, 'Europe/Berlin')).toBe(10 * 60)
    expect(elapsedMinutes('2027-03-20', 22 * 60, '2027-03-21', 9 * 60, 'Europe/Berlin')).toBe(11 * 60)
    expect(elapsedMinutes('2027-10-30', 22 * 60, '2027-10-31', 9 * 60, 'Europe/Berlin')).toBe(12 * 60)
  })

  it('takes an end past midnight (a shift crossing it) and counts the clocks where nothing changes', () => {
    // 22:00 + 8 h = 06:00 Sunday by the clocks; 10:00 Sunday is 4 h later either way.
    expect(elapsedMinutes('2027-03-27', 30 * 60, '2027-03-28', 10 * 60, 'Europe/Berlin')).toBe(4 * 60)
    expect(elapsedMinutes('2027-03-27', 22 * 60, '2027-03-28', 9 * 60, 'UTC')).toBe(11 * 60)
    expect(elapsedMinutes('2027-03-27', 22 * 60, '2027-03-29', 9 * 60, 'Asia/Shanghai')).toBe(35 * 60)
  })

  it('mostMinutesLost finds the spring night in a range, and none elsewhere', () => {
    expect(mostMinutesLost('2027-03-22', '2027-04-04', 'Europe/Berlin')).toBe(60)
    expect(mostMinutesLost('2027-10-25', '2027-11-07', 'Europe/Berlin')).toBe(0)
    expect(mostMinutesLost('2027-03-01', '2027-03-31', 'America/New_York')).toBe(60)
    expect(mostMinutesLost('2027-01-01', '2027-12-31', 'Asia/Shanghai')).toBe(0)
  })
})
