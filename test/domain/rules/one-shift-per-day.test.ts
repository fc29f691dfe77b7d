import { describe, expect, it } from 'vitest'
import { oneShiftPerDay } from '../../../src/domain/rules/index.js'
import { aRoster, anAssignment, MON, TUE } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

describe('roster.one-shift-per-day', () => {
  it('refuses two shifts for one person on one date', () => {
    const [v] = verifyRule(oneShiftPerDay)
      .given(aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'C', 'ana')] }))
      .violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: MON })
    expect(v!.message).toBe('ana works both A and C on 2027-01-04')
  })

  it('near miss: the same shifts on consecutive days are fine', () => {
    verifyRule(oneShiftPerDay).given(aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(TUE, 'C', 'ana')] })).passes()
  })

  it('near miss: two people on one date are fine', () => {
    verifyRule(oneShiftPerDay).given(aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'A', 'ben')] })).passes()
  })

  it('reports only people in scope', () => {
    const state = aRoster({ assignments: [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'B', 'ana')] })
    verifyRule(oneShiftPerDay).given(state).in({ from: MON, to: MON, staff: new Set(['ben']) }).passes()
    verifyRule(oneShiftPerDay).given(state).in({ from: MON, to: MON, staff: new Set(['ana']) }).violates(1)
  })
})
