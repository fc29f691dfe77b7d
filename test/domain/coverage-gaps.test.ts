import { describe, expect, it } from 'vitest'
import { dutySpans, findCoverageGaps, onDutyAt, staffingGaps, uncoverableHours, uncovered } from '../../src/domain/coverage-gaps.js'
import type { ServiceHours } from '../../src/domain/types.js'
import { aShift, anAssignment, DEMO_SHIFTS, MON, TUE, WED } from '../support/builders.js'

/** The Sunday before MON. */
const SUN_BEFORE = '2027-01-03'

const SERVICE: ServiceHours = { from: 9 * 60, to: 24 * 60 }
/** The whole A/B/C day for MON: ana A, ben B, chen C. */
const fullDay = (date: string) => [anAssignment(date, 'A', 'ana'), anAssignment(date, 'B', 'ben'), anAssignment(date, 'C', 'chen')]
const gapsText = (gaps: { date: string; from: number; to: number }[]) => gaps.map((g) => `${g.date} ${g.from / 60}-${g.to / 60}`)

describe('findCoverageGaps', () => {
  it('with the default A/B/C shifts and 09:00-24:00 service, every day has the hole 22:00-24:00', () => {
    const gaps = findCoverageGaps([MON, TUE], [...fullDay(MON), ...fullDay(TUE)], DEMO_SHIFTS, SERVICE)
    expect(gaps).toEqual([
      { date: MON, from: 1320, to: 1440 },
      { date: TUE, from: 1320, to: 1440 },
    ])
  })

  it('a day without anyone on B has the hole between A and C (17:00-20:00)', () => {
    const assignments = [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'C', 'chen')]
    expect(gapsText(findCoverageGaps([MON], assignments, DEMO_SHIFTS, SERVICE))).toEqual([`${MON} 17-20`, `${MON} 22-24`])
  })

  it('a day with nobody assigned is one hole the length of the service window', () => {
    expect(gapsText(findCoverageGaps([WED], fullDay(MON), DEMO_SHIFTS, SERVICE))).toEqual([`${WED} 9-24`])
  })

  it('overlapping shifts cover their union once; a shift wholly inside another changes nothing', () => {
    const shifts = [aShift({ code: 'E', start: 9 * 60, end: 15 * 60 }), aShift({ code: 'M', start: 11 * 60, end: 13 * 60 }), aShift({ code: 'L', start: 14 * 60, end: 24 * 60 })]
    const assignments = [anAssignment(MON, 'E', 'ana'), anAssignment(MON, 'M', 'ben'), anAssignment(MON, 'L', 'chen')]
    expect(findCoverageGaps([MON], assignments, shifts, SERVICE)).toEqual([])
  })

  it('two people on the same shift count once, and touching shifts leave no hole', () => {
    const shifts = [aShift({ code: 'E', start: 9 * 60, end: 16 * 60, headcount: 2 }), aShift({ code: 'L', start: 16 * 60, end: 0 })]
    const assignments = [anAssignment(MON, 'E', 'ana'), anAssignment(MON, 'E', 'ben'), anAssignment(MON, 'L', 'chen')]
    expect(findCoverageGaps([MON], assignments, shifts, SERVICE)).toEqual([])
  })

  it('a night shift from the day before covers the early hours of the next day', () => {
    const night = aShift({ code: 'N', start: 22 * 60, end: 10 * 60 })
    const shifts = [...DEMO_SHIFTS, night]
    const service: ServiceHours = { from: 0, to: 24 * 60 }
    // N on the Sunday before runs to 10:00 on MON (the first date asked for); MON's own N covers 22:00-24:00.
    const assignments = [anAssignment(SUN_BEFORE, 'N', 'dev'), ...fullDay(MON), anAssignment(MON, 'N', 'dev')]
    expect(findCoverageGaps([MON], assignments, shifts, service)).toEqual([])
    // Without the day before, 00:00-09:00 is open.
    expect(gapsText(findCoverageGaps([MON], [...fullDay(MON), anAssignment(MON, 'N', 'dev')], shifts, service))).toEqual([`${MON} 0-9`])
  })

  it('a shift ending at midnight (stored as 00:00) covers to 24:00 and nothing of the next day', () => {
    const late = aShift({ code: 'Z', start: 22 * 60, end: 0 })
    const gaps = findCoverageGaps([MON, TUE], [...fullDay(MON), anAssignment(MON, 'Z', 'dev'), ...fullDay(TUE)], [...DEMO_SHIFTS, late], SERVICE)
    expect(gaps).toEqual([{ date: TUE, from: 1320, to: 1440 }])
  })

  it('a shift with headcount 0 covers nothing even when someone is on it', () => {
    const late = aShift({ code: 'Z', start: 22 * 60, end: 0, headcount: 0 })
    const gaps = findCoverageGaps([MON], [...fullDay(MON), anAssignment(MON, 'Z', 'dev')], [...DEMO_SHIFTS, late], SERVICE)
    expect(gaps).toEqual([{ date: MON, from: 1320, to: 1440 }])
  })

  it('only the service window counts: shifts outside it neither help nor harm', () => {
    const early = aShift({ code: 'X', start: 6 * 60, end: 8 * 60 })
    const service: ServiceHours = { from: 9 * 60, to: 20 * 60 }
    expect(findCoverageGaps([MON], [...fullDay(MON), anAssignment(MON, 'X', 'dev')], [...DEMO_SHIFTS, early], service)).toEqual([])
  })
})

