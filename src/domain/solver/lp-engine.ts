// The linear programme the column generation of dive.ts needs, whichever
// solver holds it: minimise c·x subject to A x = b (b given, x >= 0), with
// columns added as pricing finds them and switched off and on in the dive.
//
// Two engines keep it: the small dense simplex of lp.ts (no library, but its
// basis inverse grows with the square of the rows: DENSE_MAX_ROWS), and HiGHS
// (lp-highs.ts, the `highs` package, WebAssembly), which the caller loads and
// hands in only when a command needs it. scripts/bench-lp.mjs measures both.

import { Lp } from './lp.js'

export interface LpEngine {
  /** Rows (fixed when made). */
  readonly m: number
  /** Columns so far. */
  readonly n: number
  /** Adds a column (its cost and non-zero entries) and returns its index. */
  add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number
  /** The first basis, one column per row by position (the dense engine needs one that is feasible; HiGHS finds its own). */
  start(basis: ArrayLike<number>): void
  /** Switches column j off (it must then be 0) or on again. Takes effect at the next solve. */
  setActive(j: number, on: boolean): void
  /**
   * Solves towards the optimum from the last basis and returns the objective: to
   * the optimum, or until `late()` says the time is up (the dense engine asks it
   * every few pivots, HiGHS is given `secondsLeft` as its time limit).
   */
  solve(late: () => boolean, secondsLeft: number): number
  /** Whether the last solve reached the optimum. */
  readonly optimal: boolean
  /** The rows' duals at the last solve (reduced cost of column j: c_j - y·A_j). */
  duals(): Float64Array
  /** Every column's value at the last solve. */
  values(): Float64Array
  /** Frees what the engine holds outside JavaScript's heap (HiGHS's WebAssembly memory). */
  dispose(): void
}

/** Makes an engine for the rows' right-hand sides b. */
export type LpFactory = (b: Float64Array) => LpEngine

/** Rows above which the dense engine is not used: its basis inverse has rows² numbers (700 rows: 3.9 MB). */
export const DENSE_MAX_ROWS = 700

/**
 * Rows up to which the dense engine is the faster (scripts/bench-lp.mjs and the
 * column generation of Instances 7, 11, 12 and 13: even at about 220 rows, 3.5
 * times slower at 340, 15 times at 620): HiGHS's calls cost more than the
 * dense pivots on a small programme.
 */
export const DENSE_PREFERRED_ROWS = 250

/** The engine for a programme of `rows` rows: the dense one up to DENSE_PREFERRED_ROWS, else `large` (HiGHS) when given. */
export function chooseEngine(rows: number, large?: LpFactory): LpFactory | undefined {
  return rows <= DENSE_PREFERRED_ROWS || !large ? (rows <= DENSE_MAX_ROWS ? denseEngine : undefined) : large
}

/** A cost that keeps a switched-off column out of every optimal basis of the dense simplex. */
const BIG = 1e6

/** The dense simplex of lp.ts behind the engine's interface. */
export class DenseEngine implements LpEngine {
  readonly lp: Lp
  private costs: number[] = []
  optimal = false

  constructor(b: Float64Array) {
    this.lp = new Lp(b)
  }
  get m(): number {
    return this.lp.m
  }
  get n(): number {
    return this.lp.n
  }
  add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number {
    this.costs.push(cost)
    return this.lp.add(cost, rows, values)
  }
  start(basis: ArrayLike<number>): void {
    this.lp.setBasis(basis)
  }
  setActive(j: number, on: boolean): void {
    this.lp.dead[j] = on ? 0 : 1
    this.lp.cost[j] = on ? this.costs[j]! : BIG
  }
  solve(late: () => boolean): number {
    // The basic columns' costs may have changed since the last solve.
    this.lp.costsChanged()
    let stopped = false
    const obj = this.lp.solve(() => (stopped = late()))
    this.optimal = !stopped
    return obj
  }
  duals(): Float64Array {
    return this.lp.y
  }
  values(): Float64Array {
    return this.lp.values()
  }
  dispose(): void {}
}

export const denseEngine: LpFactory = (b) => new DenseEngine(b)
