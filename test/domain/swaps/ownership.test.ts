import { describe, it, expect } from 'vitest'
import { ownership } from '../../../src/domain/swaps/index.js'
import { anInput, verifySwapRule, WEEK } from './support.js'

const roster = { assignments: WEEK }
//        Mon Tue Wed Thu Fri Sat Sun   (2027-01-04 .. 10)
//  ana    A   C   -   A   B   C   -
//  ben    B   -   A   C   -   A   B
//  chen   C   A   B   -   A   B   C
//  dev    -   B   C   B   C   -   A

describe('swap.ownership', () => {
  it('allows an exchange: both work on D1, different shifts', () => {
    verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-04', counterpart: 'ben' } })).passes()
  })

  it('allows a cover: P off on D1, R off on D2 where P works', () => {
    verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-06' } })).passes()
  })

  it('refuses when the requester has no shift on D1', () => {
    const [v] = verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-06', counterpart: 'ben' } })).violates(1)
    expect(v!.message).toContain('no shift on 2027-01-06')
  })

  it('refuses a cover without a payback date', () => {
    const [v] = verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-05', counterpart: 'ben' } })).violates(1)
    expect(v!.message).toContain('--payback')
  })

  it('refuses a payback date on an exchange', () => {
    verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-04', counterpart: 'ben', payback: '2027-01-06' } })).violates(1)
  })

  it('refuses a cover when the requester works on D2, or the counterpart does not', () => {
    verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-07' } })).violates(1)
    verifySwapRule(ownership).given(anInput({ roster, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-08' } })).violates(1)
  })

  it('refuses a swap with oneself, and one where both hold the same shift', () => {
    verifySwapRule(ownership).given(anInput({ roster, swap: { counterpart: 'ana' } })).violates(1)
    const doubled = [...WEEK, { date: '2027-01-04', shift: 'A', staff: 'dev' }]
    verifySwapRule(ownership).given(anInput({ roster: { assignments: doubled }, swap: { date: '2027-01-04', counterpart: 'dev' } })).violates(1)
  })
})
