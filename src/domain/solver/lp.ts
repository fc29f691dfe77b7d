// A small linear programme solver for the column generation of dive.ts:
// minimise c·x subject to A x = b (b given, x >= 0), by the revised primal
// simplex with an explicit basis inverse (the programmes have a few hundred
// rows at most, the columns are sparse and added as the search goes).
//
// The caller supplies a starting basis that is feasible (the roster
// programmes have slack columns for cover under and over its target). Columns
// can be switched off (`dead`): they are never priced again, and one still in
// the basis should be given a large cost so that the simplex drives it out.

/** Pivots between two fresh inversions of the basis (rounding errors grow in between). */
const REFACTOR_EVERY = 256
/** Pivots between two questions to `stop`. */
const STOP_EVERY = 32
const EPS = 1e-9
/** Columns kept as candidates to enter between full pricings. */
const CANDIDATES = 32

export class Lp {
  readonly m: number
  readonly b: Float64Array
  /** Columns: n of them, costs, and their non-zeros start[j]..start[j + 1] - 1 in rowOf and valueOf. */
  n = 0
  cost = new Float64Array(64)
  private start = new Int32Array(65)
  private rowOf = new Int32Array(1024)
  private valueOf = new Float64Array(1024)
  /** Columns not to be priced (switched off by the caller). */
  dead = new Uint8Array(64)
  /** basis[k]: the column basic in row position k. */
  readonly basis: Int32Array
  /** The basic columns' values, by position. */
  readonly xB: Float64Array
  /** The duals of the rows at the last solve. */
  readonly y: Float64Array
  private readonly inv: Float64Array
  private inBasis = new Uint8Array(64)
  private sinceRefactor = 0

  constructor(b: Float64Array) {
    this.m = b.length
    this.b = b
    this.basis = new Int32Array(this.m).fill(-1)
    this.inv = new Float64Array(this.m * this.m)
    this.xB = new Float64Array(this.m)
    this.y = new Float64Array(this.m)
  }

  /** Adds a column (its cost and non-zero entries) and returns its index. */
  add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number {
    const j = this.n
    if (j + 1 >= this.cost.length) {
      const size = this.cost.length * 2
      this.cost = grow(this.cost, size)
      this.start = grow(this.start, size + 1)
      this.dead = grow(this.dead, size)
      this.inBasis = grow(this.inBasis, size)
    }
    const at = this.start[j]!
    const end = at + rows.length
    if (end > this.rowOf.length) {
      const size = Math.max(end, this.rowOf.length * 2)
      this.rowOf = grow(this.rowOf, size)
      this.valueOf = grow(this.valueOf, size)
    }
    for (let t = 0; t < rows.length; t++) {
      this.rowOf[at + t] = rows[t]!
      this.valueOf[at + t] = values[t]!
    }
    this.cost[j] = cost
    this.start[j + 1] = end
    this.n = j + 1
    return j
  }

  /** Makes `columns` (one per row, by position) the basis; throws when they are not independent. */
  setBasis(columns: ArrayLike<number>): void {
    this.inBasis.fill(0)
    for (let k = 0; k < this.m; k++) {
      this.basis[k] = columns[k]!
      this.inBasis[columns[k]!] = 1
    }
    this.refactor()
  }

  /** Inverts the basis afresh (Gauss-Jordan with partial pivoting) and recomputes the basic values and duals. */
  refactor(): void {
    const m = this.m
    const B = new Float64Array(m * m)
    for (let k = 0; k < m; k++) {
      const j = this.basis[k]!
      for (let t = this.start[j]!; t < this.start[j + 1]!; t++) B[this.rowOf[t]! * m + k] = this.valueOf[t]!
    }
    const inv = this.inv
    inv.fill(0)
    for (let i = 0; i < m; i++) inv[i * m + i] = 1
    const nzB: number[] = []
    const nzI: number[] = []
    for (let col = 0; col < m; col++) {
      let piv = col
      let best = Math.abs(B[col * m + col]!)
      for (let r = col + 1; r < m; r++) {
        const v = Math.abs(B[r * m + col]!)
        if (v > best) {
          best = v
          piv = r
        }
      }
      if (best < 1e-12) throw new Error('lp: the basis is singular')
      if (piv !== col) {
        for (let k = 0; k < m; k++) {
          const a = col * m + k
          const c = piv * m + k
          const t = B[a]!
          B[a] = B[c]!
          B[c] = t
          const u = inv[a]!
          inv[a] = inv[c]!
          inv[c] = u
        }
      }
      const d = B[col * m + col]!
      // The pivot row's non-zeros (B left of col is already eliminated).
      nzB.length = 0
      nzI.length = 0
      for (let k = col; k < m; k++) {
        if (B[col * m + k] !== 0) {
          B[col * m + k]! /= d
          nzB.push(k)
        }
      }
      for (let k = 0; k < m; k++) {
        if (inv[col * m + k] !== 0) {
          inv[col * m + k]! /= d
          nzI.push(k)
        }
      }
      for (let r = 0; r < m; r++) {
        if (r === col) continue
        const f = B[r * m + col]!
        if (f === 0) continue
        for (const k of nzB) B[r * m + k]! -= f * B[col * m + k]!
        for (const k of nzI) inv[r * m + k]! -= f * inv[col * m + k]!
      }
    }
    for (let i = 0; i < m; i++) {
      let s = 0
      for (let k = 0; k < m; k++) s += inv[i * m + k]! * this.b[k]!
      this.xB[i] = s
    }
    this.computeDuals()
    this.sinceRefactor = 0
  }

