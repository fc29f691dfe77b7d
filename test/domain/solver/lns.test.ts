import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { curtoisAssignments, curtoisModel, parseCurtois } from '../../../src/domain/solver/curtois.js'
import { evaluateCurtois } from '../../../src/domain/solver/curtois-evaluate.js'
import { solveCurtois } from '../../../src/domain/solver/curtois-solve.js'
import { dive } from '../../../src/domain/solver/dive.js'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import { improveByNeighbourhoods } from '../../../src/domain/solver/lns.js'
import { OFF } from '../../../src/domain/solver/model.js'
import { Random } from '../../../src/domain/solver/random.js'
import { twoRequests } from './one-shift-model.js'

const INSTANCE1 = parseCurtois(readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8'))
/** A clock that never moves: nothing is ever out of time. */
const still = () => 0

/** A roster of Instance1 that keeps every hard rule but is far from the best: the search's construction alone (1413). */
function roughRoster() {
  const cm = curtoisModel(INSTANCE1)
  const r = solveCurtois(cm, { seed: 3, iterations: 0, timeLimitMs: 1e9, now: still })
  return { cm, cells: r.cells, soft: r.soft, hard: r.hard }
}

describe('dive over a neighbourhood', () => {
  it('draws the part up again: both people on both days, from the roster that grants neither request', () => {
    const m = twoRequests()
    const cells = Int16Array.from([0, OFF, OFF, 0])
    expect(evaluate(m, cells)).toEqual({ hard: 0, soft: 8 })
    const r = dive(m, { now: still, deadline: 1, neighbourhood: { cells, people: [0, 1], a: 0, b: 1 } })!
    expect(Array.from(r.cells)).toEqual([OFF, 0, 0, OFF])
    expect(Array.from(cells)).toEqual([0, OFF, OFF, 0])
  })

  it('with one person on one day, keeps the day covered: nothing to gain alone', () => {
    const m = twoRequests()
    const cells = Int16Array.from([0, OFF, OFF, 0])
    const r = dive(m, { now: still, deadline: 1, neighbourhood: { cells, people: [0], a: 0, b: 0 } })!
    // Ann off on day 0 would save 5 but leave the day 100 short.
    expect(Array.from(r.cells)).toEqual([0, OFF, OFF, 0])
  })

  it('on Instance1: every hard rule kept, and nobody outside the people or the days changes', () => {
    const { cm, cells } = roughRoster()
    const { staff: P, days: D } = cm.model
    const rng = new Random(11)
    for (let k = 0; k < 8; k++) {
      const a = rng.int(D - 10)
      const b = a + 1 + rng.int(9)
      const people = Array.from({ length: P }, (_, p) => p).filter(() => rng.next() < 0.6)
      const r = dive(cm.model, { now: still, deadline: 1, seed: k, neighbourhood: { cells, people, a, b } })!
      expect(evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells)).violations).toEqual([])
      for (let p = 0; p < P; p++) {
        for (let d = 0; d < D; d++) {
          if (people.includes(p) && d >= a && d <= b) continue
          expect(r.cells[p * D + d], `person ${p}, day ${d}`).toBe(cells[p * D + d])
        }
      }
    }
  })
})

describe('improveByNeighbourhoods', () => {
  it('lowers the cost of a rough roster of Instance1, every hard rule kept, never below the proven optimum 607', () => {
    const { cm, cells, soft, hard } = roughRoster()
    expect(hard).toBe(0)
    expect(soft).toBeGreaterThan(1000)
    const r = improveByNeighbourhoods(cm.model, cells, { seed: 1, now: still, deadline: 1, steps: 40 })
    expect(r.steps).toBe(40)
    expect(r.improved).toBeGreaterThan(0)
    expect(r.soft).toBeLessThan(soft)
    const verdict = evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells))
    expect(verdict.violations).toEqual([])
    expect(verdict.objective).toBe(r.soft)
    expect(r.soft).toBeGreaterThanOrEqual(607)
  })

  it('never makes the roster dearer, step by step', () => {
    const { cm, cells, soft } = roughRoster()
    let cost = soft
    let at = cells
    for (let seed = 1; seed <= 6; seed++) {
      const r = improveByNeighbourhoods(cm.model, at, { seed, now: still, deadline: 1, steps: 3 })
      expect(r.hard).toBe(0)
      expect(r.soft).toBeLessThanOrEqual(cost)
      expect(evaluate(cm.model, r.cells)).toEqual({ hard: 0, soft: r.soft })
      cost = r.soft
      at = r.cells
    }
  })

  it('is the same for a seed and a step budget on a still clock', () => {
    const { cm, cells } = roughRoster()
    const a = improveByNeighbourhoods(cm.model, cells, { seed: 5, now: still, deadline: 1, steps: 10 })
    const b = improveByNeighbourhoods(cm.model, cells, { seed: 5, now: still, deadline: 1, steps: 10 })
    expect(Array.from(a.cells)).toEqual(Array.from(b.cells))
  })

  it('leaves a roster that breaks a hard rule as it is (the annealer mends those)', () => {
    const m = twoRequests()
    // Ann on both days: Ben idle, the day's cover twice met; each works the shift at most once.
    const cells = Int16Array.from([0, 0, OFF, OFF])
    const before = evaluate(m, cells)
    expect(before.hard).toBeGreaterThan(0)
    const r = improveByNeighbourhoods(m, cells, { seed: 1, now: still, deadline: 1, steps: 5 })
    expect(r.steps).toBe(0)
    expect(Array.from(r.cells)).toEqual([0, 0, OFF, OFF])
  })

  it('stops at the deadline', () => {
    const { cm, cells } = roughRoster()
    let t = 0
    const r = improveByNeighbourhoods(cm.model, cells, { seed: 1, now: () => (t += 10), deadline: 35 })
    expect(r.steps).toBeLessThanOrEqual(2)
  })
})

describe('solveCurtois going on by neighbourhoods', () => {
  it('improves a roster that keeps the rules', () => {
    const { cm, cells, soft } = roughRoster()
    let t = 0
    const r = solveCurtois(cm, { seed: 1, timeLimitMs: 400, now: () => (t += 1), initial: cells, lns: true })
    expect(r.hard).toBe(0)
    expect(r.soft).toBeLessThan(soft)
    expect(evaluate(cm.model, r.cells)).toEqual({ hard: 0, soft: r.soft })
  })

  it('anneals on from one that breaks a hard rule, and mends it', () => {
    const { cm, cells } = roughRoster()
    const { days: D } = cm.model
    // Everyone on the first shift every day breaks their rules many times over.
    const broken = cells.map(() => 0)
    expect(evaluate(cm.model, broken).hard).toBeGreaterThan(0)
    const r = solveCurtois(cm, { seed: 1, iterations: 200_000, timeLimitMs: 1e9, now: still, initial: broken, lns: true })
    expect(r.iterations).toBeGreaterThan(D)
    expect(r.hard).toBe(0)
  })
})
