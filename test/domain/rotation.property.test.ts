// Property: for random small teams, shifts and rules, a cyclic pattern is
// either refused with violations that name a roster rule, or keeps every
// roster rule as a ring: laid for three cycles (lines kept or rotating) the
// shared rules find nothing, seams included, and every day has exactly its
// headcount. Demo-like teams (day shifts that may follow each other, at most
// 3/4 of the team needed a day) always get a pattern.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayRange } from '../../src/domain/dates.js'
import { checkRules, ROSTER_RULES } from '../../src/domain/rules/index.js'
import { drawPattern, layRotation, ringViolations } from '../../src/domain/rotation.js'
import type { ShiftType } from '../../src/domain/types.js'
import { aConfig } from '../support/builders.js'

const RULE_IDS = ['roster.coverage', 'roster.one-shift-per-day', 'roster.min-rest', 'roster.max-consecutive-days', 'roster.leave']

const scenario = fc.record({
  team: fc.integer({ min: 3, max: 7 }),
  shifts: fc.array(fc.record({ start: fc.integer({ min: 12, max: 44 }), hours: fc.integer({ min: 2, max: 10 }) }), { minLength: 1, maxLength: 3 }),
  // Demo-like: day shifts between 09:00 and 21:00 only.
  plain: fc.boolean(),
  weeks: fc.integer({ min: 1, max: 3 }),
  startOffset: fc.integer({ min: 0, max: 400 }),
  minRestHours: fc.constantFrom(8, 11, 12),
  maxConsecutiveDays: fc.integer({ min: 4, max: 7 }),
  rotate: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
})

describe('a cyclic pattern keeps every rule as a ring (property)', () => {
  it('on random small teams: refused with a rule, or every rule holds over three cycles, seams included', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const staff = Array.from({ length: r.team }, (_, i) => `p${i}`)
        const cap = Math.floor((r.team * 3) / 4)
        const shifts: ShiftType[] = r.shifts.slice(0, Math.max(1, cap)).map((s, i) => {
          const start = r.plain ? 9 * 60 + (s.start % 9) * 60 : s.start * 30
          const end = r.plain ? Math.min(start + s.hours * 60, 21 * 60) : (start + s.hours * 60) % 1440
          return { code: `S${i}`, name: `Shift ${i}`, start, end: end === start ? (end + 60) % 1440 : end, remote: false, headcount: 1 }
        })
        const start = addDays('2027-01-04', r.startOffset)
        const days = r.weeks * 7
        const config = aConfig({ minRestHours: r.plain ? 8 : r.minRestHours, maxConsecutiveDays: r.plain ? Math.max(5, r.maxConsecutiveDays) : r.maxConsecutiveDays })
        const drawn = drawPattern({ start, days, staff, shifts, config, rotate: r.rotate, holidays: [], seed: r.seed, effort: 0.05 })
        if (!drawn.ok) {
          expect(r.plain, `a demo-like team is refused: ${drawn.violations[0]?.message}`).toBe(false)
          expect(drawn.violations.length).toBeGreaterThan(0)
          for (const v of drawn.violations) expect(RULE_IDS).toContain(v.rule)
          return
        }
        expect(ringViolations(drawn.pattern, shifts, config)).toEqual([])
        const dates = dayRange(start, addDays(start, 3 * days - 1))
        const laid = layRotation({ ...drawn.pattern, start, order: staff }, dates)
        const state = { shifts, assignments: laid, leaves: [], holidays: [], config }
        expect(checkRules(ROSTER_RULES, state, { from: start, to: dates[dates.length - 1]! })).toEqual([])
        const count = new Map<string, number>()
        for (const a of laid) count.set(`${a.date}|${a.shift}`, (count.get(`${a.date}|${a.shift}`) ?? 0) + 1)
        for (const d of dates) for (const s of shifts) expect(count.get(`${d}|${s.code}`) ?? 0).toBe(s.headcount)
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
