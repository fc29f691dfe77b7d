// The search: a greedy construction that fills the cover targets, then
// simulated annealing over four moves, each evaluated incrementally:
//   change  one cell to another value (changes cover: for soft cover);
//   run     one person's cells over a run of days to one value (changes cover);
//   swap    two people's cells on one day (keeps every day's cover);
//   block   two people's cells over a run of days (keeps cover, moves whole stretches).
// With `rows` (models whose hard rules all concern one person at a time, such
// as the Curtois & Qu benchmark), the construction and four more moves come
// from dynamic programmes over whole rows (row-moves.ts): re-optimise one
// person's window, the best exchange between two people, ruin and recreate,
// and an ejection chain towards a place short of people.
// Deterministic for a given seed and iteration budget; an optional injected
// clock can stop it earlier (benchmarks), which is then no longer reproducible.

import { FREE, OFF, type Model } from './model.js'
import { Random } from './random.js'
import { rowDpApplicable, rowDpPairable } from './row-dp.js'
import { RowMoves, type RowMoveOptions } from './row-moves.js'
import { SolverState } from './state.js'

export interface MoveWeights {
  change: number
  swap: number
  block: number
  /** Optional (default 0 with hard cover, else as change / 2). */
  run?: number
}

export interface SolveOptions {
  seed: number
  /** Budget of move attempts. */
  iterations: number
  /** Optional wall-clock limit, with an injected clock in milliseconds. */
  timeLimitMs?: number
  now?: () => number
  /**
   * Whether the clock also cools (default true): the temperature follows the larger of the
   * steps' share and the time's share. With false the clock only stops the search, so a
   * step budget gives the same result for a seed however busy the machine.
   */
  clockCools?: boolean
  /** One unit of hard violation weighs this much against soft cost (default 1000). */
  hardWeight?: number
  /**
   * When set, the hard weight starts here and grows (geometrically, with each
   * cycle's cooling) to `hardWeight`: cheap violations early let the search
   * cross infeasible ground, dear ones at the end bring it back.
   */
  hardWeightStart?: number
  /** Relative frequency of the moves (default: all; no `change` or `run` when cover is hard both ways). */
  moves?: MoveWeights
  /** Longest block of days the block move swaps (default 7). */
  maxBlock?: number
  /** Start temperature and end temperature; by default sampled from the first moves. */
  t0?: number
  t1?: number
  /** Start from these cells instead of the greedy construction. */
  initial?: Int16Array
  /**
   * Anneal in this many cycles (default 1), each cooling from t0 to t1 over its share
   * of the budget and starting again from the best solution found so far.
   */
  cycles?: number
  /**
   * What a weekend worked on one day but not both weighs in the annealer's
   * judgement of a move (default 0): not a cost, the result is judged without
   * it; but where the most weekends people may work is what leaves weekend
   * places short, a half-worked weekend wastes a day someone could cover. It
   * falls linearly to `weekendWeightEnd` (default 0) over each cycle's cooling.
   */
  weekendWeight?: number
  weekendWeightEnd?: number
  /** Stop as soon as a solution with zero hard and at most this soft cost is found. */
  target?: number
  /**
   * Row moves and construction (see the file comment); the model must allow them
   * (rowDpApplicable), or with pair moves alone rowDpPairable (then the greedy construction).
   */
  rows?: RowMoveOptions
}

export interface SolveResult {
  /** The best grid found: fewest hard units, then least soft cost. */
  cells: Int16Array
  hard: number
  soft: number
  iterations: number
}

/** Finds a good grid for the model (see the file comment for how). */
export function solve(model: Model, options: SolveOptions): SolveResult {
  return new Annealer(model, options).run()
}

const MOVE_CHANGE = 0
const MOVE_SWAP = 1
const MOVE_BLOCK = 2
const MOVE_RUN = 3

class Annealer {
  private readonly m: Model
  private st: SolverState
  private readonly rng: Random
  private hw: number
  private readonly opts: SolveOptions
  private readonly cumChange: number
  private readonly cumSwap: number
  private readonly cumRun: number
  /** The values a run move overwrote, to put them back. */
  private readonly saved: Int16Array
  private readonly maxBlock: number
  // The move under evaluation.
  private kind = 0
  private p1 = 0
  private p2 = 0
  private a = 0
  private b = 0
  private value = 0
  private oldValue = 0
  /** Whether the move changes which days are worked (else runs need no measuring). */
  private runs = true
  private readonly rowMoves: RowMoves | null
  /** Cumulative chances of the row, pair and ruin moves per step. */
  private readonly cumRow: number
  private readonly cumPair: number
  private readonly cumRuin: number
  private readonly cumChain: number
  private readonly cumTransfer: number

