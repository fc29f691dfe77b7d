import { describe, expect, it } from 'vitest'
import { minRest } from '../../../src/domain/rules/index.js'
import { aConfig, aRoster, aShift, anAssignment, MON, TUE, WED } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

const LATE = aShift({ code: 'L', start: 15 * 60, end: 23 * 60 }) // ends 23:00
const EARLY = aShift({ code: 'E', start: 7 * 60, end: 15 * 60 }) // starts 07:00
const EARLY10 = aShift({ code: 'E10', start: 10 * 60, end: 18 * 60 }) // starts 10:00: exactly 11 h after 23:00
const NIGHT = aShift({ code: 'N', start: 22 * 60, end: 6 * 60 }) // crosses midnight, ends 06:00 next day
const shifts = [LATE, EARLY, EARLY10, NIGHT]

describe('roster.min-rest', () => {
  it('refuses 8 hours between a late and an early shift', () => {
    const [v] = verifyRule(minRest)
      .given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E', 'ana')] }))
      .violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: TUE, dates: [MON, TUE] })
    expect(v!.message).toContain('only 8 h rest')
  })

  it('near miss: exactly the minimum rest passes', () => {
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E10', 'ana')] })).passes()
  })

  it('reads the setting: 12 hours makes the exact-11 case fail', () => {
    verifyRule(minRest)
      .given(aRoster({ shifts, config: aConfig({ minRestHours: 12 }), assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E10', 'ana')] }))
      .violates(1)
  })

  it('a shift crossing midnight ends the next morning', () => {
    // N on Monday ends Tuesday 06:00; E10 on Tuesday starts 10:00: 4 h rest.
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'N', 'ana'), anAssignment(TUE, 'E10', 'ana')] })).violates(1)
    // N on Monday, then E on Wednesday: 49 h rest.
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'N', 'ana'), anAssignment(WED, 'E', 'ana')] })).passes()
  })

  it('the default A/B/C shifts leave 11 h after C (22:00) before A (09:00): allowed', () => {
    verifyRule(minRest).given(aRoster({ assignments: [anAssignment(MON, 'C', 'ana'), anAssignment(TUE, 'A', 'ana')] })).passes()
  })

  it('two overlapping shifts on one day have no rest at all', () => {
    const [v] = verifyRule(minRest).given(aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'B', 'ana')] })).violates(1)
    expect(v!.message).toContain('only 0 h rest')
  })

  it('different people never limit each other', () => {
    verifyRule(minRest).given(aRoster({ shifts, assignments: [anAssignment(MON, 'L', 'ana'), anAssignment(TUE, 'E', 'ben')] })).passes()
  })
})
