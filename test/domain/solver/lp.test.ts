import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Lp } from '../../../src/domain/solver/lp.js'
import { addColumns, boundedProgramme, bruteForce, FIRST_BASIS, smallProgramme } from '../../support/lp-oracle.js'

function build(A: number[][], b: number[], c: number[]): Lp {
  return addColumns(new Lp(Float64Array.from(b)), A, b, c)
}

/** max 3x + 5y with x <= 4, 2y <= 12, 3x + 2y <= 18, as a minimum with slack columns s1..s3 (the first basis). */
function textbook(): Lp {
  const A = [
    [1, 0, 1, 0, 0],
    [0, 2, 0, 1, 0],
    [3, 2, 0, 0, 1],
  ]
  const lp = build(A, [4, 12, 18], [-3, -5, 0, 0, 0])
  lp.setBasis([2, 3, 4])
  return lp
}

describe('Lp', () => {
  it('solves a textbook programme: max 3x + 5y with x <= 4, 2y <= 12, 3x + 2y <= 18 is 36 at (2, 6)', () => {
    const lp = textbook()
    expect(lp.solve()).toBeCloseTo(-36, 9)
    const x = lp.values()
    expect(x[0]).toBeCloseTo(2, 9)
    expect(x[1]).toBeCloseTo(6, 9)
    // Optimal: no column has a negative reduced cost, and the duals price the rows.
    for (let j = 0; j < 5; j++) expect(lp.reducedCost(j)).toBeGreaterThanOrEqual(-1e-9)
    expect(Array.from(lp.y).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, -1.5, -1])
  })

  it('never enters a column switched off, even the one the optimum would use', () => {
    const lp = textbook()
    lp.dead[1] = 1
    // Without y the best is x = 4: -12.
    expect(lp.solve()).toBeCloseTo(-12, 9)
    expect(lp.values()[1]).toBe(0)
  })

  it('reaches the optimum of a degenerate assignment programme (many ties), the same as trying every basis', () => {
    // Three people, three places: each person one place, each place one person; artificial columns (cost 100) start it.
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]
    const A: number[][] = Array.from({ length: 6 }, () => [])
    const c: number[] = []
    for (let p = 0; p < 3; p++) {
      for (let q = 0; q < 3; q++) {
        for (let i = 0; i < 6; i++) A[i]!.push(i === p || i === 3 + q ? 1 : 0)
        c.push(cost[p]![q]!)
      }
    }
    for (let i = 0; i < 6; i++) {
      for (let k = 0; k < 6; k++) A[k]!.push(k === i ? 1 : 0)
      c.push(100)
    }
    const lp = build(A, [1, 1, 1, 1, 1, 1], c)
    lp.setBasis([9, 10, 11, 12, 13, 14])
    // The best assignment: 0->1, 1->0, 2->2 costs 1 + 2 + 2 = 5.
    expect(lp.solve()).toBeCloseTo(5, 9)
  })

  it('agrees with trying every basis on random small programmes', () => {
    fc.assert(
      fc.property(smallProgramme, (spec) => {
        const { A, b, c } = boundedProgramme(spec)
        const lp = build(A, b, c)
        lp.setBasis(FIRST_BASIS)
        expect(lp.solve()).toBeCloseTo(bruteForce(A, b, c), 6)
      }),
      { numRuns: 150 },
    )
  })
})
