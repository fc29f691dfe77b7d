// Rotations that repeat (SPEC 10): the cycle as a ring, laid cycle after cycle,
// and leave fitted in by solving again only the days it touches.

import { describe, expect, it } from 'vitest'
import { addDays, dayRange } from '../../src/domain/dates.js'
import { checkRules, ROSTER_RULES } from '../../src/domain/rules/index.js'
import { cycleDay, drawPattern, fitRotation, layRotation, lineOf, ringViolations, type Pattern, type Rotation } from '../../src/domain/rotation.js'
import { aConfig, DEMO_SHIFTS, MON } from '../support/builders.js'

const TEAM = ['ana', 'ben', 'chen', 'dai']

function demoRotation(rotate: boolean, seed = 1): Rotation {
  const drawn = drawPattern({ start: MON, days: 21, staff: TEAM, shifts: DEMO_SHIFTS, config: aConfig(), rotate, holidays: [], seed })
  if (!drawn.ok) throw new Error(drawn.violations[0]!.message)
  return { ...drawn.pattern, start: MON, order: TEAM }
}

describe('lineOf and cycleDay', () => {
  it('keeps each person on their line, or moves them one line on per cycle', () => {
    expect([0, 1, 2, 3].map((k) => lineOf(1, k, 4, false))).toEqual([1, 1, 1, 1])
    expect([0, 1, 2, 3, 4].map((k) => lineOf(1, k, 4, true))).toEqual([1, 2, 3, 0, 1])
    expect(lineOf(0, -1, 4, true)).toBe(3)
  })
  it('finds the cycle and the day of it, before the start too', () => {
    expect(cycleDay(MON, 21, MON)).toEqual({ cycle: 0, day: 0 })
    expect(cycleDay(MON, 21, addDays(MON, 20))).toEqual({ cycle: 0, day: 20 })
    expect(cycleDay(MON, 21, addDays(MON, 21))).toEqual({ cycle: 1, day: 0 })
    expect(cycleDay(MON, 21, addDays(MON, -1))).toEqual({ cycle: -1, day: 20 })
  })
})

describe('ringViolations', () => {
  // Two people, one shift A a day, max 6 days in a row.
  const A = [DEMO_SHIFTS[0]!]
  const config = aConfig({ maxConsecutiveDays: 6 })
  it('finds a run that is fine inside the cycle but too long across the seam', () => {
    // Line 1 works the last 4 and the first 4 days: 8 in a row across the seam.
    const line1 = ['A', 'A', 'A', 'A', null, null, null, null, null, null, 'A', 'A', 'A', 'A']
    const line2 = line1.map((s) => (s ? null : 'A'))
    const p: Pattern = { days: 14, lines: [line1, line2], rotate: false }
    const v = ringViolations(p, A, config)
    expect(v.map((x) => x.rule)).toContain('roster.max-consecutive-days')
    expect(v.every((x) => x.rule === 'roster.max-consecutive-days')).toBe(true)
  })
  it('a near miss: 6 in a row across the seam passes', () => {
    const line1 = ['A', 'A', 'A', null, null, null, null, null, null, null, null, 'A', 'A', 'A']
    const line2 = line1.map((s) => (s ? null : 'A'))
    // line2 works 8 in a row inside the cycle: that would fail, so split it.
    line2[7] = null
    line1[7] = 'A'
    const p: Pattern = { days: 14, lines: [line1, line2], rotate: false }
    expect(ringViolations(p, A, config)).toEqual([])
  })
  it('with rotating lines the seam runs from one line into the next', () => {
    // Kept, each line is fine as its own ring; rotated, line 1's end (C at 20:00-22:00)
    // runs into line 2's start (A at 09:00): 11 h, fine; into an 08:00 shift it is not.
    const early = { ...DEMO_SHIFTS[0]!, code: 'E', start: 8 * 60, end: 16 * 60 }
    const shifts = [early, DEMO_SHIFTS[2]!]
    const line1: (string | null)[] = ['C', 'C', 'C', null, null, null, 'C']
    const line2: (string | null)[] = ['E', 'E', 'E', 'C', 'C', 'C', null]
    const line3: (string | null)[] = [null, null, null, 'E', 'E', 'E', 'E']
    const kept: Pattern = { days: 7, lines: [line1, line2, line3], rotate: false }
    // Kept: each line ends and starts compatibly with itself except... check by the rules:
    const keptRules = ringViolations(kept, shifts, aConfig())
    const rotated = ringViolations({ ...kept, rotate: true }, shifts, aConfig())
    expect(rotated.some((v) => v.rule === 'roster.min-rest')).toBe(true)
    expect(keptRules.some((v) => v.rule === 'roster.min-rest')).toBe(false)
  })
})

