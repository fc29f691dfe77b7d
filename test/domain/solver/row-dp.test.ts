import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate, type Cost } from '../../../src/domain/solver/evaluate.js'
import { emptyModel, ensureCellCost, OFF, setWeekends, type Model } from '../../../src/domain/solver/model.js'
import { Random } from '../../../src/domain/solver/random.js'
import { kthSmallest, rowDpApplicable, rowDpPriceable, RowDp } from '../../../src/domain/solver/row-dp.js'
import { SolverState } from '../../../src/domain/solver/state.js'
import { randomModel, rowModel, type ModelSpec } from './arbitrary-model.js'

/** Small enough to try every row: up to 3 values a day over 6 days. */
const spec = fc.record({
  staff: fc.integer({ min: 1, max: 3 }),
  days: fc.integer({ min: 1, max: 6 }),
  shifts: fc.integer({ min: 1, max: 2 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
})

/** Every way to fill person p's cells a..b (others as in `cells`), with its cost: the programme's answer must be the best of these. */
function everyRow(m: Model, cells: Int16Array, p: number, a: number, b: number): { cells: Int16Array; cost: Cost }[] {
  const out: { cells: Int16Array; cost: Cost }[] = []
  const V = m.shifts + 1
  const n = b - a + 1
  for (let code = 0; code < V ** n; code++) {
    const c = cells.slice()
    for (let i = 0, k = code; i < n; i++, k = Math.floor(k / V)) c[p * m.days + a + i] = (k % V) - 1
    out.push({ cells: c, cost: evaluate(m, c) })
  }
  return out
}

/** The cheapest of `rows` that breaks no hard rule, or null. */
function bestFeasible(rows: { cells: Int16Array; cost: Cost }[]): { cells: Int16Array; cost: Cost } | null {
  let best: { cells: Int16Array; cost: Cost } | null = null
  for (const r of rows) if (r.cost.hard === 0 && (!best || r.cost.soft < best.cost.soft)) best = r
  return best
}

/**
 * Person 0 of a random row model on the best row that keeps their rules (null
 * when none does), a window a..b of it drawn from x and y, the state, and a copy
 * of its cells for the answer.
 */
function windowOnBestRow(s: ModelSpec, x: number, y: number) {
  const { model: m, cells } = rowModel(s, [0])
  const start = bestFeasible(everyRow(m, cells, 0, 0, m.days - 1))
  if (!start) return null
  const a = x % m.days
  const b = a + (y % (m.days - a))
  const st = new SolverState(m, start.cells)
  return { m, start, a, b, st, out: st.x.slice() }
}

describe('RowDp.optimise', () => {
  it('with prices: finds the row whose own cost less the prices of the places it works is least (against trying every row)', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const { model: m0, cells } = rowModel(s, [0])
        // Cover plays no part: the prices stand in for it. The programme runs on the model with its
        // cover weights (which it must ignore); rows are valued on a copy without them.
        const m: Model = { ...m0, coverUnder: new Int32Array(m0.coverUnder.length), coverOver: new Int32Array(m0.coverOver.length) }
        const rng = new Random(seed)
        const prices = Float64Array.from({ length: m.days * m.shifts }, () => Math.round(rng.next() * 101) - 1)
        const value = (c: Int16Array): number => {
          let v = evaluate(m, c).soft
          for (let d = 0; d < m.days; d++) if (c[d]! >= 0) v -= prices[d * m.shifts + c[d]!]!
          return v
        }
        const st = new SolverState(m0, cells)
        const out = st.x.slice()
        const found = new RowDp(m0).optimise(st, 0, 0, m0.days - 1, null, out, undefined, false, false, undefined, prices)
        let best = Infinity
        for (const r of everyRow(m, st.x, 0, 0, m.days - 1)) if (r.cost.hard === 0) best = Math.min(best, value(r.cells))
        expect(found).toBe(best !== Infinity)
        if (found) {
          expect(evaluate(m, out).hard).toBe(0)
          expect(value(out)).toBeCloseTo(best, 6)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('finds the best row that keeps the person\'s rules, or says there is none (against trying every row)', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const { model: m, cells } = rowModel(s, [0])
        expect(rowDpApplicable(m)).toBe(true)
        const st = new SolverState(m, cells)
        const out = st.x.slice()
        const found = new RowDp(m).optimise(st, 0, 0, m.days - 1, new Random(seed), out)
        const best = bestFeasible(everyRow(m, st.x, 0, 0, m.days - 1))
        expect(found).toBe(best !== null)
        if (best) expect(evaluate(m, out)).toEqual(best.cost)
      }),
      { numRuns: 400 },
    )
  })

  it('with several shift types of each length, finds the best row (a transition group offers the cheapest of each length; against trying every row)', () => {
    const many = fc.record({
      staff: fc.integer({ min: 1, max: 2 }),
      days: fc.integer({ min: 1, max: 4 }),
      shifts: fc.integer({ min: 3, max: 4 }),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
    fc.assert(
      fc.property(many, fc.integer({ min: 0, max: 1000 }), fc.boolean(), (s, seed, tieBreak) => {
        const { model: m, cells } = rowModel(s, [0])
        // Shift types 0 and 2 (1 and 3) alike as the day before, and two lengths only, so that
        // a group holds several types of one length; no cost for changing shift type.
        const S = m.shifts
        for (let v = 0; v < S; v++) {
          m.shiftMinutes[v] = v % 2 ? 480 : 600
          if (v >= 2) m.forbidden1.copyWithin(v * S, (v % 2) * S, (v % 2) * S + S)
        }
        m.changeWeight = 0
        m.backwardWeight = 0
        const st = new SolverState(m, cells)
        const out = st.x.slice()
        const found = new RowDp(m).optimise(st, 0, 0, m.days - 1, tieBreak ? new Random(seed) : null, out)
        const best = bestFeasible(everyRow(m, st.x, 0, 0, m.days - 1))
        expect(found).toBe(best !== null)
        if (best) expect(evaluate(m, out)).toEqual(best.cost)
      }),
      { numRuns: 200 },
    )
  })

  it('over a window of a row that keeps the rules: the best window, never worse than before', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 1000 }), (s, x, y, seed) => {
        const drawn = windowOnBestRow(s, x, y)
        if (!drawn) return
        const { m, start, a, b, st, out } = drawn
        expect(new RowDp(m).optimise(st, 0, a, b, new Random(seed), out)).toBe(true)
        const best = bestFeasible(everyRow(m, start.cells, 0, a, b))!
        expect(evaluate(m, out)).toEqual(best.cost)
        expect(best.cost.soft).toBeLessThanOrEqual(start.cost.soft)
        // Cells outside the window are kept.
        for (let d = 0; d < m.days; d++) if (d < a || d > b) expect(out[d]).toBe(start.cells[d])
      }),
      { numRuns: 400 },
    )
  })

  it('with a forced cell, the best row holding it', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), (s, x, v) => {
        const { model: m, cells } = rowModel(s, [0])
        const start = bestFeasible(everyRow(m, cells, 0, 0, m.days - 1))
        if (!start) return
        const day = x % m.days
        const value = (v % (m.shifts + 1)) - 1
        const st = new SolverState(m, start.cells)
        const out = st.x.slice()
        const found = new RowDp(m).optimise(st, 0, 0, m.days - 1, null, out, { day, value, slack: Infinity })
        const best = bestFeasible(everyRow(m, start.cells, 0, 0, m.days - 1).filter((r) => r.cells[day] === value))
        expect(found).toBe(best !== null)
        if (best) {
          expect(out[day]).toBe(value)
          expect(evaluate(m, out)).toEqual(best.cost)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('with a forced cell and days forced off, the best row holding them all', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (s, x, v, y, z) => {
        const { model: m, cells } = rowModel(s, [0])
        const start = bestFeasible(everyRow(m, cells, 0, 0, m.days - 1))
        if (!start) return
        const day = x % m.days
        const value = (v % (m.shifts + 1)) - 1
        const off = [y % m.days, z % m.days].filter((d) => d !== day)
        const st = new SolverState(m, start.cells)
        const out = st.x.slice()
        const found = new RowDp(m).optimise(st, 0, 0, m.days - 1, null, out, { day, value, slack: Infinity, off })
        const best = bestFeasible(everyRow(m, start.cells, 0, 0, m.days - 1).filter((r) => r.cells[day] === value && off.every((d) => r.cells[d] === OFF)))
        expect(found).toBe(best !== null)
        if (best) {
          expect(out[day]).toBe(value)
          for (const d of off) expect(out[d]).toBe(OFF)
          expect(evaluate(m, out)).toEqual(best.cost)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('with days forced off, no dearer than the current row plus the slack', () => {
    // One person, one shift wanted each day (100 a person missing); she works days 0 and 1.
    const m = emptyModel(1, 3, 1)
    m.shiftMinutes[0] = 480
    m.coverTarget.fill(1)
    m.coverUnder.fill(100)
    m.coverOver.fill(1)
    const st = new SolverState(m, Int16Array.from([0, 0, OFF]))
    const out = st.x.slice()
    // Day 1 off and day 2 worked costs nothing more; every day off leaves two more places short.
    expect(new RowDp(m).optimise(st, 0, 0, 2, null, out, { day: 2, value: 0, slack: 0, off: [1] })).toBe(true)
    expect(Array.from(out)).toEqual([0, OFF, 0])
    expect(new RowDp(m).optimise(st, 0, 0, 2, null, out, { day: 2, value: OFF, slack: 199, off: [0, 1] })).toBe(false)
    expect(new RowDp(m).optimise(st, 0, 0, 2, null, out, { day: 2, value: OFF, slack: 200, off: [0, 1] })).toBe(true)
    expect(Array.from(out)).toEqual([OFF, OFF, OFF])
  })
})

describe('RowDp.optimise with a weight on weekends worked on one day only', () => {
  /** Person 0's weekends of two days worked on one of them only, in `cells`. */
  const halfWeekends = (m: Model, cells: Int16Array): number => {
    let n = 0
    for (let d = 1; d < m.days; d++) {
      const w = m.weekendOf[d]!
      if (w >= 0 && m.weekendOf[d - 1] === w && (cells[d - 1] !== OFF) !== (cells[d] !== OFF)) n++
    }
    return n
  }

  it('finds the best row by its cost plus the weight of its half-worked weekends, where the person\'s weekends are limited (against trying every row)', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 1000 }), (s, x, y, weight, seed) => {
        const drawn = windowOnBestRow(s, x, y)
        if (!drawn) return
        const { m, start, a, b, st, out } = drawn
        const dp = new RowDp(m)
        dp.weekendWeight = weight
        expect(dp.optimise(st, 0, a, b, new Random(seed), out)).toBe(true)
        // The weight counts only where the programmes track weekends: a limit on them.
        const w = m.maxWeekends[0] === -1 || m.weekends === 0 ? 0 : weight
        const judged = (r: { cells: Int16Array; cost: Cost }) => r.cost.soft + w * halfWeekends(m, r.cells)
        const rows = everyRow(m, start.cells, 0, a, b).filter((r) => r.cost.hard === 0)
        const best = Math.min(...rows.map(judged))
        const got = evaluate(m, out)
        expect(got.hard).toBe(0)
        expect(got.soft + w * halfWeekends(m, out)).toBeCloseTo(best, 6)
        expect(dp.lastCost - dp.currentCost).toBeCloseTo(best - judged(start), 0)
      }),
      { numRuns: 400 },
    )
  })

  it('gives up a request to work a whole weekend rather than half of it, when the weight is more than the request', () => {
    const m = emptyModel(1, 7, 1)
    setWeekends(m, 0)
    m.maxWeekends[0] = 1
    m.coverTarget.fill(0)
    ensureCellCost(m)
    // Working costs 1 a day but on Saturday, which the person asks to work: off then costs 2.
    for (let d = 0; d < 7; d++) m.cellCost![d * 2 + 1] = d === 5 ? 0 : 1
    m.cellCost![5 * 2] = 2
    m.coverOver.fill(0)
    const st = new SolverState(m)
    const out = st.x.slice()
    const dp = new RowDp(m)
    expect(dp.optimise(st, 0, 0, 6, null, out)).toBe(true)
    expect(Array.from(out)).toEqual([OFF, OFF, OFF, OFF, OFF, 0, OFF])
    dp.weekendWeight = 5
    expect(dp.optimise(st, 0, 0, 6, null, out)).toBe(true)
    expect(Array.from(out)).toEqual([OFF, OFF, OFF, OFF, OFF, 0, 0])
    dp.weekendWeight = 0.5
    expect(dp.optimise(st, 0, 0, 6, null, out)).toBe(true)
    expect(Array.from(out)).toEqual([OFF, OFF, OFF, OFF, OFF, 0, OFF])
  })
})

