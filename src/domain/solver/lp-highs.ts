// The engine of lp-engine.ts on HiGHS (Huangfu and Hall, *Parallelizing the
// dual revised simplex method*, Math. Prog. Comp. 10, 2018), compiled to
// WebAssembly by the `highs` package. The domain only names its types: the
// caller loads the runtime (asynchronously, from node_modules) when a command
// needs it and passes it in, so nothing here does I/O.
//
// One persistent HiGHS model holds the programme: rows fixed at b, columns
// added as pricing finds them (in one batch before each solve), a switched-off
// column bounded to 0. HiGHS starts each solve from the last basis, so a round
// of pricing costs a few pivots, not a fresh solve.

import type { Highs, Model } from 'highs'
import type { LpEngine, LpFactory } from './lp-engine.js'

/** Statuses of a run (highs.constants.modelStatus) this engine reads. */
const OPTIMAL = 7

export class HighsEngine implements LpEngine {
  readonly m: number
  private readonly h: Highs
  private readonly model: Model
  /** Columns in HiGHS, and those still to be added before the next solve. */
  private inModel = 0
  private pendingCost: number[] = []
  private pendingStart: number[] = [0]
  private pendingRows: number[] = []
  private pendingValues: number[] = []
  /** Bound changes to pass before the next solve: column -> on. */
  private pendingActive = new Map<number, boolean>()
  private y: Float64Array
  private x: Float64Array = new Float64Array(0)
  optimal = false

  constructor(h: Highs, b: Float64Array) {
    this.h = h
    this.m = b.length
    this.y = new Float64Array(b.length)
    this.model = h.createModel()
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 })
    const starts = new Int32Array(b.length + 1)
    this.model.addRows({ lower: Float64Array.from(b), upper: Float64Array.from(b), matrix: { format: 'csr', numRows: b.length, numCols: 0, starts, indices: new Int32Array(0), values: new Float64Array(0) } })
  }

  get n(): number {
    return this.inModel + this.pendingCost.length
  }

  add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number {
    const j = this.n
    this.pendingCost.push(cost)
    for (let t = 0; t < rows.length; t++) {
      this.pendingRows.push(rows[t]!)
      this.pendingValues.push(values[t]!)
    }
    this.pendingStart.push(this.pendingRows.length)
    return j
  }

  start(): void {}

  setActive(j: number, on: boolean): void {
    this.pendingActive.set(j, on)
  }

  private flush(): void {
    const k = this.pendingCost.length
    if (k > 0) {
      const inf = this.h.infinity
      this.model.addCols({
        cost: Float64Array.from(this.pendingCost),
        lower: new Float64Array(k),
        upper: new Float64Array(k).fill(inf),
        matrix: { format: 'csc', numRows: this.m, numCols: k, starts: Int32Array.from(this.pendingStart), indices: Int32Array.from(this.pendingRows), values: Float64Array.from(this.pendingValues) },
      })
      this.inModel += k
      this.pendingCost = []
      this.pendingStart = [0]
      this.pendingRows = []
      this.pendingValues = []
    }
    if (this.pendingActive.size > 0) {
      const cols = [...this.pendingActive.keys()].sort((a, b) => a - b)
      const upper = Float64Array.from(cols, (j) => (this.pendingActive.get(j) ? this.h.infinity : 0))
      this.model.changeColsBounds({ kind: 'set', indices: Int32Array.from(cols) }, new Float64Array(cols.length), upper)
      this.pendingActive.clear()
    }
  }

  solve(_late: () => boolean, secondsLeft: number): number {
    this.flush()
    // HiGHS measures its time limit against the time of every run since its clocks were last reset, not
    // this run's: without the reset a dive's later solves stopped at once, with the relaxation unsolved.
    this.model.zeroAllClocks()
    this.model.options.set('time_limit', Math.max(0.001, secondsLeft))
    const r = this.model.run()
    this.optimal = r.modelStatus === OPTIMAL
    const s = this.model.getSolution()
    this.y = s.rowDual
    this.x = s.colValue
    return this.model.getObjectiveValue()
  }

  duals(): Float64Array {
    return this.y
  }

  values(): Float64Array {
    const x = new Float64Array(this.n)
    for (let j = 0; j < this.x.length; j++) x[j] = Math.max(0, this.x[j]!)
    return x
  }

  dispose(): void {
    if (!this.model.disposed) this.model.dispose()
  }
}

/** Engines on a loaded HiGHS runtime. */
export function highsEngine(h: Highs): LpFactory {
  return (b) => new HighsEngine(h, b)
}
