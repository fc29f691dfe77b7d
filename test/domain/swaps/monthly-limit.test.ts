import { describe, it, expect } from 'vitest'
import { monthlyLimit } from '../../../src/domain/swaps/index.js'
import { aConfig } from '../../support/builders.js'
import { aSwap, anInput, verifySwapRule, WEEK } from './support.js'

const roster = { assignments: WEEK }

describe('swap.monthly-limit', () => {
  it('allows the third swap of the month (the limit is 3)', () => {
    const swaps = [aSwap({ date: '2027-01-12' }), aSwap({ date: '2027-01-20', status: 'approved' })]
    verifySwapRule(monthlyLimit).given(anInput({ roster, swaps })).passes()
  })

  it('refuses the fourth swap of the requester in the month', () => {
    const swaps = [aSwap({ date: '2027-01-12' }), aSwap({ date: '2027-01-20', status: 'accepted' }), aSwap({ date: '2027-01-28', status: 'approved' })]
    const [v] = verifySwapRule(monthlyLimit).given(anInput({ roster, swaps })).violates(1)
    expect(v!.staff).toBe('ana')
    expect(v!.message).toContain('2027-01')
  })

  it('counts the counterpart too, as requester or counterpart of other swaps', () => {
    const swaps = [
      aSwap({ requester: 'ben', counterpart: 'chen', date: '2027-01-12' }),
      aSwap({ requester: 'dev', counterpart: 'ben', date: '2027-01-20' }),
      aSwap({ requester: 'chen', counterpart: 'ben', date: '2027-01-28', status: 'approved' }),
    ]
    const [v] = verifySwapRule(monthlyLimit).given(anInput({ roster, swaps })).violates(1)
    expect(v!.staff).toBe('ben')
  })

  it('does not count rejected, declined or cancelled swaps', () => {
    const swaps = [
      aSwap({ date: '2027-01-12', status: 'rejected' }), aSwap({ date: '2027-01-14', status: 'declined' }), aSwap({ date: '2027-01-16', status: 'cancelled' }),
      aSwap({ date: '2027-01-20' }), aSwap({ date: '2027-01-28' }),
    ]
    verifySwapRule(monthlyLimit).given(anInput({ roster, swaps })).passes()
  })

  it('counts by the month of D1: a December swap paid back in January does not count', () => {
    const swaps = [aSwap({ date: '2026-12-30', payback: '2027-01-02' }), aSwap({ date: '2027-02-01' }), aSwap({ date: '2027-01-20' }), aSwap({ date: '2027-01-28' })]
    verifySwapRule(monthlyLimit).given(anInput({ roster, swaps })).passes()
  })

  it('does not count the swap being checked twice (re-check on accept and approve)', () => {
    const swaps = [aSwap({ id: 7, date: '2027-01-05', counterpart: 'ben' }), aSwap({ date: '2027-01-20' }), aSwap({ date: '2027-01-28' })]
    verifySwapRule(monthlyLimit).given(anInput({ roster, swaps, swap: { id: 7 } })).passes()
  })

  it('follows swap.max-per-month', () => {
    const swaps = [aSwap({ date: '2027-01-20' }), aSwap({ date: '2027-01-28' })]
    verifySwapRule(monthlyLimit).given(anInput({ roster: { ...roster, config: aConfig({ maxSwapsPerMonth: 2 }) }, swaps })).violates(1)
    verifySwapRule(monthlyLimit).given(anInput({ roster: { ...roster, config: aConfig({ maxSwapsPerMonth: 0 }) } })).violates(2)
  })
})