describe('RowDp.optimise with a gain (a row short of its minimum of minutes)', () => {
  const minutes = (m: Model, cells: Int16Array) => {
    let n = 0
    for (let d = 0; d < m.days; d++) if (cells[d] !== OFF) n += m.shiftMinutes[cells[d]!]!
    return n
  }

  it('never leaves the row with fewer minutes than before, and changes nothing for a row that has its minimum', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1000 }), (s, x, y, g, seed) => {
        const { model: m, cells } = rowModel(s, [0])
        const a = x % m.days
        const b = a + (y % (m.days - a))
        const st = new SolverState(m, cells)
        const dp = new RowDp(m)
        const withGain = st.x.slice()
        if (!dp.optimise(st, 0, a, b, new Random(seed), withGain, undefined, false, false, g * dp.maxLenUnits)) return
        const before = minutes(m, st.x)
        const after = minutes(m, withGain)
        expect(after).toBeGreaterThanOrEqual(Math.min(before, m.minMinutes[0]! < 0 ? 0 : m.minMinutes[0]!))
        if (m.minMinutes[0]! <= before) {
          const plain = st.x.slice()
          expect(dp.optimise(st, 0, a, b, new Random(seed), plain)).toBe(true)
          expect(evaluate(m, withGain)).toEqual(evaluate(m, plain))
        }
      }),
      { numRuns: 400 },
    )
  })

  it('with a gain below 0, leaves the row at most that many units short of what it had, and only then below its minimum', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 1000 }), (s, x, y, g, seed) => {
        const { model: m, cells } = rowModel(s, [0])
        const a = x % m.days
        const b = a + (y % (m.days - a))
        const st = new SolverState(m, cells)
        const dp = new RowDp(m)
        const out = st.x.slice()
        if (!dp.optimise(st, 0, a, b, new Random(seed), out, undefined, false, false, -g * dp.maxLenUnits)) return
        const before = minutes(m, st.x)
        const after = minutes(m, out)
        const floor = m.minMinutes[0]! < 0 ? 0 : m.minMinutes[0]!
        expect(after).toBeGreaterThanOrEqual(Math.min(floor, before - g * Math.max(...m.shiftMinutes)))
        // Never more than the row may work.
        if (m.maxMinutes[0]! >= 0) expect(after).toBeLessThanOrEqual(m.maxMinutes[0]!)
      }),
      { numRuns: 400 },
    )
  })
})

