// The lower bound of bound.ts: never above any roster's cost (against trying
// every roster on tiny models, also when the deadline cuts it short, and
// against generate's rosters on small random teams with fair ranges and
// wishes), and above 0 on the demo team.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayRange } from '../../../src/domain/dates.js'
import { generateRoster, type GenerateInput } from '../../../src/domain/generate.js'
import { lowerBound } from '../../../src/domain/solver/bound.js'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import type { Model } from '../../../src/domain/solver/model.js'
import type { ShiftType } from '../../../src/domain/types.js'
import type { Wish } from '../../../src/domain/wishes/wish.js'
import { aConfig } from '../../support/builders.js'
import { randomModel } from './arbitrary-model.js'

/** The least soft cost of a roster that keeps every hard rule (trying every one), or null when none does. */
function optimum(m: Model): number | null {
  const V = m.shifts + 1
  const n = m.staff * m.days
  let best: number | null = null
  const cells = new Int16Array(n)
  for (let code = 0; code < V ** n; code++) {
    for (let i = 0, k = code; i < n; i++, k = Math.floor(k / V)) cells[i] = (k % V) - 1
    const c = evaluate(m, cells)
    if (c.hard === 0 && (best === null || c.soft < best)) best = c.soft
  }
  return best
}

const never = () => 0

