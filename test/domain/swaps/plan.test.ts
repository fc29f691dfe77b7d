import { describe, it, expect } from 'vitest'
import { applySwap, planSwap, swapWindow } from '../../../src/domain/swaps/plan.js'
import { aRoster } from '../../support/builders.js'
import { WEEK } from './support.js'

const roster = aRoster({ assignments: WEEK })

describe('planSwap / applySwap', () => {
  it('exchange: the two trade their shifts on D1', () => {
    expect(planSwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-04', payback: null })).toEqual({
      kind: 'exchange',
      remove: [{ date: '2027-01-04', shift: 'A', staff: 'ana' }, { date: '2027-01-04', shift: 'B', staff: 'ben' }],
      add: [{ date: '2027-01-04', shift: 'B', staff: 'ana' }, { date: '2027-01-04', shift: 'A', staff: 'ben' }],
    })
  })

  it("cover: P takes R's shift on D1, R takes P's shift on D2", () => {
    expect(planSwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-06' })).toEqual({
      kind: 'cover',
      remove: [{ date: '2027-01-05', shift: 'C', staff: 'ana' }, { date: '2027-01-06', shift: 'A', staff: 'ben' }],
      add: [{ date: '2027-01-05', shift: 'C', staff: 'ben' }, { date: '2027-01-06', shift: 'A', staff: 'ana' }],
    })
  })

  it('returns null when the roster does not allow the swap', () => {
    expect(planSwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-06', payback: null })).toBeNull()
    expect(planSwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: null })).toBeNull()
    expect(planSwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-07' })).toBeNull()
  })

  it('applies to a copy and leaves the original roster alone', () => {
    const copy = JSON.stringify(roster)
    const after = applySwap(roster, { requester: 'ana', counterpart: 'ben', date: '2027-01-04', payback: null })!
    expect(JSON.stringify(roster)).toBe(copy)
    expect(after.assignments.filter((a) => a.date === '2027-01-04').map((a) => `${a.staff}:${a.shift}`).sort()).toEqual(['ana:B', 'ben:A', 'chen:C'])
    expect(after.assignments).toHaveLength(WEEK.length)
  })

  it('loads enough days around both dates for the rules', () => {
    expect(swapWindow({ date: '2027-01-10', payback: '2027-01-05' }, 6)).toEqual({ from: '2026-12-22', to: '2027-01-24' })
  })
})
