import { describe, it } from 'vitest'
import { expect } from 'vitest'
import { coverage } from '../../../src/domain/rules/index.js'
import { aRoster, anAssignment, MON, TUE, SHIFT_A, SHIFT_B } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

const fullDay = (d: string) => [anAssignment(d, 'A', 'ana'), anAssignment(d, 'B', 'ben'), anAssignment(d, 'C', 'chen')]

describe('roster.coverage', () => {
  it('passes when every shift has its headcount every day', () => {
    verifyRule(coverage).given(aRoster({ assignments: [...fullDay(MON), ...fullDay(TUE)] })).in({ from: MON, to: TUE }).passes()
  })

  it('reports the one missing shift on the one day it is missing', () => {
    const assignments = [...fullDay(MON), anAssignment(TUE, 'A', 'ana'), anAssignment(TUE, 'C', 'chen')]
    const [v] = verifyRule(coverage).given(aRoster({ assignments })).in({ from: MON, to: TUE }).violates(1)
    expect(v!.date).toBe(TUE)
    expect(v!.message).toBe('shift B on 2027-01-05 has 0 of 1 person')
  })

  it('counts a headcount of two: one person is a near miss', () => {
    const shifts = [{ ...SHIFT_A, headcount: 2 }, SHIFT_B]
    const one = [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'B', 'ben')]
    verifyRule(coverage).given(aRoster({ shifts, assignments: one })).in({ from: MON, to: MON }).violates(1)
    const two = [...one, anAssignment(MON, 'A', 'chen')]
    verifyRule(coverage).given(aRoster({ shifts, assignments: two })).in({ from: MON, to: MON }).passes()
  })

  it('ignores days outside the scope', () => {
    verifyRule(coverage).given(aRoster({ assignments: fullDay(MON) })).in({ from: MON, to: MON }).passes()
    verifyRule(coverage).given(aRoster({ assignments: fullDay(MON) })).in({ from: MON, to: TUE }).violates(3)
  })

  it('a shift with headcount 0 needs nobody', () => {
    const shifts = [SHIFT_A, { ...SHIFT_B, headcount: 0 }]
    verifyRule(coverage).given(aRoster({ shifts, assignments: [anAssignment(MON, 'A', 'ana')] })).in({ from: MON, to: MON }).passes()
  })
})
