import { describe, expect, it } from 'vitest'
import { dayRange } from '../../src/domain/dates.js'
import { computeFairness } from '../../src/domain/fairness.js'
import { anAssignment, DEMO_SHIFTS, FRI, MON, SAT, SUN, THU, TUE, WED } from '../support/builders.js'

const WEEK = dayRange(MON, SUN)

describe('computeFairness', () => {
  it('counts shifts by type, in total, on weekends and holidays, and days off, per person in staff order', () => {
    const assignments = [
      anAssignment(MON, 'A', 'ana'),
      anAssignment(TUE, 'A', 'ana'),
      anAssignment(SAT, 'C', 'ana'),
      anAssignment(WED, 'B', 'ben'),
      anAssignment(SUN, 'B', 'ben'),
      anAssignment(THU, 'A', 'ben'),
    ]
    const summary = computeFairness(assignments, ['ben', 'ana', 'cy'], DEMO_SHIFTS, WEEK, [{ date: THU, name: 'Founders day' }])
    expect(summary.staff).toEqual([
      { id: 'ben', shifts: { A: 1, B: 2, C: 0 }, total: 3, daysOff: 4, weekend: 1, holiday: 1 },
      { id: 'ana', shifts: { A: 2, B: 0, C: 1 }, total: 3, daysOff: 4, weekend: 1, holiday: 0 },
      { id: 'cy', shifts: { A: 0, B: 0, C: 0 }, total: 0, daysOff: 7, weekend: 0, holiday: 0 },
    ])
    expect(summary.spread).toEqual({ shifts: { A: 2, B: 2, C: 1 }, total: 3, daysOff: 3, weekend: 1, holiday: 1 })
  })

  it('counts a Saturday that is a make-up working day (调休上班) as a working day, not a weekend', () => {
    const assignments = [anAssignment(SAT, 'A', 'ana'), anAssignment(SUN, 'A', 'ana'), anAssignment(SAT, 'B', 'ben')]
    const plain = computeFairness(assignments, ['ana', 'ben'], DEMO_SHIFTS, WEEK, [])
    expect(plain.staff.map((s) => s.weekend)).toEqual([2, 1])
    const madeUp = computeFairness(assignments, ['ana', 'ben'], DEMO_SHIFTS, WEEK, [], [SAT])
    expect(madeUp.staff.map((s) => s.weekend)).toEqual([1, 0])
    // A make-up day on a weekday changes nothing.
    expect(computeFairness(assignments, ['ana', 'ben'], DEMO_SHIFTS, WEEK, [], [MON]).staff.map((s) => s.weekend)).toEqual([2, 1])
  })

  it('ignores assignments outside the dates and of people not listed', () => {
    const assignments = [anAssignment('2027-01-03', 'A', 'ana'), anAssignment(FRI, 'A', 'zed'), anAssignment(FRI, 'B', 'ana')]
    const summary = computeFairness(assignments, ['ana'], DEMO_SHIFTS, WEEK, [])
    expect(summary.staff).toEqual([{ id: 'ana', shifts: { A: 0, B: 1, C: 0 }, total: 1, daysOff: 6, weekend: 0, holiday: 0 }])
    expect(summary.spread).toEqual({ shifts: { A: 0, B: 0, C: 0 }, total: 0, daysOff: 0, weekend: 0, holiday: 0 })
  })

  it('counts two shifts on one day as two shifts but one working day', () => {
    const summary = computeFairness([anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'C', 'ana')], ['ana'], DEMO_SHIFTS, WEEK, [])
    expect(summary.staff[0]).toMatchObject({ total: 2, daysOff: 6 })
  })

  it('keeps a shift code that is no longer a shift type', () => {
    const summary = computeFairness([anAssignment(MON, 'X', 'ana')], ['ana', 'ben'], DEMO_SHIFTS, WEEK, [])
    expect(summary.staff[0]!.shifts).toEqual({ A: 0, B: 0, C: 0, X: 1 })
    expect(summary.spread.shifts.X).toBe(1)
  })

  it('has zero spreads for nobody', () => {
    expect(computeFairness([], [], DEMO_SHIFTS, WEEK, []).spread).toEqual({ shifts: { A: 0, B: 0, C: 0 }, total: 0, daysOff: 0, weekend: 0, holiday: 0 })
  })
})
