import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { curtoisAssignments, curtoisModel, CurtoisFormatError, parseCurtois } from '../../../src/domain/solver/curtois.js'
import { cellCostIndex, FREE, OFF } from '../../../src/domain/solver/model.js'

// Instance1 of the Curtois & Qu benchmark (schedulingbenchmarks.org/nrp), copied unchanged from the
// MIT-licensed wssuite/NurseScheduler repository (datasets/nrp/Instance1.txt). Optimum: 607.
const INSTANCE1 = readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8')

/** A small well-formed instance: 2 days, shifts E and L (E may not follow L), two people. */
const TINY = [
  'SECTION_HORIZON',
  '2',
  '',
  'SECTION_SHIFTS',
  '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated',
  'E,480,',
  'L,600,E',
  '',
  'SECTION_STAFF',
  'A,E=2|L=1,1200,0,2,1,1,1',
  'B,,960,480,2,1,1,1',
  '',
  'SECTION_DAYS_OFF',
  'B,1',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  'A,0,E,2',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  'B,0,L,3',
  '',
  'SECTION_COVER',
  '0,E,1,100,1',
  '0,L,1,100,1',
  '1,E,0,100,1',
  '1,L,1,50,2',
  '',
]

const text = (lines: string[]) => lines.join('\r\n')
/** TINY with line `at` (0-based) replaced by `line`, or removed when `line` is null. */
const tinyWith = (at: number, line: string | null) => text(line === null ? TINY.filter((_, i) => i !== at) : TINY.map((l, i) => (i === at ? line : l)))
const fails = (t: string) => {
  try {
    parseCurtois(t)
  } catch (e) {
    expect(e).toBeInstanceOf(CurtoisFormatError)
    return (e as Error).message
  }
  throw new Error('parsed without complaint')
}