describe('lowerBound', () => {
  it('is never above the best roster of a tiny model, fair ranges, wishes and soft or hard cover as they come (against trying every roster)', () => {
    let positive = 0
    fc.assert(
      fc.property(
        fc.record({ staff: fc.integer({ min: 1, max: 2 }), days: fc.integer({ min: 1, max: 4 }), shifts: fc.integer({ min: 1, max: 2 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
        (spec) => {
          const m = randomModel(spec)
          const best = optimum(m)
          const b = lowerBound(m, never, 1000)
          // None only when someone has no row that keeps their rules: then no roster keeps them.
          if (!b.ok) {
            expect(b.why).toBe('not-applicable')
            expect(best).toBeNull()
            return
          }
          if (best === null) return
          expect(b.bound).toBeGreaterThanOrEqual(0)
          expect(b.bound).toBeLessThanOrEqual(best + 1e-6)
          if (b.bound > 0) positive++
        },
      ),
      { numRuns: 120 },
    )
    // The bound says something on many of them: the inequality is not met by answering 0.
    expect(positive).toBeGreaterThan(20)
  })

  it("given the roster's cost, stops once the bound proves that roster the best, never above the best roster (against trying every roster)", () => {
    let proved = 0
    fc.assert(
      fc.property(
        fc.record({ staff: fc.integer({ min: 1, max: 2 }), days: fc.integer({ min: 1, max: 4 }), shifts: fc.integer({ min: 1, max: 2 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
        (spec) => {
          const m = randomModel(spec)
          const best = optimum(m)
          if (best === null) return
          const full = lowerBound(m, never, 1000)
          if (!full.ok) return
          // The roster of cost `best` is the best there is: the bound with it as objective stays below
          // it, and above best - 1 whenever the bound without it is.
          const given = lowerBound(m, never, 1000, undefined, best)
          expect(given.ok).toBe(true)
          if (!given.ok) return
          expect(given.bound).toBeLessThanOrEqual(best + 1e-6)
          if (full.bound > best - 1 + 1e-5) {
            expect(given.bound).toBeGreaterThan(best - 1)
            proved++
          }
        },
      ),
      { numRuns: 120 },
    )
    expect(proved).toBeGreaterThan(10)
  })

  it('stops early, with fewer looks at the clock, when the roster given is proved the best', () => {
    // A model whose bound proves its best roster: the search for it asks the clock less often when told that cost.
    for (let seed = 1; seed < 400; seed++) {
      const m = randomModel({ staff: 2, days: 4, shifts: 2, seed })
      const best = optimum(m)
      if (best === null || best < 2) continue
      let calls = 0
      const count = () => (calls++, 0)
      const full = lowerBound(m, count, 1000)
      const fullCalls = calls
      if (!full.ok || full.bound <= best - 1 + 1e-5) continue
      calls = 0
      const given = lowerBound(m, count, 1000, undefined, best)
      if (calls === fullCalls) continue
      expect(given.ok && given.bound > best - 1).toBe(true)
      expect(calls).toBeLessThan(fullCalls)
      return
    }
    throw new Error('no model where the bound proved the best roster before the relaxation was solved')
  })

  it('gives 0 when the deadline comes before anyone is priced', () => {
    let t = 0
    const m = randomModel({ staff: 2, days: 4, shifts: 2, seed: 3 })
    expect(lowerBound(m, () => (t += 1000), 1)).toEqual({ ok: true, bound: 0 })
  })

  it('cut short by the deadline at any point, still never above the best roster, and above 0 on some (against trying every roster)', () => {
    let cut = 0
    let positive = 0
    fc.assert(
      fc.property(
        fc.record({ staff: fc.integer({ min: 1, max: 2 }), days: fc.integer({ min: 1, max: 4 }), shifts: fc.integer({ min: 1, max: 2 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), looks: fc.integer({ min: 1, max: 12 }) }),
        (spec) => {
          const m = randomModel(spec)
          const best = optimum(m)
          if (best === null) return
          const full = lowerBound(m, never, 1000)
          // A clock that stands still for `looks` looks, then is a second past the deadline.
          let looks = 0
          const b = lowerBound(m, () => (looks++ < spec.looks ? 0 : 2000), 1000)
          if (!b.ok || !full.ok) return
          expect(b.bound).toBeGreaterThanOrEqual(0)
          expect(b.bound).toBeLessThanOrEqual(best + 1e-6)
          expect(b.bound).toBeLessThanOrEqual(full.bound + 1e-6)
          if (looks > spec.looks) {
            cut++
            if (b.bound > 0) positive++
          }
        },
      ),
      { numRuns: 150 },
    )
    // Rounds cut short happen, and the people priced before the deadline count.
    expect(cut).toBeGreaterThan(20)
    expect(positive).toBeGreaterThan(10)
  })
})

const SHIFTS: ShiftType[] = [
  { code: 'A', name: 'Day', start: 540, end: 1020, remote: false, headcount: 1 },
  { code: 'B', name: 'Late', start: 720, end: 1200, remote: false, headcount: 1 },
  { code: 'C', name: 'Evening', start: 1200, end: 1320, remote: true, headcount: 1 },
]
const team = (o: Partial<GenerateInput> = {}): GenerateInput => ({
  dates: dayRange('2026-12-07', '2026-12-27'),
  staff: ['ana', 'ben', 'chen', 'dev'],
  shifts: SHIFTS,
  config: aConfig({ maxConsecutiveDays: 6, minRestHours: 11 }),
  unavailable: new Map(),
  history: [],
  holidays: [],
  seed: 1,
  ...o,
})
const wish = (id: number, staff: string, o: Partial<Wish>): Wish => ({ id, staff, date: null, to: null, weekday: null, kind: 'off', shift: null, weight: 5, reason: null, createdAt: '2026-12-01T00:00:00.000Z', ...o })

describe("generate's quality line", () => {
  it('never puts the bound above the cost of the roster generate returns, on small random teams with fair ranges and wishes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 1, max: 2 }),
        fc.array(fc.record({ p: fc.nat(4), day: fc.nat(13), kind: fc.constantFrom('off', 'shift', 'not'), s: fc.nat(2), weekly: fc.boolean(), weight: fc.integer({ min: 1, max: 10 }) }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (people, weeks, drafts, seed) => {
          const staff = ['p0', 'p1', 'p2', 'p3', 'p4'].slice(0, people)
          const dates = dayRange('2027-01-04', dayRange('2027-01-04', '2027-03-01')[weeks * 7 - 1]!)
          const wishes = drafts.map((w, i) =>
            wish(i + 1, staff[w.p % people]!, {
              kind: w.kind as Wish['kind'],
              shift: w.kind === 'off' ? null : SHIFTS[w.s]!.code,
              weight: w.weight,
              ...(w.weekly && w.kind !== 'shift' ? { weekday: w.day % 7 } : { date: dates[w.day % dates.length]!, to: dates[w.day % dates.length]! }),
            }),
          )
          const r = generateRoster(team({ staff, dates, wishes, seed, effort: 0.3, quality: { now: never, budgetMs: 1 } }))
          if (!r.ok) return
          const q = r.quality!
          expect(q.lowerBound).not.toBeNull()
          if (q.lowerBound === null) return
          expect(q.lowerBound).toBeGreaterThanOrEqual(0)
          expect(q.lowerBound).toBeLessThanOrEqual(q.objective)
          expect(Number.isFinite(q.gap)).toBe(true)
        },
      ),
      { numRuns: 12 },
    )
  })

  it('on the demo team (4 people, 3 weeks) the bound is above 0 and the gap a real number below 1', () => {
    const r = generateRoster(team({ quality: { now: () => Date.now(), budgetMs: 60_000 } }))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const q = r.quality!
    if (q.lowerBound === null) throw new Error(`no bound: ${q.why}`)
    expect(q.lowerBound).toBeGreaterThan(0)
    // Costs are whole numbers, so is the bound (the relaxation's, rounded up).
    expect(Number.isInteger(q.lowerBound)).toBe(true)
    expect(q.lowerBound).toBeLessThanOrEqual(q.objective)
    expect(Number.isFinite(q.gap)).toBe(true)
    expect(q.gap).toBeGreaterThan(0)
    expect(q.gap).toBeLessThan(1)
    expect(q.gap).toBeCloseTo((q.objective - q.lowerBound) / q.objective, 2)
  })
})
