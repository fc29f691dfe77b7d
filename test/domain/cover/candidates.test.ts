import { describe, expect, it } from 'vitest'
import { judgeTaking, rankCoverCandidates } from '../../../src/domain/cover/candidates.js'
import { findOpenShifts, missingOn } from '../../../src/domain/cover/open-shifts.js'
import { nextClaimStatus } from '../../../src/domain/cover/claims.js'
import { aConfig, aLeave, anAssignment as a, aRoster, aStaff, SHIFT_B, MON, TUE, WED, THU, FRI, SAT, SUN } from '../../support/builders.js'

const people = ['ana', 'ben', 'chen', 'dev'].map((id) => aStaff({ id }))

describe('rankCoverCandidates: who could take B on Wednesday', () => {
  it('judges everyone by the personal rules and ranks those who can: no lost day off, then fewest shifts that month', () => {
    const assignments = [
      // ana works Tue and Thu: Wednesday is her only day off between them.
      a(TUE, 'A', 'ana'), a(THU, 'A', 'ana'),
      // ben works C on Wednesday already: one shift a day.
      a(WED, 'C', 'ben'),
      // chen has approved leave on Wednesday.
      // dev works twice on Monday and Sunday: more shifts that month than nobody, no lost day off.
      a(MON, 'A', 'dev'), a(SUN, 'A', 'dev'),
    ]
    const state = aRoster({ assignments, leaves: [aLeave({ staff: 'chen', from: WED, to: WED })] })
    const ranked = rankCoverCandidates(state, { date: WED, shift: 'B', people, month: assignments })
    expect(ranked.map((c) => [c.staff, c.ok, c.shifts])).toEqual([
      ['dev', true, 2],
      ['ana', true, 2],
      // Those who cannot come last, in the same order among themselves.
      ['chen', false, 0],
      ['ben', false, 1],
    ])
    expect(ranked[0]!.costs).toEqual([])
    expect(ranked[1]!.costs).toEqual([{ kind: 'day-off', before: TUE, after: THU }])
    expect(ranked[2]!.violations.map((v) => v.rule)).toEqual(['roster.leave'])
    expect(ranked[3]!.violations.map((v) => v.rule)).toEqual(['roster.one-shift-per-day', 'roster.min-rest'])
  })

  it('fewest shifts that month first among equals, then id; people already on it and removed people are left out', () => {
    const assignments = [a(MON, 'A', 'ana'), a(FRI, 'A', 'ana'), a(MON, 'B', 'ben'), a(WED, 'B', 'chen')]
    const state = aRoster({ assignments })
    const ranked = rankCoverCandidates(state, { date: WED, shift: 'B', people: [...people, aStaff({ id: 'eve', active: false })], month: assignments })
    expect(ranked.map((c) => c.staff)).toEqual(['dev', 'ben', 'ana'])
  })

  it('names a long run as a cost, and refuses a run past the limit (near miss: exactly the limit passes)', () => {
    const five = [MON, TUE, WED, THU, FRI].map((d) => a(d, 'A', 'ana'))
    const state = aRoster({ assignments: five, config: aConfig({ maxConsecutiveDays: 6 }) })
    expect(judgeTaking(state, SAT, 'A', 'ana')).toEqual([])
    const six = aRoster({ assignments: [...five, a(SAT, 'A', 'ana')] })
    expect(judgeTaking(six, SUN, 'A', 'ana').map((v) => v.rule)).toEqual(['roster.max-consecutive-days'])
    const [c] = rankCoverCandidates(state, { date: SAT, shift: 'A', people: [aStaff({ id: 'ana' })], month: five })
    expect(c!.costs).toEqual([{ kind: 'long-run', days: 6, limit: 6 }])
  })

  it('a wish for the shift ranks first, one against it last among those who can (the wish hook)', () => {
    const state = aRoster()
    const wishes = (staff: string) => (staff === 'dev' ? { wish: 7, granted: true, text: 'B please' } : staff === 'ana' ? { wish: 8, granted: false, text: 'day off' } : null)
    const ranked = rankCoverCandidates(state, { date: WED, shift: 'B', people, month: [], wishes })
    expect(ranked.map((c) => c.staff)).toEqual(['dev', 'ben', 'chen', 'ana'])
  })
})

describe('open shifts and claims', () => {
  it('findOpenShifts lists each shift short of its headcount, by date', () => {
    const shifts = [{ ...SHIFT_B, headcount: 2 }]
    expect(findOpenShifts(shifts, [a(MON, 'B', 'ana'), a(TUE, 'B', 'ana'), a(TUE, 'B', 'ben')], MON, WED)).toEqual([
      { date: MON, shift: 'B', missing: 1 },
      { date: WED, shift: 'B', missing: 2 },
    ])
    expect(missingOn(SHIFT_B, [a(MON, 'B', 'ana')], MON)).toBe(0)
  })

  it('a claim is decided once', () => {
    expect(nextClaimStatus('pending', 'approve')).toBe('approved')
    expect(nextClaimStatus('pending', 'reject')).toBe('rejected')
    expect(nextClaimStatus('approved', 'reject')).toBeNull()
    expect(nextClaimStatus('rejected', 'approve')).toBeNull()
  })
})