  constructor(model: Model, options: SolveOptions) {
    this.m = model
    this.opts = options
    this.rng = new Random(options.seed)
    this.hw = options.hardWeight ?? 1000
    this.st = new SolverState(model, options.initial)
    const exactCover = model.coverUnderHard && model.coverOverHard
    const w = options.moves ?? { change: exactCover ? 0 : 2, swap: 1, block: 1, run: exactCover ? 0 : 1 }
    const run = w.run ?? w.change / 2
    const total = w.change + run + w.swap + w.block
    if (total <= 0) throw new Error('solve: at least one move needs a positive weight')
    this.cumChange = w.change / total
    this.cumRun = (w.change + run) / total
    this.cumSwap = (w.change + run + w.swap) / total
    this.maxBlock = Math.max(2, Math.min(options.maxBlock ?? 7, model.days))
    this.saved = new Int16Array(this.maxBlock)
    const rows = options.rows
    const pairOnly = rows && !rows.row && !rows.ruin && !rows.chain && !rows.transfer
    if (rows && !(pairOnly ? rowDpPairable(model) : rowDpApplicable(model))) throw new Error('solve: this model does not allow row moves')
    this.rowMoves = rows && model.staff > 0 && model.days > 0 ? new RowMoves(model, rows) : null
    this.cumRow = rows?.row ?? 0
    this.cumPair = this.cumRow + (rows?.pair ?? 0)
    this.cumRuin = this.cumPair + (rows?.ruin ?? 0)
    this.cumChain = this.cumRuin + (rows?.chain ?? 0)
    this.cumTransfer = this.cumChain + (rows?.transfer ?? 0)
  }

  run(): SolveResult {
    const { m, rng, opts } = this
    let hw = this.hw
    const hwEnd = this.hw
    const hwStart = opts.hardWeightStart ?? hwEnd
    const hwRatio = hwEnd / hwStart
    let st = this.st
    const rowMoves = this.rowMoves
    // The row construction takes seconds on a year's roster of 150 people: it counts towards the time limit.
    const clocked = opts.now && opts.timeLimitMs !== undefined
    const constructed = clocked && rowMoves ? opts.now!() : -1
    if (rowMoves) rowMoves.dp.weekendWeight = opts.weekendWeight ?? 0
    if (!opts.initial) {
      if (rowMoves && rowDpApplicable(m)) rowMoves.construct(st, rng)
      else this.construct()
    }
    const best = st.x.slice()
    let bestHard = st.hard
    let bestSoft = st.soft
    let unsaved = false
    const target = opts.target ?? -1
    const iterations = Math.max(0, Math.floor(opts.iterations))
    const started = constructed >= 0 ? constructed : clocked ? opts.now!() : 0

    const t0 = opts.t0 ?? this.sampleTemperature()
    const t1 = Math.min(opts.t1 ?? 0.05, t0)
    const ratio = t1 / t0
    const cycles = Math.max(1, Math.floor(opts.cycles ?? 1))
    let cycle = 0
    let temp = t0
    let it = 0
    // Row moves take milliseconds: look at the clock more often.
    const clockMask = rowMoves ? 255 : 1023
    let broken: number[] = []
    const wwStart = opts.weekendWeight ?? 0
    const wwEnd = opts.weekendWeightEnd ?? 0
    let ww = wwStart
    if (m.staff > 0 && m.days > 0 && !(bestHard === 0 && bestSoft <= target)) {
      for (; it < iterations; it++) {
        if ((it & clockMask) === 0) {
          let progress = it / iterations
          if (opts.now && opts.timeLimitMs !== undefined) {
            const elapsed = (opts.now() - started) / opts.timeLimitMs
            if (elapsed >= 1) break
            if (elapsed > progress && opts.clockCools !== false) progress = elapsed
          }
          const c = Math.min(cycles - 1, Math.floor(progress * cycles))
          if (c !== cycle) {
            cycle = c
            if (!unsaved) {
              // Back to the best solution for the next cycle.
              st = this.st = new SolverState(m, best)
              if (st.hard !== bestHard || st.soft !== bestSoft) throw new Error('solve: the best solution does not evaluate to its recorded cost')
            }
          }
          const local = progress * cycles - cycle
          temp = t0 * Math.pow(ratio, local)
          if (hwStart !== hwEnd) hw = this.hw = hwStart * Math.pow(hwRatio, local)
          ww = wwStart + (wwEnd - wwStart) * local
          if (rowMoves) rowMoves.dp.weekendWeight = ww
          if (rowMoves && st.hard > 0) broken = rowMoves.brokenPeople(st)
        }
        if (rowMoves) {
          const r = rng.next()
          if (r < this.cumTransfer) {
            if (unsaved) {
              // A row move changes many cells: save the best before, not after.
              best.set(st.x)
              unsaved = false
            }
            const h0 = st.hard
            const s0 = st.soft
            const w0 = st.halfWeekends
            let moved: boolean
            if (r < this.cumRow) moved = broken.length && st.hard > 0 && rng.next() < 0.5 ? rowMoves.repair(st, rng, broken[rng.int(broken.length)]!) : rowMoves.row(st, rng)
            else if (r < this.cumPair) moved = rowMoves.pair(st, rng)
            else if (r < this.cumRuin) moved = rowMoves.ruin(st, rng)
            else if (r < this.cumChain) moved = rowMoves.chain(st, rng)
            else moved = rowMoves.transfer(st, rng)
            if (!moved) continue
            const delta = (st.hard - h0) * hw + (st.soft - s0) + (st.halfWeekends - w0) * ww
            if (delta > 0 && (delta > temp * 30 || rng.next() >= Math.exp(-delta / temp))) {
              rowMoves.revert(st)
              continue
            }
            rowMoves.commit()
            if (st.hard < bestHard || (st.hard === bestHard && st.soft < bestSoft)) {
              bestHard = st.hard
              bestSoft = st.soft
              unsaved = true
              if (bestHard === 0 && bestSoft <= target) {
                it++
                break
              }
            }
            continue
          }
        }
        if (!this.pickMove()) continue
        const h0 = st.hard
        const s0 = st.soft
        const w0 = st.halfWeekends
        st.resetSequenceMeasure()
        this.measure()
        const bh = st.seqHard
        const bs = st.seqSoft
        this.apply()
        st.resetSequenceMeasure()
        this.measure()
        const dh = st.hard - h0 + st.seqHard - bh
        const ds = st.soft - s0 + st.seqSoft - bs
        const delta = dh * hw + ds + (st.halfWeekends - w0) * ww
        if (delta > 0 && (delta > temp * 30 || rng.next() >= Math.exp(-delta / temp))) {
          this.revert()
          continue
        }
        if (dh * hw + ds > 0 && unsaved) {
          // Leaving a best solution: save it first (lazily, to copy the grid only when needed).
          this.revert()
          best.set(st.x)
          unsaved = false
          this.apply()
        }
        st.hard = h0 + dh
        st.soft = s0 + ds
        if (st.hard < bestHard || (st.hard === bestHard && st.soft < bestSoft)) {
          bestHard = st.hard
          bestSoft = st.soft
          unsaved = true
          if (bestHard === 0 && bestSoft <= target) {
            it++
            break
          }
        }
      }
    }
    if (unsaved) best.set(st.x)
    return { cells: best, hard: bestHard, soft: bestSoft, iterations: it }
  }