describe('RowDp.optimisePair', () => {
  it('finds the best set of days on which two people exchange their cells (against trying every set)', () => {
    fc.assert(
      fc.property(spec.filter((s) => s.staff >= 2), fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const { model: m, cells } = rowModel(s, [0, 1])
        // Both rows start from their best given the other, so that keeping everything keeps the rules.
        const p0 = bestFeasible(everyRow(m, cells, 0, 0, m.days - 1))
        if (!p0) return
        const both = bestFeasible(everyRow(m, p0.cells, 1, 0, m.days - 1))
        if (!both) return
        const D = m.days
        const st = new SolverState(m, both.cells)
        const out = st.x.slice()
        const found = new RowDp(m).optimisePair(st, 0, 1, 0, D - 1, new Random(seed), out)
        let best: Cost | null = null
        for (let mask = 0; mask < 2 ** D; mask++) {
          const c = both.cells.slice()
          for (let d = 0; d < D; d++) if (mask & (1 << d)) [c[d], c[D + d]] = [c[D + d]!, c[d]!]
          let fixedOk = true
          for (let d = 0; d < D; d++) if (mask & (1 << d) && c[d] !== c[D + d] && (m.fixed[d] !== -2 || m.fixed[D + d] !== -2)) fixedOk = false
          const cost = evaluate(m, c)
          if (fixedOk && cost.hard === 0 && (!best || cost.soft < best.soft)) best = cost
        }
        // "No exchange to try" (every day equal or fixed) is the only reason to find nothing.
        if (!found) {
          let tried = false
          for (let d = 0; d < D; d++) if (both.cells[d] !== both.cells[D + d] && m.fixed[d] === -2 && m.fixed[D + d] === -2) tried = true
          expect(tried && best!.soft < both.cost.soft).toBe(false)
          return
        }
        expect(evaluate(m, out)).toEqual(best)
        // Every day's cover is what it was.
        for (let d = 0; d < D; d++) expect([out[d], out[D + d]].sort()).toEqual([both.cells[d], both.cells[D + d]].sort())
      }),
      { numRuns: 400 },
    )
  })
})

