import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCurtois, type CurtoisInstance, type CurtoisStaff } from '../../../src/domain/solver/curtois.js'
import { evaluateCurtois, type CurtoisAssignment, type CurtoisViolation } from '../../../src/domain/solver/curtois-evaluate.js'

const INSTANCE1 = parseCurtois(readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8'))

/** A person with limits that bind nothing unless a test says otherwise. */
function aPerson(id: string, o: Partial<CurtoisStaff> = {}): CurtoisStaff {
  return { id, maxShifts: new Map(), maxTotalMinutes: 100_000, minTotalMinutes: 0, maxConsecutiveShifts: 14, minConsecutiveShifts: 0, minConsecutiveDaysOff: 0, maxWeekends: 2, ...o }
}

/**
 * Two weeks (day 0 a Monday), shifts E (480 min) and L (600 min, E may not
 * follow it), nobody needed on any shift unless `cover` says so (weights 100
 * under, 1 over), no days off and no requests.
 */
function anInstance(o: Partial<CurtoisInstance> & { people?: CurtoisStaff[] } = {}): CurtoisInstance {
  const horizon = o.horizon ?? 14
  const cover = []
  for (let day = 0; day < horizon; day++) for (const shift of ['E', 'L']) cover.push({ day, shift, requirement: 0, underWeight: 100, overWeight: 1 })
  return {
    horizon,
    shifts: [
      { id: 'E', minutes: 480, cannotFollow: [] },
      { id: 'L', minutes: 600, cannotFollow: ['E'] },
    ],
    staff: o.people ?? [aPerson('A')],
    daysOff: o.daysOff ?? new Map(),
    onRequests: o.onRequests ?? [],
    offRequests: o.offRequests ?? [],
    cover: o.cover ?? cover,
  }
}

/** A's row from a string, one character a day: E, L or . (off). */
function row(pattern: string, staff = 'A'): CurtoisAssignment[] {
  return [...pattern].flatMap((c, day) => (c === '.' ? [] : [{ staff, day, shift: c }]))
}

/** The violations of exactly one rule; fails when another rule is broken too. */
function only(rule: CurtoisViolation['rule'], inst: CurtoisInstance, assignments: CurtoisAssignment[]): CurtoisViolation[] {
  const all = evaluateCurtois(inst, assignments).violations
  expect(all.filter((v) => v.rule !== rule)).toEqual([])
  return all
}

describe('evaluateCurtois: the objective', () => {
  it('Instance1 with a hand-checked roster: 15 people missing, 11 too many, one on and one off request missed = 1514', () => {
    // Worked out by hand (day 0..13; 1 = shift D). Every person works 7 to 9 shifts, runs of 2 to 5
    // working days, rests of at least 2 days, one weekend at most, and nobody on their day off.
    const rows: Record<string, string> = {
      A: '.11111..1111..',
      B: '11111..1111...',
      C: '11111....1111.',
      D: '11..11111.....',
      E: '1111...11..111',
      F: '11111....1111.',
      G: '..11111..111..',
      H: '11.......11111',
    }
    const assignments = Object.entries(rows).flatMap(([staff, r]) => [...r].flatMap((c, day) => (c === '1' ? [{ staff, day, shift: 'D' }] : [])))
    const v = evaluateCurtois(INSTANCE1, assignments)
    expect(v.violations).toEqual([])
    // People on duty per day: 6 7 6 6 6 3 2 3 4 6 6 6 4 2 against 5 7 6 4 5 5 5 6 7 4 2 5 6 4:
    // missing 2+3+3+3+2+2 = 15 (x100), too many 1+2+1+2+4+1 = 11 (x1).
    expect(v.under).toBe(15)
    expect(v.underCost).toBe(1500)
    expect(v.over).toBe(11)
    expect(v.overCost).toBe(11)
    // On requests: D wants day 9 (weight 2) and is off. Off requests: C works day 12 (weight 1).
    expect([v.onRequestsMissed, v.onRequestCost]).toEqual([1, 2])
    expect([v.offRequestsMissed, v.offRequestCost]).toEqual([1, 1])
    expect(v.objective).toBe(1514)
  })

  it('Instance1 with nobody working: 71 people missing', () => {
    const v = evaluateCurtois(INSTANCE1, [])
    // 5+7+6+4+5+5+5+6+7+4+2+5+6+4 = 71 missing; the 21 on requests weigh 2+2+3x5+1x5+2+2+2+2+1x5 = 37.
    expect([v.under, v.underCost, v.over, v.onRequestsMissed, v.onRequestCost, v.offRequestCost]).toEqual([71, 7100, 0, 21, 37, 0])
    expect(v.objective).toBe(7137)
    // ... and it breaks everyone's minimum minutes.
    expect(v.violations.map((x) => x.rule)).toEqual(new Array(8).fill('min-total-minutes'))
  })

  it('costs each (day, shift) its own under and over weights', () => {
    const cover = anInstance().cover.map((c) => (c.day === 0 && c.shift === 'E' ? { ...c, requirement: 3, underWeight: 50 } : c.day === 1 && c.shift === 'L' ? { ...c, overWeight: 7 } : c))
    const inst = anInstance({ cover, people: [aPerson('A'), aPerson('B')] })
    // Day 0: one E of three wanted (2 x 50). Day 1: two L, none wanted (2 x 7). Day 2: one E, none wanted (1 x 1).
    const v = evaluateCurtois(inst, [...row('EL', 'A'), ...row('.LE', 'B')])
    expect([v.under, v.underCost, v.over, v.overCost, v.objective]).toEqual([2, 100, 3, 15, 115])
  })

  it('an on request is granted only by its own shift; an off request is missed only by its own shift', () => {
    const inst = anInstance({
      onRequests: [
        { staff: 'A', day: 0, shift: 'E', weight: 2 },
        { staff: 'A', day: 1, shift: 'E', weight: 3 },
        { staff: 'A', day: 2, shift: 'E', weight: 5 },
      ],
      offRequests: [
        { staff: 'A', day: 4, shift: 'L', weight: 7 },
        { staff: 'A', day: 5, shift: 'L', weight: 11 },
      ],
    })
    // Day 0 E: granted. Day 1 L: not (3). Day 2 off: not (5). Day 4 E: the off request for L holds.
    // Day 5 L: missed (11). Four shifts where nobody is wanted: 4 x 1.
    const v = evaluateCurtois(inst, row('EL..EL'))
    expect(v.violations).toEqual([])
    expect([v.onRequestsMissed, v.onRequestCost, v.offRequestsMissed, v.offRequestCost, v.overCost, v.objective]).toEqual([2, 8, 1, 11, 4, 23])
  })
})

describe('evaluateCurtois: the hard rules', () => {
  it('forbidden-succession: E the day after L; L after E and E after a day off after L are fine', () => {
    const [v] = only('forbidden-succession', anInstance(), row('LE'))
    expect(v).toEqual({ rule: 'forbidden-succession', staff: 'A', day: 1, message: 'A works E on day 1 right after L' })
    expect(only('forbidden-succession', anInstance(), row('EL.E'))).toEqual([])
  })

  it('one-shift-per-day: two shifts on one day', () => {
    const [v] = only('one-shift-per-day', anInstance(), [...row('E'), ...row('L')])
    expect(v!.message).toBe('A has two shifts on day 0 (E and L)')
    expect(only('one-shift-per-day', anInstance(), [...row('E'), ...row('.L')])).toEqual([])
  })

  it('max-shifts: one more of a type than allowed; exactly as many is fine', () => {
    const inst = anInstance({ people: [aPerson('A', { maxShifts: new Map([['E', 2]]) })] })
    expect(only('max-shifts', inst, row('EEE')).map((v) => v.message)).toEqual(['A works 3 E shifts, at most 2'])
    expect(only('max-shifts', inst, row('EELL'))).toEqual([])
  })

  it('max-total-minutes and min-total-minutes: one minute out either way', () => {
    const inst = (min: number, max: number) => anInstance({ people: [aPerson('A', { minTotalMinutes: min, maxTotalMinutes: max })] })
    // E + L = 1080 minutes.
    expect(only('max-total-minutes', inst(0, 1079), row('EL')).map((v) => v.message)).toEqual(['A works 1080 minutes, at most 1079'])
    expect(only('max-total-minutes', inst(0, 1080), row('EL'))).toEqual([])
    expect(only('min-total-minutes', inst(1081, 2000), row('EL')).map((v) => v.message)).toEqual(['A works 1080 minutes, at least 1081'])
    expect(only('min-total-minutes', inst(1080, 2000), row('EL'))).toEqual([])
  })

  it('max-consecutive-shifts: a run one day too long, at an edge too', () => {
    const inst = anInstance({ people: [aPerson('A', { maxConsecutiveShifts: 3 })] })
    expect(only('max-consecutive-shifts', inst, row('.EEEE')).map((v) => v.message)).toEqual(['A works 4 days in a row from day 1, at most 3'])
    expect(only('max-consecutive-shifts', inst, row('EEEE')).map((v) => v.day)).toEqual([0])
    expect(only('max-consecutive-shifts', inst, row('EEE.EEE'))).toEqual([])
  })

  it('min-consecutive-shifts: a short run inside the horizon; at either edge it is exempt', () => {
    const inst = anInstance({ horizon: 7, people: [aPerson('A', { minConsecutiveShifts: 2 })] })
    expect(only('min-consecutive-shifts', inst, row('..E....')).map((v) => v.message)).toEqual(['A works 1 days in a row from day 2, at least 2'])
    expect(only('min-consecutive-shifts', inst, row('..EE...'))).toEqual([])
    expect(only('min-consecutive-shifts', inst, row('E.....E'))).toEqual([])
  })

  it('min-consecutive-days-off: a short rest inside the horizon; at either edge it is exempt', () => {
    const inst = anInstance({ horizon: 7, people: [aPerson('A', { minConsecutiveDaysOff: 2 })] })
    expect(only('min-consecutive-days-off', inst, row('EE.EEEE')).map((v) => v.message)).toEqual(['A has 1 days off in a row from day 2, at least 2'])
    expect(only('min-consecutive-days-off', inst, row('EE..EEE'))).toEqual([])
    expect(only('min-consecutive-days-off', inst, row('.EEEEE.'))).toEqual([])
  })

  it('max-weekends: a Saturday and a Sunday of another week make two weekends; both days of one make one', () => {
    const inst = anInstance({ people: [aPerson('A', { maxWeekends: 1 })] })
    // Days 5 and 6 are the first weekend, 12 and 13 the second.
    expect(only('max-weekends', inst, row('.....E......E.')).map((v) => v.message)).toEqual(['A works 2 weekends, at most 1'])
    expect(only('max-weekends', inst, row('.....EE.......'))).toEqual([])
    expect(only('max-weekends', inst, row('EEEEE..EEEEE..'))).toEqual([])
  })

  it('day-off: a shift on a listed day off', () => {
    const inst = anInstance({ daysOff: new Map([['A', [3]]]) })
    expect(only('day-off', inst, row('...E')).map((v) => v.message)).toEqual(['A works E on day 3, a day off'])
    expect(only('day-off', inst, row('..E.E'))).toEqual([])
  })

  it('names assignments outside the instance instead of counting them', () => {
    const v = evaluateCurtois(anInstance(), [
      { staff: 'Z', day: 0, shift: 'E' },
      { staff: 'A', day: 0, shift: 'N' },
      { staff: 'A', day: 14, shift: 'E' },
    ])
    expect(v.violations.map((x) => x.rule)).toEqual(['unknown-staff', 'unknown-shift', 'day-outside-horizon'])
    expect(v.objective).toBe(0)
  })
})
