import { describe, it, expect } from 'vitest'
import { backToBack } from '../../../src/domain/swaps/index.js'
import { aConfig, SHIFT_A } from '../../support/builders.js'
import type { ShiftType } from '../../../src/domain/types.js'
import { anInput, grid, verifySwapRule, WEEK } from './support.js'

const NIGHT: ShiftType = { code: 'N', name: 'Night', start: 22 * 60, end: 6 * 60, remote: false, headcount: 1 }

describe('swap.back-to-back', () => {
  it('refuses a cover that makes the requester work more days in a row than allowed', () => {
    // Limit 3. Cover: ben takes ana's Tue, ana takes ben's Wed: ana then works Wed-Sat, 4 days.
    const input = anInput({ roster: { assignments: WEEK, config: aConfig({ maxConsecutiveDays: 3 }) }, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-06' } })
    const [v] = verifySwapRule(backToBack).given(input).violates(1)
    expect(v).toMatchObject({ staff: 'ana' })
    expect(v!.message).toContain('roster.max-consecutive-days')
  })

  it('allows the same cover when the run stays within the limit (near miss)', () => {
    const input = anInput({ roster: { assignments: WEEK, config: aConfig({ maxConsecutiveDays: 4 }) }, swap: { date: '2027-01-05', counterpart: 'ben', payback: '2027-01-06' } })
    verifySwapRule(backToBack).given(input).passes()
  })

  it('refuses an exchange that leaves too little rest after a night shift', () => {
    // ana trades her Mon A for ben's Mon night (22:00-06:00), then works A on Tue at 09:00: 3 h rest.
    const assignments = grid('2027-01-04', { ana: 'A A', ben: 'N -' })
    const [v] = verifySwapRule(backToBack).given(anInput({ roster: { shifts: [SHIFT_A, NIGHT], assignments }, swap: { date: '2027-01-04' } })).violates(1)
    expect(v!.message).toContain('roster.min-rest')
    expect(v!.staff).toBe('ana')
  })

  it('allows that exchange when the requester is off the next day (near miss)', () => {
    const assignments = grid('2027-01-04', { ana: 'A - A', ben: 'N - -' })
    verifySwapRule(backToBack).given(anInput({ roster: { shifts: [SHIFT_A, NIGHT], assignments }, swap: { date: '2027-01-04' } })).passes()
  })

  it('refuses a swap that leaves someone on two shifts in one day', () => {
    // ana (wrongly) holds A and B on Monday; trading A for ben's C leaves her on B and C.
    const assignments = grid('2027-01-04', { ana: 'A', ben: 'C' }).concat(grid('2027-01-04', { ana: 'B' }))
    const v = verifySwapRule(backToBack).given(anInput({ roster: { assignments }, swap: { date: '2027-01-04' } })).violations()
    expect(v.some((x) => x.message.includes('roster.one-shift-per-day'))).toBe(true)
  })

  it('does not blame the swap for a violation the roster already had', () => {
    // ana works 7 days in a row before the swap week (limit 6); the exchange on Tue does not touch that run.
    const before = grid('2026-12-27', { ana: 'A A A A A A A -' })
    const input = anInput({ roster: { assignments: [...before, ...grid('2027-01-04', { ana: '- C', ben: '- A' })] }, swap: { date: '2027-01-05' } })
    verifySwapRule(backToBack).given(input).passes()
  })

  it('leaves a swap the roster cannot apply to swap.ownership', () => {
    verifySwapRule(backToBack).given(anInput({ roster: { assignments: WEEK }, swap: { date: '2027-01-06' } })).passes()
  })
})