describe('rowDpApplicable', () => {
  it('refuses models with costs the programmes do not model', () => {
    const { model: m } = rowModel({ staff: 2, days: 7, shifts: 2, seed: 3 }, [0])
    expect(rowDpApplicable(m)).toBe(true)
    expect(rowDpApplicable({ ...m, coverUnderHard: true })).toBe(false)
    expect(rowDpApplicable({ ...m, forbidden2: Uint8Array.from([0, 1, 0, 0]) })).toBe(false)
    expect(rowDpApplicable({ ...m, workLo: Int32Array.from([1, -1]) })).toBe(false)
  })
})

void OFF

describe('RowDp.price (the pricing of bound.ts)', () => {
  /** One person with every cost of randomModel, the fair ranges included; no two-day successions, soft cover (price's model). */
  const priced = (s: { days: number; shifts: number; seed: number; plain?: boolean }): Model => {
    const m = randomModel({ staff: 1, days: s.days, shifts: s.shifts, seed: s.seed })
    if (s.plain) {
      // Without the hard limits price leaves out (minutes, weekends, a shift's maximum other than 0): exact.
      m.minMinutes.fill(-1)
      m.maxMinutes.fill(-1)
      m.maxWeekends.fill(-1)
      for (let i = 0; i < m.maxShiftCount.length; i++) if (m.maxShiftCount[i] !== 0) m.maxShiftCount[i] = -1
    }
    m.forbidden2.fill(0)
    m.coverUnderHard = false
    m.coverOverHard = false
    m.coverUnder.fill(0)
    m.coverOver.fill(0)
    return m
  }
  const small = fc.record({ days: fc.integer({ min: 1, max: 6 }), shifts: fc.integer({ min: 1, max: 2 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), plain: fc.boolean() })

  it('never costs more than the cheapest row that keeps the rules, fair ranges counted, and exactly that when it leaves nothing out (against trying every row)', () => {
    let exact = 0
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 1000 }), (s, seed) => {
        const m = priced(s)
        expect(rowDpPriceable(m)).toBe(true)
        const rng = new Random(seed)
        const prices = Float64Array.from({ length: m.days * m.shifts }, () => Math.round(rng.next() * 301) - 100)
        const value = (c: Int16Array): number => {
          let v = evaluate(m, c).soft
          for (let d = 0; d < m.days; d++) if (c[d]! >= 0) v -= prices[d * m.shifts + c[d]!]!
          return v
        }
        let best = Infinity
        for (const r of everyRow(m, new Int16Array(m.days).fill(OFF), 0, 0, m.days - 1)) if (r.cost.hard === 0) best = Math.min(best, value(r.cells))
        const dp = new RowDp(m)
        const out = new Int16Array(m.days)
        const r = dp.price(0, prices, out)
        if (best === Infinity && !r) return
        expect(r).not.toBeNull()
        expect(r!.found).toBe(true)
        expect(r!.cost).toBeLessThanOrEqual(best + 1e-6)
        if (!r!.relaxed) {
          exact++
          expect(r!.cost).toBeCloseTo(best, 6)
          expect(evaluate(m, out).hard).toBe(0)
          expect(value(out)).toBeCloseTo(best, 6)
          expect(dp.rowCost(0, out)).toBeCloseTo(evaluate(m, out).soft, 6)
        }
      }),
      { numRuns: 300 },
    )
    // Most models leave nothing out: the equality above was tested, not skipped.
    expect(exact).toBeGreaterThan(50)
  })

  it('with a bound ub, answers ub (found false) when no row is cheaper, and the row when one is', () => {
    const m = priced({ days: 5, shifts: 2, seed: 7 })
    const prices = new Float64Array(10).fill(20)
    const dp = new RowDp(m)
    const out = new Int16Array(5)
    const free = dp.price(0, prices, out)!
    expect(free.found).toBe(true)
    expect(dp.price(0, prices, new Int16Array(5), free.cost - 1)).toEqual({ cost: free.cost - 1, found: false, relaxed: free.relaxed })
    const again = new Int16Array(5)
    expect(dp.price(0, prices, again, free.cost + 1)).toMatchObject({ cost: free.cost, found: true })
  })

  it('counts a fair range it could not do without: the cheapest row at no prices pays for working too few days', () => {
    // One shift, no other cost: off every day is free, unless working days must be 3 to 4.
    const m = emptyModel(1, 6, 1)
    m.shiftMinutes[0] = 480
    m.workLo[0] = 3
    m.workHi[0] = 4
    m.workWeight = 200
    const dp = new RowDp(m)
    const out = new Int16Array(6)
    expect(dp.price(0, new Float64Array(6), out)).toMatchObject({ cost: 0, found: true, relaxed: false })
    expect(out.filter((v) => v !== OFF).length).toBeGreaterThanOrEqual(3)
    // Paid 10 a shift, it works all 6 days: 60 earned less 200 x 2² for two days over.
    expect(dp.price(0, new Float64Array(6).fill(10), out)).toMatchObject({ cost: -40, found: true })
    expect(dp.rowCost(0, Int16Array.from([0, 0, 0, 0, 0, 0]))).toBe(800)
  })
})

describe('RowDp.price out of time', () => {
  it('answers -Infinity (a bound that says nothing) and no row when the time is up', () => {
    const m = emptyModel(1, 5, 1)
    m.workLo[0] = 2
    m.workHi[0] = 3
    m.workWeight = 10
    const out = new Int16Array(5)
    expect(new RowDp(m).price(0, new Float64Array(5), out, Infinity, undefined, () => true)).toMatchObject({ cost: -Infinity, found: false })
    expect(new RowDp(m).price(0, new Float64Array(5), out, Infinity, undefined, () => false)).toMatchObject({ cost: 0, found: true })
  })
})

describe('kthSmallest (the limit of the label cap)', () => {
  it('is the k-th of the values sorted, with ties and Infinity among them', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Infinity))
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.nat(), (values, x) => {
        const a = Float64Array.from(values)
        const k = x % a.length
        expect(kthSmallest(a.slice(), k)).toBe(a.slice().sort()[k])
      }),
      { numRuns: 2000 },
    )
  })
})