  private computeDuals(): void {
    const m = this.m
    const y = this.y
    y.fill(0)
    for (let k = 0; k < m; k++) {
      const cb = this.cost[this.basis[k]!]!
      if (cb === 0) continue
      for (let i = 0; i < m; i++) y[i]! += cb * this.inv[k * m + i]!
    }
  }

  /** Column j's reduced cost at the current duals. */
  reducedCost(j: number): number {
    let d = this.cost[j]!
    const y = this.y
    const rowOf = this.rowOf
    const valueOf = this.valueOf
    for (let t = this.start[j]!, end = this.start[j + 1]!; t < end; t++) d -= y[rowOf[t]!]! * valueOf[t]!
    return d
  }

  /** Re-reads every basic column's cost (after the caller changed some) and the duals with them. */
  costsChanged(): void {
    this.computeDuals()
  }

  /**
   * Pivots towards an optimal basis and returns the objective: to the optimum,
   * or until `stop()` (asked every STOP_EVERY pivots) says to stop, or after
   * a safety cap of pivots (against cycling on a degenerate programme), always
   * with a basis that is still feasible.
   */
  solve(stop: () => boolean = () => false): number {
    const m = this.m
    const n = this.n
    const w = new Float64Array(m)
    const inv = this.inv
    const cand: number[] = []
    const candD: number[] = []
    const cap = 50 * (m + n) + 1000
    for (let pivots = 0; pivots < cap; pivots++) {
      if (pivots % STOP_EVERY === STOP_EVERY - 1 && stop()) break
      if (this.sinceRefactor >= REFACTOR_EVERY) this.refactor()
      // Multiple pricing: the most negative reduced cost among the candidates of the
      // last full pricing enters; when none is negative any more, price every column
      // again and keep the most negative few as the new candidates.
      let enter = -1
      let bestD = -EPS
      for (let c = 0; c < cand.length; c++) {
        const j = cand[c]!
        if (this.inBasis[j] || this.dead[j]) continue
        const d = this.reducedCost(j)
        if (d < bestD) {
          bestD = d
          enter = j
        }
      }
      if (enter < 0) {
        cand.length = 0
        candD.length = 0
        for (let j = 0; j < n; j++) {
          if (this.inBasis[j] || this.dead[j]) continue
          const d = this.reducedCost(j)
          if (d >= -EPS) continue
          if (cand.length < CANDIDATES) {
            cand.push(j)
            candD.push(d)
          } else {
            // Replace the least negative candidate.
            let worst = 0
            for (let c = 1; c < CANDIDATES; c++) if (candD[c]! > candD[worst]!) worst = c
            if (d < candD[worst]!) {
              cand[worst] = j
              candD[worst] = d
            }
          }
          if (d < bestD) {
            bestD = d
            enter = j
          }
        }
      }
      if (enter < 0) break
      w.fill(0)
      for (let t = this.start[enter]!; t < this.start[enter + 1]!; t++) {
        const r = this.rowOf[t]!
        const v = this.valueOf[t]!
        for (let i = 0; i < m; i++) w[i]! += inv[i * m + r]! * v
      }
      // Ratio test; among ties, the largest pivot.
      let leave = -1
      let ratio = Infinity
      for (let i = 0; i < m; i++) {
        if (w[i]! > EPS) {
          const q = Math.max(0, this.xB[i]!) / w[i]!
          if (q < ratio - 1e-12 || (q < ratio + 1e-12 && w[i]! > w[leave]!)) {
            ratio = q
            leave = i
          }
        }
      }
      if (leave < 0) throw new Error('lp: the programme is unbounded')
      const wr = w[leave]!
      const rowL = leave * m
      for (let k = 0; k < m; k++) inv[rowL + k]! /= wr
      const xl = this.xB[leave]! / wr
      this.xB[leave] = xl
      for (let i = 0; i < m; i++) {
        if (i === leave) continue
        const f = w[i]!
        if (f === 0) continue
        const ri = i * m
        for (let k = 0; k < m; k++) inv[ri + k]! -= f * inv[rowL + k]!
        this.xB[i] = this.xB[i]! - f * xl
      }
      // The duals move along the leaving row of the new inverse.
      for (let k = 0; k < m; k++) this.y[k]! += bestD * inv[rowL + k]!
      this.inBasis[this.basis[leave]!] = 0
      this.basis[leave] = enter
      this.inBasis[enter] = 1
      this.sinceRefactor++
    }
    this.computeDuals()
    let obj = 0
    for (let k = 0; k < m; k++) obj += this.cost[this.basis[k]!]! * this.xB[k]!
    return obj
  }

  /** Every column's value in the current basic solution. */
  values(): Float64Array {
    const x = new Float64Array(this.n)
    for (let k = 0; k < this.m; k++) x[this.basis[k]!] = Math.max(0, this.xB[k]!)
    return x
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const g = new (a.constructor as new (n: number) => T)(size)
  g.set(a)
  return g
}
