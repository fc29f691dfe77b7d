// Small linear programmes and their optima found the plain way, shared by the
// tests of the dense simplex (lp.test.ts) and of both LP engines (lp-engine.test.ts).
import fc from 'fast-check'

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
export function bruteForce(A: number[][], b: number[], c: number[]): number {
  const m = b.length
  let best = Infinity
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === m) {
      const x = solveSquare(A.map((row) => chosen.map((j) => row[j]!)), b)
      if (x && x.every((v) => v >= -1e-9)) best = Math.min(best, chosen.reduce((s, j, k) => s + c[j]! * x[k]!, 0))
      return
    }
    for (let j = from; j < c.length; j++) pick(j + 1, [...chosen, j])
  }
  pick(0, [])
  return best
}

/** Adds the columns of A (dense, one array per row) with costs c to an LP, in order. */
export function addColumns<L extends { add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number }>(lp: L, A: number[][], b: number[], c: number[]): L {
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

/** Three random rows over four columns, right-hand sides and costs. */
export const smallProgramme = fc.record({
  rows: fc.array(fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  b: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }),
  costs: fc.array(fc.integer({ min: -5, max: 8 }), { minLength: 4, maxLength: 4 }),
})

/**
 * The programme as min c·x, A x = b, x >= 0: four free columns, each also bounded by a row
 * x_j <= 5 through a slack (columns 4-7), so none is unbounded, then an artificial column per
 * random row (columns 8-10, cost 50). `FIRST_BASIS` is a feasible first basis.
 */
export function boundedProgramme({ rows, b, costs }: { rows: number[][]; b: number[]; costs: number[] }): { A: number[][]; b: number[]; c: number[] } {
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
  return { A, b: [...b, 5, 5, 5, 5], c }
}

export const FIRST_BASIS = [8, 9, 10, 4, 5, 6, 7]
