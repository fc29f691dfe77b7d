import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { curtoisAssignments, curtoisModel, parseCurtois } from '../../../src/domain/solver/curtois.js'
import { evaluateCurtois } from '../../../src/domain/solver/curtois-evaluate.js'
import { solveCurtois } from '../../../src/domain/solver/curtois-solve.js'
import { dive } from '../../../src/domain/solver/dive.js'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import { emptyModel, OFF, type Model } from '../../../src/domain/solver/model.js'
import { oneShiftModel, twoRequests } from './one-shift-model.js'

const INSTANCE1 = parseCurtois(readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8'))
/** A clock that never moves: the dive is never out of time. */
const still = () => 0

describe('dive', () => {
  it('finds the roster that grants every request when the relaxation has it', () => {
    const m = twoRequests()
    const r = dive(m, { now: still, deadline: 1 })!
    expect(Array.from(r.cells)).toEqual([OFF, 0, 0, OFF])
    expect(evaluate(m, r.cells)).toEqual({ hard: 0, soft: 0 })
    expect(r.bound).toBeCloseTo(0, 2)
    expect(r.exact).toBe(true)
  })

  it('on Instance1: a roster that keeps every hard rule, and a bound no roster beats (607 is the proven optimum)', () => {
    const cm = curtoisModel(INSTANCE1)
    const r = dive(cm.model, { now: still, deadline: 1 })!
    const verdict = evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells))
    expect(verdict.violations).toEqual([])
    expect(r.exact).toBe(true)
    expect(r.bound).toBeLessThanOrEqual(607 + 1e-6)
    expect(r.bound).toBeGreaterThan(500)
    expect(verdict.objective).toBeGreaterThanOrEqual(607)
    expect(evaluate(cm.model, r.cells)).toEqual({ hard: 0, soft: verdict.objective })
  })

  it('out of time at once, still gives everyone a row that keeps their rules', () => {
    const cm = curtoisModel(INSTANCE1)
    let t = 0
    const r = dive(cm.model, { now: () => t++, deadline: 0 })!
    expect(r.exact).toBe(false)
    expect(evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells)).violations).toEqual([])
  })

  it('is the same for a seed', () => {
    const cm = curtoisModel(INSTANCE1)
    const a = dive(cm.model, { now: still, deadline: 1, seed: 4 })!
    const b = dive(cm.model, { now: still, deadline: 1, seed: 4 })!
    expect(Array.from(a.cells)).toEqual(Array.from(b.cells))
  })

  it('is not tried on a relaxation too large for its basis (a year of ten shifts)', () => {
    const m = emptyModel(2, 364, 10)
    m.shiftMinutes.fill(480)
    expect(dive(m, { now: still, deadline: 1 })).toBeNull()
  })

  it('gives no roster when someone has no row that keeps their rules', () => {
    const m = twoRequests()
    // Ann must work 3 shifts in two days.
    m.minMinutes[0] = 3 * 480
    expect(dive(m, { now: still, deadline: 1 })).toBeNull()
  })
})

describe('solveCurtois with the dive', () => {
  it('polishes the dive\'s roster: every hard rule kept, its cost the benchmark\'s verdict', () => {
    const cm = curtoisModel(INSTANCE1)
    const r = solveCurtois(cm, { seed: 1, timeLimitMs: 1000, now: still, iterations: 50_000, dive: true })
    expect(r.hard).toBe(0)
    // Never worse than the first dive's roster it started from (seed 1 dives with perturbation seed 1000).
    const first = dive(cm.model, { now: still, deadline: 900, seed: 1000 })!
    expect(r.soft).toBeLessThanOrEqual(evaluate(cm.model, first.cells).soft)
    const verdict = evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells))
    expect(verdict.violations).toEqual([])
    expect(verdict.objective).toBe(r.soft)
    expect(verdict.objective).toBeGreaterThanOrEqual(607)
  })
})
