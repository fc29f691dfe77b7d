import { describe, expect, it } from 'vitest'
import { onLeave } from '../../../src/domain/rules/index.js'
import { aLeave, aRoster, anAssignment, MON, TUE, WED } from '../../support/builders.js'
import { verifyRule } from '../../support/verify-rule.js'

describe('roster.leave', () => {
  it('refuses a shift on a day of approved leave', () => {
    const state = aRoster({ assignments: [anAssignment(TUE, 'A', 'ana')], leaves: [aLeave({ staff: 'ana', from: MON, to: WED })] })
    const [v] = verifyRule(onLeave).given(state).violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: TUE })
  })

  it('near miss: the day after the leave is fine', () => {
    const state = aRoster({ assignments: [anAssignment(WED, 'A', 'ana')], leaves: [aLeave({ staff: 'ana', from: MON, to: TUE })] })
    verifyRule(onLeave).given(state).passes()
  })

  it('pending and rejected leave do not block', () => {
    for (const status of ['pending', 'rejected'] as const) {
      const state = aRoster({ assignments: [anAssignment(MON, 'A', 'ana')], leaves: [aLeave({ staff: 'ana', status })] })
      verifyRule(onLeave).given(state).passes()
    }
  })

  it("someone else's leave does not block", () => {
    const state = aRoster({ assignments: [anAssignment(MON, 'A', 'ben')], leaves: [aLeave({ staff: 'ana' })] })
    verifyRule(onLeave).given(state).passes()
  })
})
