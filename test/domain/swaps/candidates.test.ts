import { describe, it, expect } from 'vitest'
import { findSwapCandidates } from '../../../src/domain/swaps/candidates.js'
import { aRoster } from '../../support/builders.js'
import { aSwap, TODAY, WEEK } from './support.js'

//        Mon Tue Wed Thu Fri Sat Sun   (2027-01-04 .. 10)
//  ana    A   C   -   A   B   C   -
//  ben    B   -   A   C   -   A   B
//  chen   C   A   B   -   A   B   C
//  dev    -   B   C   B   C   -   A

describe('findSwapCandidates', () => {
  it('offers colleagues working another shift for an exchange, and those off with their payback dates', () => {
    const base = { roster: aRoster({ assignments: WEEK }), swaps: [], today: TODAY }
    const out = findSwapCandidates(base, { requester: 'ana', date: '2027-01-05', colleagues: ['ben', 'chen', 'dev'], paybackRange: { from: '2027-01-04', to: '2027-01-10' } })
    expect(out).toEqual([
      // ben is off on Tue: a cover, paid back on a day ana is off and ben works (Wed, Sun).
      { counterpart: 'ben', kind: 'cover', theirShift: null, paybacks: ['2027-01-06', '2027-01-10'], swapsThisMonth: 0 },
      { counterpart: 'chen', kind: 'exchange', theirShift: 'A', paybacks: [], swapsThisMonth: 0 },
      { counterpart: 'dev', kind: 'exchange', theirShift: 'B', paybacks: [], swapsThisMonth: 0 },
    ])
  })

  it('ranks who swapped least first and leaves out whoever a rule refuses', () => {
    const swaps = [
      aSwap({ requester: 'chen', counterpart: 'dev', date: '2027-01-20' }),
      aSwap({ requester: 'ben', counterpart: 'dev', date: '2027-01-25' }),
      // dev already swaps on Wednesday: swap.consecutive rules dev out for Tuesday.
      aSwap({ requester: 'dev', counterpart: 'ben', date: '2027-01-06' }),
    ]
    const base = { roster: aRoster({ assignments: WEEK }), swaps, today: TODAY }
    const out = findSwapCandidates(base, { requester: 'ana', date: '2027-01-04', colleagues: ['ben', 'chen', 'dev'], paybackRange: { from: '2027-01-04', to: '2027-01-10' } })
    expect(out.map((c) => [c.counterpart, c.swapsThisMonth])).toEqual([['chen', 1], ['ben', 2]])
  })
})
