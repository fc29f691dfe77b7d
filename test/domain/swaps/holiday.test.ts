import { describe, it, expect } from 'vitest'
import { holiday } from '../../../src/domain/swaps/index.js'
import { anInput, verifySwapRule, WEEK } from './support.js'

describe('swap.holiday', () => {
  it('refuses a swap on a holiday', () => {
    const [v] = verifySwapRule(holiday).given(anInput({ roster: { assignments: WEEK, holidays: [{ date: '2027-01-05', name: 'Founders Day' }] } })).violates(1)
    expect(v!.message).toContain('Founders Day')
  })

  it('refuses a cover paid back on a holiday', () => {
    verifySwapRule(holiday).given(anInput({ roster: { assignments: WEEK, holidays: [{ date: '2027-01-06', name: 'Feast' }] }, swap: { payback: '2027-01-06' } })).violates(1)
  })

  it('allows a swap the day after a holiday (near miss)', () => {
    verifySwapRule(holiday).given(anInput({ roster: { assignments: WEEK, holidays: [{ date: '2027-01-04', name: 'Feast' }, { date: '2027-01-07', name: 'Fair' }] }, swap: { payback: '2027-01-06' } })).passes()
  })
})