  /** Picks a random move into the fields; false when the pick is not a real move. */
  private pickMove(): boolean {
    const { m, st, rng } = this
    const P = m.staff
    const D = m.days
    const r = rng.next()
    if (r < this.cumChange) {
      const p = rng.int(P)
      const d = rng.int(D)
      if (m.fixed[p * D + d] !== FREE) return false
      const old = st.x[p * D + d]!
      let v = rng.int(m.shifts + 1) - 1
      if (v === old) v = v + 1 < m.shifts ? v + 1 : OFF
      if (v === old) return false
      this.kind = MOVE_CHANGE
      this.runs = (old === OFF) !== (v === OFF)
      this.p1 = p
      this.a = this.b = d
      this.value = v
      this.oldValue = old
      return true
    }
    if (r < this.cumRun) {
      const len = 2 + rng.int(this.maxBlock - 1)
      if (len > D) return false
      const p = rng.int(P)
      const a = rng.int(D - len + 1)
      const v = rng.int(m.shifts + 1) - 1
      let differs = false
      for (let d = a; d < a + len; d++) {
        const i = p * D + d
        if (st.x[i] === v) continue
        if (m.fixed[i] !== FREE) return false
        differs = true
      }
      if (!differs) return false
      this.kind = MOVE_RUN
      this.runs = true
      this.p1 = p
      this.a = a
      this.b = a + len - 1
      this.value = v
      return true
    }
    if (P < 2) return false
    const p1 = rng.int(P)
    let p2 = rng.int(P - 1)
    if (p2 >= p1) p2++
    this.p1 = p1
    this.p2 = p2
    const x = st.x
    if (r < this.cumSwap) {
      const d = rng.int(D)
      const i1 = p1 * D + d
      const i2 = p2 * D + d
      if (x[i1] === x[i2] || m.fixed[i1] !== FREE || m.fixed[i2] !== FREE) return false
      this.kind = MOVE_SWAP
      this.runs = (x[i1] === OFF) !== (x[i2] === OFF)
      this.a = this.b = d
      return true
    }
    const len = 2 + rng.int(this.maxBlock - 1)
    if (len > D) return false
    const a = rng.int(D - len + 1)
    const b = a + len - 1
    let differs = false
    let runs = false
    for (let d = a; d <= b; d++) {
      const i1 = p1 * D + d
      const i2 = p2 * D + d
      if (x[i1] === x[i2]) continue
      if (m.fixed[i1] !== FREE || m.fixed[i2] !== FREE) return false
      differs = true
      if ((x[i1] === OFF) !== (x[i2] === OFF)) runs = true
    }
    if (!differs) return false
    this.kind = MOVE_BLOCK
    this.runs = runs
    this.a = a
    this.b = b
    return true
  }