describe('drawPattern for the demo team', () => {
  for (const rotate of [false, true]) {
    it(`draws a 3-week ring that keeps every rule across the seam (rotate ${rotate})`, () => {
      const r = demoRotation(rotate)
      expect(ringViolations(r, DEMO_SHIFTS, aConfig())).toEqual([])
      // Three cycles laid and checked by the shared rules, seams included.
      const dates = dayRange(MON, addDays(MON, 62))
      const laid = layRotation(r, dates)
      const state = { shifts: DEMO_SHIFTS, assignments: laid, leaves: [], holidays: [], config: aConfig() }
      expect(checkRules(ROSTER_RULES, state, { from: MON, to: dates[62]! })).toEqual([])
    })
  }

  it('kept lines: every person works the same three weeks in each cycle', () => {
    const r = demoRotation(false)
    const laid = layRotation(r, dayRange(MON, addDays(MON, 62)))
    for (const id of TEAM) {
      const week = (k: number) => dayRange(addDays(MON, 21 * k), addDays(MON, 21 * k + 20)).map((d) => laid.find((a) => a.staff === id && a.date === d)?.shift ?? '-').join('')
      expect(week(1)).toBe(week(0))
      expect(week(2)).toBe(week(0))
    }
  })

  it('rotated lines: person i in cycle k+1 works what person i+1 worked in cycle k', () => {
    const r = demoRotation(true)
    const laid = layRotation(r, dayRange(MON, addDays(MON, 62)))
    const cycle = (id: string, k: number) => dayRange(addDays(MON, 21 * k), addDays(MON, 21 * k + 20)).map((d) => laid.find((a) => a.staff === id && a.date === d)?.shift ?? '-').join('')
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < TEAM.length; i++) expect(cycle(TEAM[i]!, k + 1)).toBe(cycle(TEAM[(i + 1) % TEAM.length]!, k))
    }
    // Not all lines equal, or the test could not fail.
    expect(new Set(TEAM.map((id) => cycle(id, 0))).size).toBe(TEAM.length)
  })
})

