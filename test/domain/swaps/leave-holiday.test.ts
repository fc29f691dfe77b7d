import { describe, it, expect } from 'vitest'
import { leaveHolidayViolations } from '../../../src/domain/swaps/index.js'
import { WEEK } from './support.js'

const holidays = [{ date: '2027-01-05', name: 'Founders Day' }]
// ana works C on Tue 2027-01-05; ben is off that day.

describe('leave.holiday', () => {
  it('refuses leave over a holiday on which the person works', () => {
    const v = leaveHolidayViolations('ana', '2027-01-04', '2027-01-08', WEEK, holidays)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ rule: 'leave.holiday', staff: 'ana', date: '2027-01-05' })
  })

  it('allows leave over a holiday the person has off (near miss)', () => {
    expect(leaveHolidayViolations('ben', '2027-01-04', '2027-01-08', WEEK, holidays)).toEqual([])
  })

  it('allows leave ending the day before a holiday shift (near miss)', () => {
    expect(leaveHolidayViolations('ana', '2027-01-01', '2027-01-04', WEEK, holidays)).toEqual([])
  })
})
