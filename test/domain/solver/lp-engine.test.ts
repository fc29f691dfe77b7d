// The two LP engines of lp-engine.ts (the dense simplex and HiGHS) on small
// programmes with known optima, through the interface the dive uses: added
// columns, switched-off columns, duals, warm solves after new columns.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { curtoisAssignments, curtoisModel, parseCurtois } from '../../../src/domain/solver/curtois.js'
import { evaluateCurtois } from '../../../src/domain/solver/curtois-evaluate.js'
import { chainWindow, divesInTime, firstTemperature, solveCurtois, solveStages, weekendTransfer, weekendWeights } from '../../../src/domain/solver/curtois-solve.js'
import { dive } from '../../../src/domain/solver/dive.js'
import { chooseEngine, DENSE_MAX_ROWS, DENSE_PREFERRED_ROWS, denseEngine, type LpEngine, type LpFactory } from '../../../src/domain/solver/lp-engine.js'
import { highsEngine } from '../../../src/domain/solver/lp-highs.js'
import { addColumns, boundedProgramme, bruteForce, FIRST_BASIS, smallProgramme } from '../../support/lp-oracle.js'

let highs: Highs
beforeAll(async () => {
  // The package must be there (a dependency): no skipping when it is not.
  const loader = (await import('highs')).default as unknown as () => Promise<Highs>
  highs = await loader()
})

const engines: [string, () => LpFactory][] = [
  ['dense', () => denseEngine],
  ['HiGHS', () => highsEngine(highs)],
]
const never = () => false

function build(factory: LpFactory, A: number[][], b: number[], c: number[]): LpEngine {
  return addColumns(factory(Float64Array.from(b)), A, b, c)
}

/** max 3x + 5y with x <= 4, 2y <= 12, 3x + 2y <= 18, as a minimum with slack columns s1..s3 (the first basis). */
function textbook(factory: LpFactory): LpEngine {
  const A = [
    [1, 0, 1, 0, 0],
    [0, 2, 0, 1, 0],
    [3, 2, 0, 0, 1],
  ]
  const lp = build(factory, A, [4, 12, 18], [-3, -5, 0, 0, 0])
  lp.start([2, 3, 4])
  return lp
}

