import { describe, it } from 'vitest'
import { past } from '../../../src/domain/swaps/index.js'
import { anInput, verifySwapRule, WEEK } from './support.js'

const roster = { assignments: WEEK }

describe('swap.past', () => {
  it('refuses a D1 before today', () => {
    verifySwapRule(past).given(anInput({ roster, today: '2027-01-06' })).violates(1)
  })

  it('refuses a payback date before today', () => {
    verifySwapRule(past).given(anInput({ roster, today: '2027-01-05', swap: { date: '2027-01-08', payback: '2027-01-04' } })).violates(1)
  })

  it('allows today itself (near miss)', () => {
    verifySwapRule(past).given(anInput({ roster, today: '2027-01-05', swap: { payback: '2027-01-06' } })).passes()
  })
})
