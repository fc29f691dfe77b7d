import { describe, expect, it } from 'vitest'
import { addDays } from '../../../src/domain/dates.js'
import { maxConsecutiveDays } from '../../../src/domain/rules/index.js'
import { aConfig, aRoster, anAssignment, MON } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

const run = (staff: string, from: string, days: number) => Array.from({ length: days }, (_, i) => anAssignment(addDays(from, i), 'A', staff))

describe('roster.max-consecutive-days', () => {
  it('refuses a seventh day in a row', () => {
    const [v] = verifyRule(maxConsecutiveDays).given(aRoster({ assignments: run('ana', MON, 7) })).violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: '2027-01-10', dates: ['2027-01-04', '2027-01-10'] })
    expect(v!.message).toBe('ana works 7 days in a row from 2027-01-04 to 2027-01-10; at most 6 are allowed')
  })

  it('near miss: six days in a row pass', () => {
    verifyRule(maxConsecutiveDays).given(aRoster({ assignments: run('ana', MON, 6) })).passes()
  })

  it('a day off resets the count', () => {
    verifyRule(maxConsecutiveDays).given(aRoster({ assignments: [...run('ana', MON, 6), ...run('ana', addDays(MON, 7), 6)] })).passes()
  })

  it('reads the setting', () => {
    verifyRule(maxConsecutiveDays).given(aRoster({ config: aConfig({ maxConsecutiveDays: 4 }), assignments: run('ana', MON, 5) })).violates(1)
  })

  it('a run that started before the scope still counts', () => {
    const state = aRoster({ assignments: run('ana', MON, 8) })
    verifyRule(maxConsecutiveDays).given(state).in({ from: addDays(MON, 7), to: addDays(MON, 10) }).violates(1)
  })

  it('one long run is reported once', () => {
    verifyRule(maxConsecutiveDays).given(aRoster({ assignments: run('ana', MON, 12) })).violates(1)
  })
})