describe('fitRotation', () => {
  const r = demoRotation(false)
  const dates = dayRange(addDays(MON, 21), addDays(MON, 41))
  const history = layRotation(r, dayRange(MON, addDays(MON, 20)))
  const base = { rotation: r, dates, shifts: DEMO_SHIFTS, config: aConfig(), history, holidays: [], seed: 1 }

  it('with nothing in the way lays the pattern exactly', () => {
    const fit = fitRotation({ ...base, unavailable: new Map() })
    expect(fit.ok).toBe(true)
    if (!fit.ok) return
    expect(fit.resolved).toEqual([])
    expect(fit.assignments).toEqual(layRotation(r, dates))
  })

  it('solves again only the days leave touches; every other day is the pattern', () => {
    // Ana works on some day of the second cycle: she takes it off.
    const laid = layRotation(r, dates)
    const day = laid.find((a) => a.staff === 'ana' && a.date > dates[3]! && a.date < dates[17]!)!.date
    const fit = fitRotation({ ...base, unavailable: new Map([['ana', new Set([day])]]) })
    expect(fit.ok).toBe(true)
    if (!fit.ok) return
    expect(fit.assignments.some((a) => a.staff === 'ana' && a.date === day)).toBe(false)
    expect(fit.resolved).toContain(day)
    for (const date of dates) {
      if (fit.resolved.includes(date)) continue
      const want = laid.filter((a) => a.date === date)
      const got = fit.assignments.filter((a) => a.date === date)
      expect(got.sort((a, b) => a.staff.localeCompare(b.staff))).toEqual(want.sort((a, b) => a.staff.localeCompare(b.staff)))
    }
    // Few days moved: the day itself, or a day or two around it.
    expect(fit.resolved.length).toBeLessThanOrEqual(3)
    const state = { shifts: DEMO_SHIFTS, assignments: [...history, ...fit.assignments], leaves: [{ id: 1, staff: 'ana', from: day, to: day, reason: null, status: 'approved' as const }], holidays: [], config: aConfig() }
    expect(checkRules(ROSTER_RULES, state, { from: dates[0]!, to: dates[20]! })).toEqual([])
  })

  it('mends the join with a roster before that differs from the pattern: only the first days move', () => {
    // Whoever works the pattern's first day worked the six days before it too: a seventh breaks max-consecutive-days.
    const first = layRotation(r, [dates[0]!])
    const who = first[0]!.staff
    const before = dayRange(addDays(dates[0]!, -6), addDays(dates[0]!, -1)).map((date) => ({ date, shift: 'A', staff: who }))
    const fit = fitRotation({ ...base, history: before, unavailable: new Map() })
    expect(fit.ok).toBe(true)
    if (!fit.ok) return
    expect(fit.assignments.some((a) => a.staff === who && a.date === dates[0])).toBe(false)
    expect(fit.resolved.length).toBeGreaterThan(0)
    expect(fit.resolved.every((d) => d <= dates[7]!)).toBe(true)
    const state = { shifts: DEMO_SHIFTS, assignments: [...before, ...fit.assignments], leaves: [], holidays: [], config: aConfig() }
    expect(checkRules(ROSTER_RULES, state, { from: dates[0]!, to: dates[20]! })).toEqual([])
    const laid = layRotation(r, dates)
    for (const a of laid) if (!fit.resolved.includes(a.date)) expect(fit.assignments).toContainEqual(a)
  })

  it('keeps an approved swap (generate --replace): its day follows the swap, the others the pattern', () => {
    const laid = layRotation(r, dates)
    // A day on which ana and ben both work different shifts: they exchange them.
    const date = dates.find((d) => {
      const a = laid.find((x) => x.date === d && x.staff === 'ana')
      const b = laid.find((x) => x.date === d && x.staff === 'ben')
      return a && b && a.shift !== b.shift
    })!
    const anaShift = laid.find((x) => x.date === date && x.staff === 'ana')!.shift
    const benShift = laid.find((x) => x.date === date && x.staff === 'ben')!.shift
    const swaps = [
      { staff: 'ana', date, shift: benShift, swap: 7 },
      { staff: 'ben', date, shift: anaShift, swap: 7 },
    ]
    const fit = fitRotation({ ...base, unavailable: new Map(), swaps })
    expect(fit.ok).toBe(true)
    if (!fit.ok) return
    expect(fit.assignments).toContainEqual({ date, shift: benShift, staff: 'ana' })
    expect(fit.assignments).toContainEqual({ date, shift: anaShift, staff: 'ben' })
    expect(fit.resolved).toContain(date)
    for (const a of laid) if (!fit.resolved.includes(a.date)) expect(fit.assignments).toContainEqual(a)
    const state = { shifts: DEMO_SHIFTS, assignments: [...history, ...fit.assignments], leaves: [], holidays: [], config: aConfig() }
    expect(checkRules(ROSTER_RULES, state, { from: dates[0]!, to: dates[20]! })).toEqual([])
  })

  it('refuses with the rule when leave leaves too few people', () => {
    const day = dates[5]!
    const fit = fitRotation({ ...base, unavailable: new Map([['ana', new Set([day])], ['ben', new Set([day])]]) })
    expect(fit.ok).toBe(false)
    if (fit.ok) return
    expect(fit.violations[0]!.rule).toBe('roster.coverage')
    expect(fit.violations[0]!.message).not.toMatch(/swap/)
  })
})