describe('onDutyAt', () => {
  const night = aShift({ code: 'N', start: 22 * 60, end: 6 * 60 })
  const shifts = [...DEMO_SHIFTS, night]
  const assignments = [anAssignment(MON, 'N', 'dev'), ...fullDay(TUE)]

  it('finds the shift that began the day before and runs past midnight', () => {
    const spans = onDutyAt(TUE, 2 * 60, assignments, shifts)
    expect(spans.map((s) => [s.assignment.staff, s.shift.code, s.fromDayBefore])).toEqual([['dev', 'N', true]])
  })

  it('a shift ends at its end minute: nobody at 06:00 on TUE, two people at 12:00', () => {
    expect(onDutyAt(TUE, 6 * 60, assignments, shifts)).toEqual([])
    expect(onDutyAt(TUE, 12 * 60, assignments, shifts).map((s) => s.assignment.staff)).toEqual(['ana', 'ben'])
  })

  it('a shift starts at its start minute', () => {
    expect(onDutyAt(TUE, 20 * 60, assignments, shifts).map((s) => s.shift.code)).toEqual(['C'])
    expect(onDutyAt(TUE, 20 * 60 - 1, assignments, shifts).map((s) => s.shift.code)).toEqual(['B'])
  })
})

describe('dutySpans and uncovered', () => {
  it('clips a midnight-crossing shift at 24:00 on its own date', () => {
    const night = aShift({ code: 'N', start: 22 * 60, end: 6 * 60 })
    expect(dutySpans(MON, [anAssignment(MON, 'N', 'dev')], [night]).map((s) => [s.from, s.to])).toEqual([[1320, 1440]])
    expect(dutySpans(TUE, [anAssignment(MON, 'N', 'dev')], [night]).map((s) => [s.from, s.to])).toEqual([[0, 360]])
  })

  it('leaves the parts of the window that nothing covers', () => {
    expect(uncovered({ from: 0, to: 100 }, [{ from: 50, to: 60 }, { from: 10, to: 20 }, { from: 15, to: 30 }])).toEqual([
      { from: 0, to: 10 },
      { from: 30, to: 50 },
      { from: 60, to: 100 },
    ])
    expect(uncovered({ from: 10, to: 20 }, [{ from: 0, to: 30 }])).toEqual([])
  })
})

describe('uncoverableHours and staffingGaps: setup findings apart from roster gaps', () => {
  it('the default A/B/C shifts leave 22:00-24:00 of 09:00-24:00 uncoverable', () => {
    expect(uncoverableHours(DEMO_SHIFTS, SERVICE)).toEqual([{ from: 1320, to: 1440 }])
  })

  it('a night shift crossing midnight closes the hole; a shift nobody staffs (headcount 0) does not', () => {
    expect(uncoverableHours([...DEMO_SHIFTS, aShift({ code: 'N', start: 1320, end: 120 })], SERVICE)).toEqual([])
    expect(uncoverableHours([...DEMO_SHIFTS, aShift({ code: 'N', start: 1320, end: 120, headcount: 0 })], SERVICE)).toEqual([{ from: 1320, to: 1440 }])
  })

  it('a full roster has no staffing gaps; a missing B leaves 17:00-20:00 only', () => {
    const unc = uncoverableHours(DEMO_SHIFTS, SERVICE)
    expect(staffingGaps(findCoverageGaps([MON, TUE], [...fullDay(MON), ...fullDay(TUE)], DEMO_SHIFTS, SERVICE), unc)).toEqual([])
    const noB = [anAssignment(MON, 'A', 'ana'), anAssignment(MON, 'C', 'chen')]
    expect(gapsText(staffingGaps(findCoverageGaps([MON], noB, DEMO_SHIFTS, SERVICE), unc))).toEqual([`${MON} 17-20`])
    expect(gapsText(staffingGaps(findCoverageGaps([WED], [], DEMO_SHIFTS, SERVICE), unc))).toEqual([`${WED} 9-22`])
  })
})
