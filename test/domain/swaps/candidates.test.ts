import { describe, it, expect } from 'vitest'
import { anyoneCanTake, assessColleagues, findSwapCandidates, requesterBlocks } from '../../../src/domain/swaps/candidates.js'
import { aRoster } from '../../support/builders.js'
import { aSwap, grid, TODAY, WEEK } from './support.js'

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

describe('assessColleagues', () => {
  it('gives every colleague who cannot take the shift with the violations that say why', () => {
    // dev swaps on Wednesday: swap.consecutive rules dev out for Tuesday.
    const swaps = [aSwap({ id: 7, requester: 'dev', counterpart: 'ben', date: '2027-01-06' })]
    const base = { roster: aRoster({ assignments: WEEK }), swaps, today: TODAY }
    const out = assessColleagues(base, { requester: 'ana', date: '2027-01-05', colleagues: ['ben', 'chen', 'dev'], paybackRange: { from: '2027-01-04', to: '2027-01-10' } })
    expect(out.candidates.map((c) => c.counterpart)).toEqual(['chen'])
    // ben is off on Tuesday (a cover) and is part of swap #7 on Wednesday: every payback date fails on swap.consecutive.
    expect(out.refused.map((r) => [r.counterpart, r.kind, r.violations.map((v) => v.rule), r.paybacksTried])).toEqual([
      ['ben', 'cover', ['swap.consecutive'], 2],
      ['dev', 'exchange', ['swap.consecutive'], 0],
    ])
    expect(out.refused[1]!.violations[0]!.staff).toBe('dev')
  })

  it('a cover with no day on which the colleague works and the requester is off: no violation, no date tried', () => {
    //          Mon Tue Wed
    //  ana      A   A   A
    //  ben      -   B   B     ben works only on days ana works too
    const roster = aRoster({ assignments: grid('2027-01-04', { ana: 'A A A', ben: '- B B' }) })
    const out = assessColleagues({ roster, swaps: [], today: TODAY }, { requester: 'ana', date: '2027-01-04', colleagues: ['ben'], paybackRange: { from: '2027-01-04', to: '2027-01-06' } })
    expect(out.candidates).toEqual([])
    expect(out.refused).toEqual([{ counterpart: 'ben', kind: 'cover', violations: [], paybacksTried: 0 }])
  })
})

describe('anyoneCanTake', () => {
  it('is true while one colleague passes every rule, false when none does', () => {
    const base = { roster: aRoster({ assignments: WEEK }), swaps: [], today: TODAY }
    const q = { requester: 'ana', date: '2027-01-05', colleagues: ['ben', 'chen', 'dev'], paybackRange: { from: '2027-01-04', to: '2027-01-10' } }
    expect(anyoneCanTake(base, q)).toBe(true)
    // Everyone else on leave that Tuesday.
    const away = ['ben', 'chen', 'dev'].map((staff, i) => ({ id: i + 1, staff, from: '2027-01-05', to: '2027-01-05', status: 'pending' as const, reason: null }))
    expect(anyoneCanTake({ ...base, roster: aRoster({ assignments: WEEK, leaves: away }) }, q)).toBe(false)
    // Near miss: one of them (chen) not away is enough.
    expect(anyoneCanTake({ ...base, roster: aRoster({ assignments: WEEK, leaves: away.filter((l) => l.staff !== 'chen') }) }, q)).toBe(true)
  })
})

describe('requesterBlocks', () => {
  const base = { roster: aRoster({ assignments: WEEK, holidays: [{ date: '2027-01-07', name: 'Founders Day' }] }), swaps: [aSwap({ requester: 'ben', counterpart: 'dev', date: '2027-01-05' })], today: '2027-01-05' }

  it('names the rules that stop the requester whoever the colleague: past, holiday, own swap next to it', () => {
    expect(requesterBlocks(base, 'ana', '2027-01-04').map((v) => v.rule)).toEqual(['swap.past'])
    expect(requesterBlocks(base, 'ana', '2027-01-07').map((v) => v.rule)).toEqual(['swap.holiday'])
    expect(requesterBlocks({ ...base, swaps: [aSwap({ requester: 'ana', counterpart: 'chen', date: '2027-01-09' })] }, 'ana', '2027-01-08').map((v) => v.rule)).toEqual(['swap.consecutive'])
  })

  it('ignores what concerns only colleagues: ben and dev swapping on Tuesday does not stop ana on Tuesday', () => {
    expect(requesterBlocks(base, 'ana', '2027-01-05')).toEqual([])
    expect(requesterBlocks(base, 'ana', '2027-01-08')).toEqual([])
  })
})