  private measure(): void {
    this.st.measureSequences(this.p1, this.a, this.b, this.runs)
    if (this.kind === MOVE_SWAP || this.kind === MOVE_BLOCK) this.st.measureSequences(this.p2, this.a, this.b, this.runs)
  }

  private apply(): void {
    if (this.kind === MOVE_CHANGE) this.st.setCell(this.p1, this.a, this.value)
    else if (this.kind === MOVE_RUN) {
      const base = this.p1 * this.m.days
      for (let d = this.a; d <= this.b; d++) {
        this.saved[d - this.a] = this.st.x[base + d]!
        this.st.setCell(this.p1, d, this.value)
      }
    } else this.swapRange()
  }

  private revert(): void {
    if (this.kind === MOVE_CHANGE) this.st.setCell(this.p1, this.a, this.oldValue)
    else if (this.kind === MOVE_RUN) {
      for (let d = this.a; d <= this.b; d++) this.st.setCell(this.p1, d, this.saved[d - this.a]!)
    } else this.swapRange()
  }

  private swapRange(): void {
    const { st, p1, p2 } = this
    const D = this.m.days
    const x = st.x
    for (let d = this.a; d <= this.b; d++) if (x[p1 * D + d] !== x[p2 * D + d]) st.swapCells(p1, p2, d)
  }

  /**
   * Greedy construction: day by day, shift by shift in rotation order, gives
   * each wanted place to the free person whose taking it costs least (ties
   * broken at random). With hard cover every place is filled when anyone is
   * free; with soft cover only while filling pays.
   */
  private construct(): void {
    const { m, st, rng } = this
    const P = m.staff
    const D = m.days
    const S = m.shifts
    const order = Array.from({ length: S }, (_, s) => s).sort((x, y) => m.shiftRank[x]! - m.shiftRank[y]! || x - y)
    for (let d = 0; d < D; d++) {
      for (const s of order) {
        const ci = d * S + s
        while (st.cover[ci]! < m.coverTarget[ci]!) {
          let bestP = -1
          let bestDelta = Infinity
          let ties = 0
          for (let p = 0; p < P; p++) {
            const i = p * D + d
            if (st.x[i] !== OFF || m.fixed[i] !== FREE) continue
            const delta = st.changeCost(p, d, s, this.hw)
            if (delta < bestDelta) {
              bestDelta = delta
              bestP = p
              ties = 1
            } else if (delta === bestDelta && rng.int(++ties) === 0) {
              bestP = p
            }
          }
          if (bestP < 0 || (bestDelta >= 0 && !m.coverUnderHard)) break
          this.commitChange(bestP, d, s)
        }
      }
    }
  }

  private commitChange(p: number, d: number, v: number): void {
    const st = this.st
    st.resetSequenceMeasure()
    st.measureSequences(p, d, d)
    const bh = st.seqHard
    const bs = st.seqSoft
    st.setCell(p, d, v)
    st.resetSequenceMeasure()
    st.measureSequences(p, d, d)
    st.hard += st.seqHard - bh
    st.soft += st.seqSoft - bs
  }

  /** A start temperature: the mean worsening of a sample of random moves, so about half of them pass at first. */
  private sampleTemperature(): number {
    const { st, hw } = this
    let sum = 0
    let n = 0
    for (let k = 0; k < 400; k++) {
      if (!this.pickMove()) continue
      const h0 = st.hard
      const s0 = st.soft
      st.resetSequenceMeasure()
      this.measure()
      const bh = st.seqHard
      const bs = st.seqSoft
      this.apply()
      st.resetSequenceMeasure()
      this.measure()
      const delta = (st.hard - h0 + st.seqHard - bh) * hw + (st.soft - s0 + st.seqSoft - bs)
      this.revert()
      if (delta > 0 && delta < hw) {
        sum += delta
        n++
      }
    }
    return n ? Math.max(sum / n, 1) : 1
  }
}
