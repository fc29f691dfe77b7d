import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Lp } from '../../../src/domain/solver/lp.js'

/** Solves the square system B x = b by Gaussian elimination; null when B is singular. */
function solveSquare(B: number[][], b: number[]): number[] | null {
  const m = b.length
  const a = B.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < m; c++) {
    let p = c
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r
    if (Math.abs(a[p]![c]!) < 1e-9) return null
    ;[a[c], a[p]] = [a[p]!, a[c]!]
    for (let r = 0; r < m; r++) {
      if (r === c) continue
      const f = a[r]![c]! / a[c]![c]!
      for (let k = c; k <= m; k++) a[r]![k]! -= f * a[c]![k]!
    }
  }
  return a.map((row, i) => row[m]! / row[i]!)
}

/** The optimum of min c·x, A x = b, x >= 0 by trying every basis (small programmes only). */
function bruteForce(A: number[][], b: number[], c: number[]): number {
  const m = b.length
  const n = c.length
  let best = Infinity
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === m) {
      const B = A.map((row) => chosen.map((j) => row[j]!))
      const x = solveSquare(B, b)
      if (x && x.every((v) => v >= -1e-9)) best = Math.min(best, chosen.reduce((s, j, k) => s + c[j]! * x[k]!, 0))
      return
    }
    for (let j = from; j < n; j++) pick(j + 1, [...chosen, j])
  }
  pick(0, [])
  return best
}

function build(A: number[][], b: number[], c: number[]): Lp {
  const lp = new Lp(Float64Array.from(b))
  for (let j = 0; j < c.length; j++) {
    const rows: number[] = []
    const values: number[] = []
    for (let i = 0; i < b.length; i++) {
      if (A[i]![j] !== 0) {
        rows.push(i)
        values.push(A[i]![j]!)
      }
    }
    lp.add(c[j]!, rows, values)
  }
  return lp
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
      fc.property(
        fc.array(fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: -5, max: 8 }), { minLength: 4, maxLength: 4 }),
        (rows, b, costs) => {
          // Four free columns, then an artificial column per row (cost 50, the first basis); each free
          // column also bounded by a row x_j <= 5 through a slack, so no programme is unbounded.
          const m = 3 + 4
          const A: number[][] = Array.from({ length: m }, () => [])
          const c: number[] = []
          for (let j = 0; j < 4; j++) {
            for (let i = 0; i < 3; i++) A[i]!.push(rows[i]![j]!)
            for (let k = 0; k < 4; k++) A[3 + k]!.push(k === j ? 1 : 0)
            c.push(costs[j]!)
          }
          for (let k = 0; k < 4; k++) {
            for (let i = 0; i < m; i++) A[i]!.push(i === 3 + k ? 1 : 0)
            c.push(0)
          }
          for (let i = 0; i < 3; i++) {
            for (let k = 0; k < m; k++) A[k]!.push(k === i ? 1 : 0)
            c.push(50)
          }
          const bb = [...b, 5, 5, 5, 5]
          const lp = build(A, bb, c)
          lp.setBasis([8, 9, 10, 4, 5, 6, 7])
          expect(lp.solve()).toBeCloseTo(bruteForce(A, bb, c), 6)
        },
      ),
      { numRuns: 150 },
    )
  })
})
