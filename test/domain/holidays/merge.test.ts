import { describe, expect, it } from 'vitest'
import { planHolidayImport } from '../../../src/domain/holidays/merge.js'

describe('planHolidayImport', () => {
  it('sorts imported holidays into added, renamed and unchanged', () => {
    const stored = [{ date: '2027-01-01', name: 'New Year' }, { date: '2027-05-01', name: 'Labour Day' }, { date: '2027-07-01', name: 'Team day' }]
    const imported = [{ date: '2027-01-01', name: "New Year's Day" }, { date: '2027-05-01', name: 'Labour Day' }, { date: '2027-10-01', name: 'National Day' }]
    expect(planHolidayImport(stored, imported)).toEqual({
      added: [{ date: '2027-10-01', name: 'National Day' }],
      updated: [{ before: { date: '2027-01-01', name: 'New Year' }, after: { date: '2027-01-01', name: "New Year's Day" } }],
      unchanged: [{ date: '2027-05-01', name: 'Labour Day' }],
    })
  })

  it('plans nothing when the same holidays are imported again', () => {
    const list = [{ date: '2027-01-01', name: 'New Year' }]
    expect(planHolidayImport(list, list)).toEqual({ added: [], updated: [], unchanged: list })
  })
})
