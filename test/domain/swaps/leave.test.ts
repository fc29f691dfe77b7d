import { describe, it, expect } from 'vitest'
import { leave, leaveOverlapsSwaps } from '../../../src/domain/swaps/index.js'
import { aLeave } from '../../support/builders.js'
import { aSwap, anInput, verifySwapRule, WEEK } from './support.js'

describe('swap.leave (a swap over leave)', () => {
  it("refuses a swap on a day of the requester's pending leave", () => {
    const leaves = [aLeave({ staff: 'ana', from: '2027-01-05', to: '2027-01-08', status: 'pending' })]
    const [v] = verifySwapRule(leave).given(anInput({ roster: { assignments: WEEK, leaves } })).violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: '2027-01-05' })
  })

  it("refuses a cover whose payback day is in the counterpart's approved leave", () => {
    const leaves = [aLeave({ staff: 'ben', from: '2027-01-06', to: '2027-01-06', status: 'approved' })]
    const [v] = verifySwapRule(leave).given(anInput({ roster: { assignments: WEEK, leaves }, swap: { payback: '2027-01-06' } })).violates(1)
    expect(v!.staff).toBe('ben')
  })

  it('allows leave ending the day before, rejected leave, and leave of others (near misses)', () => {
    const leaves = [
      aLeave({ staff: 'ana', from: '2027-01-01', to: '2027-01-04', status: 'approved' }),
      aLeave({ staff: 'ben', from: '2027-01-05', to: '2027-01-05', status: 'rejected' }),
      aLeave({ staff: 'chen', from: '2027-01-05', to: '2027-01-05', status: 'approved' }),
    ]
    verifySwapRule(leave).given(anInput({ roster: { assignments: WEEK, leaves } })).passes()
  })
})

describe('swap.leave (leave over a swap)', () => {
  it('refuses leave over a date of an active swap, as requester or counterpart, D1 or D2', () => {
    expect(leaveOverlapsSwaps('ana', '2027-01-10', '2027-01-14', [aSwap({ date: '2027-01-12' })])).toMatchObject([{ rule: 'swap.leave', staff: 'ana', date: '2027-01-12' }])
    expect(leaveOverlapsSwaps('chen', '2027-01-12', '2027-01-12', [aSwap({ date: '2027-01-12', status: 'approved' })])).toHaveLength(1)
    expect(leaveOverlapsSwaps('ana', '2027-01-20', '2027-01-20', [aSwap({ date: '2027-01-12', payback: '2027-01-20', status: 'accepted' })])).toHaveLength(1)
  })

  it('allows leave next to a swap, over a cancelled swap, or over a swap of others (near misses)', () => {
    expect(leaveOverlapsSwaps('ana', '2027-01-13', '2027-01-20', [aSwap({ date: '2027-01-12' })])).toEqual([])
    expect(leaveOverlapsSwaps('ana', '2027-01-12', '2027-01-12', [aSwap({ date: '2027-01-12', status: 'cancelled' })])).toEqual([])
    expect(leaveOverlapsSwaps('dev', '2027-01-12', '2027-01-12', [aSwap({ date: '2027-01-12' })])).toEqual([])
  })
})
