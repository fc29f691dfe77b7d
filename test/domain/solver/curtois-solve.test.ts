import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { curtoisAssignments, curtoisModel, parseCurtois } from '../../../src/domain/solver/curtois.js'
import { evaluateCurtois } from '../../../src/domain/solver/curtois-evaluate.js'
import { solveCurtois } from '../../../src/domain/solver/curtois-solve.js'
import { evaluate } from '../../../src/domain/solver/evaluate.js'

const INSTANCE1 = parseCurtois(readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8'))
/** A clock that never moves: the step budget alone ends the search, so the result is the same every run. */
const still = () => 0

describe('solveCurtois', () => {
  it('finds an Instance1 roster that keeps every hard rule, whose cost the benchmark\'s own verdict confirms', () => {
    const cm = curtoisModel(INSTANCE1)
    const r = solveCurtois(cm, { seed: 1, timeLimitMs: 1, now: still, iterations: 200_000 })
    expect(r.hard).toBe(0)
    expect(evaluate(cm.model, r.cells)).toEqual({ hard: 0, soft: r.soft })
    const verdict = evaluateCurtois(INSTANCE1, curtoisAssignments(cm, r.cells))
    expect(verdict.violations).toEqual([])
    expect(verdict.objective).toBe(r.soft)
    // 607 is the proven optimum: nothing can be below it.
    expect(verdict.objective).toBeGreaterThanOrEqual(607)
  })

  it('is the same for a seed and a step budget', () => {
    const cm = curtoisModel(INSTANCE1)
    const a = solveCurtois(cm, { seed: 5, timeLimitMs: 1, now: still, iterations: 30_000 })
    const b = solveCurtois(cm, { seed: 5, timeLimitMs: 1, now: still, iterations: 30_000 })
    expect(Array.from(a.cells)).toEqual(Array.from(b.cells))
  })

  it('goes on from given cells, never ending worse than them', () => {
    const cm = curtoisModel(INSTANCE1)
    const first = solveCurtois(cm, { seed: 2, timeLimitMs: 1, now: still, iterations: 20_000 })
    const again = solveCurtois(cm, { seed: 3, timeLimitMs: 1, now: still, iterations: 20_000, initial: first.cells })
    expect(again.hard).toBe(0)
    expect(again.soft).toBeLessThanOrEqual(first.soft)
  })

  it('reports hard violations when no roster can keep the rules', () => {
    // One person who must work 3 of 2 days.
    const text = ['SECTION_HORIZON', '2', '', 'SECTION_SHIFTS', 'D,480,', '', 'SECTION_STAFF', 'A,D=2,1440,1440,2,1,1,1', '', 'SECTION_COVER', '0,D,1,100,1', '1,D,1,100,1', ''].join('\n')
    const r = solveCurtois(curtoisModel(parseCurtois(text)), { seed: 1, timeLimitMs: 1, now: still, iterations: 5_000 })
    expect(r.hard).toBeGreaterThan(0)
  })
})
