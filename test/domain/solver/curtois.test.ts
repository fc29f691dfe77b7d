import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCurtois } from '../../../src/domain/solver/curtois.js'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import { cellCostIndex, FREE, OFF } from '../../../src/domain/solver/model.js'
import { solve } from '../../../src/domain/solver/search.js'

// Instance1 of the Curtois & Qu benchmark (schedulingbenchmarks.org/nrp), copied unchanged from the
// MIT-licensed wssuite/NurseScheduler repository (datasets/nrp/Instance1.txt). Optimum: 607.
const INSTANCE1 = readFileSync(new URL('./fixtures/curtois-instance1.txt', import.meta.url), 'utf8')

describe('parseCurtois', () => {
  it('reads Instance1: 8 staff, 14 days, one 480-minute shift, its limits, days off, requests and cover', () => {
    const { model: m, staffIds, shiftIds } = parseCurtois(INSTANCE1)
    expect([m.staff, m.days, m.shifts]).toEqual([8, 14, 1])
    expect(staffIds).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
    expect(shiftIds).toEqual(['D'])
    expect(m.shiftMinutes[0]).toBe(480)
    // A,D=14,4320,3360,5,2,2,1
    expect([m.maxShiftCount[0], m.maxMinutes[0], m.minMinutes[0], m.maxConsecWork[0], m.minConsecWork[0], m.minConsecOff[0], m.maxWeekends[0]]).toEqual([14, 4320, 3360, 5, 2, 2, 1])
    // Days off: A,0 and B,5
    expect(m.fixed[0 * 14 + 0]).toBe(OFF)
    expect(m.fixed[1 * 14 + 5]).toBe(OFF)
    expect(m.fixed[0 * 14 + 1]).toBe(FREE)
    // On request A,2,D,2: off costs 2, D costs nothing. Off request C,12,D,1: D costs 1.
    expect(m.cellCost![cellCostIndex(m, 0, 2, OFF)]).toBe(2)
    expect(m.cellCost![cellCostIndex(m, 0, 2, 0)]).toBe(0)
    expect(m.cellCost![cellCostIndex(m, 2, 12, 0)]).toBe(1)
    // Cover: day 1 wants 7, 100 per missing, 1 per extra.
    expect([m.coverTarget[1], m.coverUnder[1], m.coverOver[1]]).toEqual([7, 100, 1])
    expect(Array.from(m.weekendOf)).toEqual([-1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, 1, 1])
  })

  it('refuses text that is not an instance', () => {
    expect(() => parseCurtois('hello')).toThrow(/SECTION_HORIZON is missing/)
  })

  it('the engine finds a feasible Instance1 roster near the optimum (607) in a short budget', () => {
    const { model } = parseCurtois(INSTANCE1)
    const r = solve(model, { seed: 1, iterations: 1_000_000, t0: 30, t1: 1 })
    expect(r.hard).toBe(0)
    expect(r.soft).toBeGreaterThanOrEqual(607)
    expect(r.soft).toBeLessThanOrEqual(720)
    expect(evaluate(model, r.cells)).toEqual({ hard: 0, soft: r.soft })
  })
})
