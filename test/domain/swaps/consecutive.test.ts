import { describe, it, expect } from 'vitest'
import { consecutive } from '../../../src/domain/swaps/index.js'
import { aSwap, anInput, verifySwapRule, WEEK } from './support.js'

const roster = { assignments: WEEK }
// The swap under test: ana gives away Tue 2027-01-05.

describe('swap.consecutive', () => {
  it('refuses a swap the day after another of the requester', () => {
    const [v] = verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ date: '2027-01-06' })] })).violates(1)
    expect(v).toMatchObject({ staff: 'ana', date: '2027-01-05' })
  })

  it('refuses a swap the day before, or on the same day', () => {
    verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ date: '2027-01-04' })] })).violates(1)
    verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ date: '2027-01-05', counterpart: 'dev' })] })).violates(1)
  })

  it('names the day once when the other swap is on the same day, both days when it is the next', () => {
    const [same] = verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ id: 1, date: '2027-01-05', counterpart: 'dev' })] })).violates(1)
    expect(same!.message).toBe('ana already takes part in swap #1 (pending) on that day, 2027-01-05; swaps may not be on the same or consecutive days')
    expect(same!.message.match(/2027-01-05/g)).toHaveLength(1)
    const [next] = verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ id: 1, date: '2027-01-06' })] })).violates(1)
    expect(next!.message).toBe('ana already takes part in swap #1 (pending) on 2027-01-06, the day next to 2027-01-05; swaps may not be on consecutive days')
  })

  it('allows swaps two days apart (near miss)', () => {
    verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ date: '2027-01-07' }), aSwap({ date: '2027-01-03' })] })).passes()
  })

  it("counts the other swap's payback date and this swap's payback date", () => {
    verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ date: '2027-01-20', payback: '2027-01-04' })] })).violates(1)
    verifySwapRule(consecutive).given(anInput({ roster, swap: { payback: '2027-01-12' }, swaps: [aSwap({ date: '2027-01-13' })] })).violates(1)
    verifySwapRule(consecutive).given(anInput({ roster, swap: { payback: '2027-01-12' }, swaps: [aSwap({ date: '2027-01-14' })] })).passes()
  })

  it('applies to the counterpart as well', () => {
    const [v] = verifySwapRule(consecutive).given(anInput({ roster, swaps: [aSwap({ requester: 'dev', counterpart: 'ben', date: '2027-01-06' })] })).violates(1)
    expect(v!.staff).toBe('ben')
  })

  it('ignores swaps that are no longer active, and the swap itself', () => {
    const swaps = [aSwap({ date: '2027-01-06', status: 'cancelled' }), aSwap({ date: '2027-01-04', status: 'declined' }), aSwap({ id: 9, date: '2027-01-05', counterpart: 'ben' })]
    verifySwapRule(consecutive).given(anInput({ roster, swaps, swap: { id: 9 } })).passes()
  })
})