describe.each(engines)('the %s engine', (_name, engine) => {
  it('solves a textbook programme: max 3x + 5y with x <= 4, 2y <= 12, 3x + 2y <= 18 is 36 at (2, 6), with its duals', () => {
    const lp = textbook(engine())
    expect(lp.solve(never, 10)).toBeCloseTo(-36, 6)
    expect(lp.optimal).toBe(true)
    const x = lp.values()
    expect(x[0]).toBeCloseTo(2, 6)
    expect(x[1]).toBeCloseTo(6, 6)
    expect(Array.from(lp.duals()).map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([0, -1.5, -1])
    lp.dispose()
  })

  it('never uses a column switched off, and uses it again once switched on', () => {
    const lp = textbook(engine())
    lp.setActive(1, false)
    // Without y the best is x = 4: -12.
    expect(lp.solve(never, 10)).toBeCloseTo(-12, 6)
    expect(lp.values()[1]).toBe(0)
    lp.setActive(1, true)
    expect(lp.solve(never, 10)).toBeCloseTo(-36, 6)
    lp.dispose()
  })

  it('goes on from its last answer when columns are added, as pricing adds them', () => {
    const lp = textbook(engine())
    expect(lp.solve(never, 10)).toBeCloseTo(-36, 6)
    // z with 3x + 5y's worth in one column: 1 unit of row 1 and 1 of row 3 for -7, better than anything before.
    const j = lp.add(-7, [0, 2], [1, 1])
    expect(j).toBe(5)
    expect(lp.n).toBe(6)
    // Now the optimum: z = 4 (row 1 full), y = 1 (3x + 2y row: 4 + 2 = 6 <= 18... bounded by 2y <= 12: y = 6, 4 + 12 = 16 <= 18).
    const best = bruteForce(
      [
        [1, 0, 1, 0, 0, 1],
        [0, 2, 0, 1, 0, 0],
        [3, 2, 0, 0, 1, 1],
      ],
      [4, 12, 18],
      [-3, -5, 0, 0, 0, -7],
    )
    expect(lp.solve(never, 10)).toBeCloseTo(best, 6)
    lp.dispose()
  })

  it('gives every solve the time it is given, however long the solves before it took (a dive solves hundreds of times)', () => {
    const lp = textbook(engine())
    // Each solve has 20 ms, far more than this programme needs; the solves together take three times that.
    // The dense engine solves it in about a microsecond, so that takes it some 50,000 solves here: the cap
    // only guards against a loop that never ends, with room for a machine many times quicker.
    const seconds = 0.02
    let spent = 0
    for (let k = 0; k < 2_000_000 && spent < 3 * seconds * 1000; k++) {
      // Switching y off and on again makes every solve pivot.
      lp.setActive(1, k % 2 === 1)
      const began = performance.now()
      const cost = lp.solve(never, seconds)
      spent += performance.now() - began
      expect(lp.optimal).toBe(true)
      expect(cost).toBeCloseTo(k % 2 === 1 ? -36 : -12, 6)
    }
    expect(spent).toBeGreaterThanOrEqual(3 * seconds * 1000)
    lp.dispose()
  })

  it('agrees with trying every basis on random small programmes', () => {
    fc.assert(
      fc.property(smallProgramme, (spec) => {
        const { A, b, c } = boundedProgramme(spec)
        const lp = build(engine(), A, b, c)
        lp.start(FIRST_BASIS)
        expect(lp.solve(never, 10)).toBeCloseTo(bruteForce(A, b, c), 5)
        lp.dispose()
      }),
      { numRuns: 60 },
    )
  })
})

describe('choosing the engine', () => {
  it('takes the dense simplex for small relaxations, the large engine above DENSE_PREFERRED_ROWS, none too large without one', () => {
    const large: LpFactory = () => {
      throw new Error('not called')
    }
    expect(chooseEngine(DENSE_PREFERRED_ROWS, large)).toBe(denseEngine)
    expect(chooseEngine(DENSE_PREFERRED_ROWS + 1, large)).toBe(large)
    expect(chooseEngine(DENSE_MAX_ROWS + 1, large)).toBe(large)
    expect(chooseEngine(DENSE_MAX_ROWS, undefined)).toBe(denseEngine)
    expect(chooseEngine(DENSE_MAX_ROWS + 1, undefined)).toBeUndefined()
  })
})

/** The real clock: HiGHS is given the time left as its limit, so a clock that never moves would leave it none. */
const now = () => performance.now()
function instance(n: number) {
  const parsed = parseCurtois(readFileSync(new URL(`../../../../shared/benchmarks/curtois/Instance${n}.txt`, import.meta.url), 'utf8'))
  return { ...curtoisModel(parsed), instance: parsed }
}

describe('the relaxation with HiGHS', () => {
  it('reaches the dense simplex\'s bound on Instance7 (1054.08, best known 1056), a lower bound at most the best known', () => {
    const cm = instance(7)
    const dense = dive(cm.model, { now, deadline: now() + 60_000, boundOnly: true })!
    const h = dive(cm.model, { now, deadline: now() + 60_000, boundOnly: true, engine: highsEngine(highs), forceEngine: true })!
    expect(h.exact).toBe(true)
    expect(h.bound).toBeCloseTo(dense.bound, 1)
    expect(h.lowerBound).toBeCloseTo(1054.08, 1)
    expect(h.lowerBound).toBeLessThanOrEqual(1056)
  }, 60_000)

  it('proves Instance11 optimal: its bound rounds up to the best known, 3443, which is optimal', () => {
    const cm = instance(11)
    const r = dive(cm.model, { now, deadline: now() + 60_000, boundOnly: true, engine: highsEngine(highs), forceEngine: true })!
    expect(r.exact).toBe(true)
    expect(r.lowerBound).toBeLessThanOrEqual(3443)
    expect(Math.ceil(r.lowerBound - 1e-6)).toBe(3443)
  }, 60_000)

  it('dives on a relaxation over the dense engine\'s limit (Instance13: 624 rows): a roster that keeps every hard rule, and a bound at most the best known', () => {
    const cm = instance(13)
    // Ten seconds of the real clock: out of time well before the relaxation is solved.
    const t = now()
    const r = dive(cm.model, { now, deadline: t + 10_000, engine: highsEngine(highs) })!
    expect(r).not.toBeNull()
    expect(r.cells).toHaveLength(cm.model.staff * cm.model.days)
    expect(evaluateCurtois(cm.instance, curtoisAssignments(cm, r.cells)).violations).toEqual([])
    expect(r.lowerBound).toBeLessThanOrEqual(1348)
  }, 120_000)

  it('tries a large relaxation only when five rounds of pricing fit in its time: Instance20 not in the 36 s dive of a 60 s solve, in that of a 600 s one; Instance13 always', () => {
    expect(divesInTime(instance(20).model, 36_000)).toBe(false)
    expect(divesInTime(instance(20).model, 360_000)).toBe(true)
    expect(divesInTime(instance(24).model, 360_000)).toBe(false)
    expect(divesInTime(instance(13).model, 1000)).toBe(true)
  })

  it('schedules a solve: on two threads Instance13 dives for 60% of the limit, then draws up neighbourhoods; Instance20 at 60 s anneals on every thread for 35%, then on from the best with neighbourhoods on the first (one holds everyone over four weeks), Instance21 annealing on every thread; one thread anneals', () => {
    const dives = [
      { part: [0, 0.6], dive: true, lns: false },
      { part: [0.6, 1], dive: false, lns: true },
    ]
    expect(solveStages(instance(13).model, 59_800, 2)).toEqual(dives)
    expect(solveStages(instance(20).model, 599_800, 2)).toEqual(dives)
    expect(solveStages(instance(20).model, 59_800, 2)).toEqual([
      { part: [0, 0.35], dive: false, lns: false },
      { part: [0.35, 1], dive: false, lns: true },
    ])
    expect(solveStages(instance(21).model, 59_800, 2)).toEqual([
      { part: [0, 0.35], dive: false, lns: false },
      { part: [0.35, 1], dive: false, lns: false },
    ])
    expect(solveStages(instance(13).model, 59_800, 1)).toEqual([{ part: [0, 1], dive: false, lns: false }])
  })

  it('weighs half-worked weekends over more than four weekends: none on Instance13 (four) or Instance1 (two); on Instance14 (six) and Instance24 (52) 60 at the start of the cooling, nothing at its end', () => {
    expect(weekendWeights(instance(13).model, [0, 1])).toEqual({})
    expect(weekendWeights(instance(1).model, [0, 1])).toEqual({})
    expect(weekendWeights(instance(14).model, [0, 1])).toEqual({ weekendWeight: 60, weekendWeightEnd: 0 })
    const second = weekendWeights(instance(24).model, [0.35, 1])
    expect(second.weekendWeight).toBeCloseTo(39, 9)
    expect(second.weekendWeightEnd).toBe(0)
  })

  it('moves weekends from where they are spare to where they are short over more than four weekends only', () => {
    expect(weekendTransfer(instance(13).model)).toBe(0)
    expect(weekendTransfer(instance(1).model)).toBe(0)
    expect(weekendTransfer(instance(14).model)).toBeGreaterThan(0)
    expect(weekendTransfer(instance(24).model)).toBeGreaterThan(0)
  })

  it('takes shorter windows for the links of a chain on rosters longer than 26 weeks only', () => {
    expect(chainWindow(instance(13).model)).toBe(28)
    expect(chainWindow(instance(21).model)).toBe(28)
    expect(chainWindow(instance(22).model)).toBe(14)
    expect(chainWindow(instance(24).model)).toBe(14)
  })

  it('starts the cooling cooler on rosters longer than 26 weeks only', () => {
    expect(firstTemperature(instance(13).model)).toBe(30)
    expect(firstTemperature(instance(21).model)).toBe(30)
    expect(firstTemperature(instance(22).model)).toBe(3)
    expect(firstTemperature(instance(24).model)).toBe(3)
  })

  it('anneals from the start when it does not try (Instance20 in the 36 s dive of a 60 s solve): no bound, the roster of annealing alone', () => {
    const cm = instance(20)
    // A step budget, not the clock, ends both runs, so the same seed gives the same roster on a busy machine too.
    // With 60 s the dive would be tried, and whether it gives up after the first rows would depend on the machine's pace.
    const options = { seed: 1, timeLimitMs: 36_000, now, engine: highsEngine(highs), iterations: 300 }
    expect(divesInTime(cm.model, options.timeLimitMs)).toBe(false)
    const alone = solveCurtois(cm, options)
    const r = solveCurtois(cm, { ...options, dive: true })
    expect(r.lowerBound).toBeNull()
    expect(r.cells).toEqual(alone.cells)
  }, 60_000)
})