describe('parseCurtois', () => {
  it('reads Instance1: 8 staff, 14 days, one 480-minute shift, their limits, days off, requests and cover', () => {
    const inst = parseCurtois(INSTANCE1)
    expect(inst.horizon).toBe(14)
    expect(inst.shifts).toEqual([{ id: 'D', minutes: 480, cannotFollow: [] }])
    expect(inst.staff.map((p) => p.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
    // A,D=14,4320,3360,5,2,2,1
    expect(inst.staff[0]).toEqual({ id: 'A', maxShifts: new Map([['D', 14]]), maxTotalMinutes: 4320, minTotalMinutes: 3360, maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1 })
    expect(inst.daysOff.get('A')).toEqual([0])
    expect(inst.daysOff.get('H')).toEqual([7])
    expect(inst.onRequests).toHaveLength(21)
    expect(inst.onRequests[0]).toEqual({ staff: 'A', day: 2, shift: 'D', weight: 2 })
    expect(inst.offRequests).toEqual([
      { staff: 'C', day: 12, shift: 'D', weight: 1 },
      { staff: 'C', day: 13, shift: 'D', weight: 1 },
      { staff: 'F', day: 8, shift: 'D', weight: 3 },
      { staff: 'H', day: 2, shift: 'D', weight: 3 },
      { staff: 'H', day: 3, shift: 'D', weight: 3 },
    ])
    expect(inst.cover.map((c) => c.requirement)).toEqual([5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4])
    expect(inst.cover[1]).toEqual({ day: 1, shift: 'D', requirement: 7, underWeight: 100, overWeight: 1 })
  })

  it('reads a small instance with LF or CRLF line ends, a forbidden succession, an empty MaxShifts and comments', () => {
    for (const t of [text(TINY), TINY.join('\n')]) {
      const inst = parseCurtois(t)
      expect(inst.shifts).toEqual([
        { id: 'E', minutes: 480, cannotFollow: [] },
        { id: 'L', minutes: 600, cannotFollow: ['E'] },
      ])
      expect(inst.staff[1]!.maxShifts.size).toBe(0)
      expect(inst.daysOff.get('B')).toEqual([1])
      expect(inst.cover[3]).toEqual({ day: 1, shift: 'L', requirement: 1, underWeight: 50, overWeight: 2 })
    }
  })

  it('refuses text that is not an instance', () => {
    expect(fails('hello')).toBe('line 1: "hello" is outside any section (a section starts with a SECTION_ line and ends at a blank line)')
    expect(fails('')).toBe('SECTION_HORIZON is missing: this is not a Curtois & Qu instance')
  })

  it('refuses a file cut short: a missing section, a short cover section, a line cut in the middle', () => {
    const cutBeforeCover = text(TINY.slice(0, TINY.indexOf('SECTION_COVER')))
    expect(fails(cutBeforeCover)).toBe('SECTION_COVER is missing: the file may be truncated')
    const cutInCover = text(TINY.slice(0, TINY.indexOf('1,E,0,100,1')))
    expect(fails(cutInCover)).toBe('SECTION_COVER has 2 of the 4 lines 2 days x 2 shifts need (the first missing: day 1 shift E): the file looks truncated')
    const cutInLine = text([...TINY.slice(0, TINY.indexOf('1,L,1,50,2')), '1,L,1'])
    expect(fails(cutInLine)).toBe('line 26: SECTION_COVER lines have 5 fields (Day, ShiftID, Requirement, Weight for under, Weight for over), this one has 3: "1,L,1"')
    const cutInStaff = text(TINY.slice(0, TINY.indexOf('B,,960,480,2,1,1,1')).concat('B,,960'))
    expect(fails(cutInStaff)).toMatch(/^line 11: SECTION_STAFF lines have 8 fields .*, this one has 3: "B,,960"$/)
  })

  it('refuses bad numbers, naming the field and the line', () => {
    expect(fails(tinyWith(1, 'two'))).toBe('line 2: The horizon must be a whole number from 0 to 3660, not "two"')
    expect(fails(tinyWith(1, '0'))).toBe('line 2: The horizon must be at least one day')
    expect(fails(tinyWith(1, '99999'))).toBe('line 2: The horizon must be a whole number from 0 to 3660, not "99999"')
    expect(fails(tinyWith(5, 'E,-480,'))).toBe('line 6: The length of shift E must be a whole number from 0 to 1440, not "-480"')
    expect(fails(tinyWith(9, 'A,E=2|L=1,1200,0,2.5,1,1,1'))).toBe('line 10: The MaxConsecutiveShifts of A must be a whole number from 0, not "2.5"')
    expect(fails(tinyWith(9, 'A,E=x|L=1,1200,0,2,1,1,1'))).toBe('line 10: The most E shifts of A must be a whole number from 0, not "x"')
    expect(fails(tinyWith(9, 'A,E2,1200,0,2,1,1,1'))).toBe('line 10: the MaxShifts of A must read ShiftID=count, separated by |, not "E2"')
    expect(fails(tinyWith(22, '0,E,one,100,1'))).toBe('line 23: The requirement must be a whole number from 0, not "one"')
    expect(fails(tinyWith(16, 'A,0,E,'))).toBe('line 17: The weight must be a whole number from 0, not ""')
    expect(fails(tinyWith(22, '0,E,-1,100,1'))).toBe('line 23: The requirement must be a whole number from 0, not "-1"')
  })

  it('reads a requirement written "-0" (as Instance15 has one) as none', () => {
    const inst = parseCurtois(tinyWith(22, '0,E,-0,100,1'))
    expect(Object.is(inst.cover[0]!.requirement, 0)).toBe(true)
  })

  it('refuses unknown or repeated ids and days past the horizon', () => {
    expect(fails(tinyWith(13, 'C,1'))).toBe('line 14: unknown employee C (not in SECTION_STAFF)')
    expect(fails(tinyWith(13, 'B,2'))).toBe('line 14: A day off 2 is past the horizon (days 0 to 1)')
    expect(fails(tinyWith(16, 'A,0,N,2'))).toBe('line 17: unknown shift N (the shifts are E, L)')
    expect(fails(tinyWith(6, 'L,600,E|N'))).toBe('line 7: shift L names an unknown shift "N" that cannot follow it')
    expect(fails(tinyWith(10, 'A,,960,480,2,1,1,1'))).toBe('line 11: employee A is listed twice')
    expect(fails(tinyWith(6, 'E,600,'))).toBe('line 7: shift E is defined twice')
    expect(fails(tinyWith(25, '0,E,1,100,1'))).toBe('line 26: SECTION_COVER gives day 0 shift E twice')
    expect(fails(tinyWith(3, 'SECTION_SHIFT'))).toMatch(/^line 4: unknown section SECTION_SHIFT \(expected one of SECTION_HORIZON, /)
  })

  it('reads the optional sections as empty when they are left out', () => {
    const lines = TINY.filter((_, i) => i < TINY.indexOf('SECTION_DAYS_OFF') || i >= TINY.indexOf('SECTION_COVER'))
    const inst = parseCurtois(text(lines))
    expect(inst.daysOff.size).toBe(0)
    expect(inst.onRequests).toEqual([])
    expect(inst.offRequests).toEqual([])
  })
})

describe('curtoisModel', () => {
  it('turns Instance1 into the solver model: limits, days off, requests as cell costs, cover and weekends', () => {
    const { model: m, staffIds, shiftIds } = curtoisModel(parseCurtois(INSTANCE1))
    expect([m.staff, m.days, m.shifts]).toEqual([8, 14, 1])
    expect(staffIds).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
    expect(shiftIds).toEqual(['D'])
    expect(m.shiftMinutes[0]).toBe(480)
    expect([m.maxShiftCount[0], m.maxMinutes[0], m.minMinutes[0], m.maxConsecWork[0], m.minConsecWork[0], m.minConsecOff[0], m.maxWeekends[0]]).toEqual([14, 4320, 3360, 5, 2, 2, 1])
    expect(m.fixed[0 * 14 + 0]).toBe(OFF)
    expect(m.fixed[1 * 14 + 5]).toBe(OFF)
    expect(m.fixed[0 * 14 + 1]).toBe(FREE)
    // On request A,2,D,2: off costs 2, D costs nothing. Off request C,12,D,1: D costs 1.
    expect(m.cellCost![cellCostIndex(m, 0, 2, OFF)]).toBe(2)
    expect(m.cellCost![cellCostIndex(m, 0, 2, 0)]).toBe(0)
    expect(m.cellCost![cellCostIndex(m, 2, 12, 0)]).toBe(1)
    expect([m.coverTarget[1], m.coverUnder[1], m.coverOver[1]]).toEqual([7, 100, 1])
    expect(Array.from(m.weekendOf)).toEqual([-1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, 1, 1])
    expect(m.weekends).toBe(2)
  })

  it('forbids the successions each shift lists, and maps cells back to assignments', () => {
    const cm = curtoisModel(parseCurtois(text(TINY)))
    // L (1) may not be followed by E (0).
    expect(Array.from(cm.model.forbidden1)).toEqual([0, 0, 1, 0])
    expect(curtoisAssignments(cm, Int16Array.from([0, OFF, 1, OFF]))).toEqual([
      { staff: 'A', day: 0, shift: 'E' },
      { staff: 'B', day: 0, shift: 'L' },
    ])
  })
})
