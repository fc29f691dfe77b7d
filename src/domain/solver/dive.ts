// A roster from the linear relaxation, for models whose hard rules all concern
// one person at a time (the Curtois & Qu benchmark): column generation and a dive.
//
// The relaxation chooses, for each person, a mix of whole rows (columns) with
// weights summing to one, and pays for each place's cover under or over its
// target. Its duals price each place; the row programme (RowDp with prices)
// then finds each person's cheapest row at those prices, which joins the
// programme when it would lower the cost. When no row would, the relaxation is
// solved: its cost is a lower bound on every roster's.
//
// The dive then fixes people one by one to the row the relaxation weighs most
// (everyone whose row already has weight one at once), solving the relaxation
// again after each, until everyone has a row. A fixed row that raises the
// relaxation's cost by more than JUMP is taken back and forbidden (at most
// MAX_BACKTRACKS times per dive, and never a person's last row). The rows keep
// every person's hard rules, so the roster does too; the annealer polishes it
// afterwards.

import { FREE, OFF, type Model } from './model.js'
import { chooseEngine, DENSE_MAX_ROWS, type LpFactory } from './lp-engine.js'
import { Random } from './random.js'
import { RowDp } from './row-dp.js'
import { SolverState } from './state.js'

export interface DiveOptions {
  now: () => number
  /** When to stop diving: from then on everyone left takes the row the relaxation weighs most. */
  deadline: number
  /** Rounds of pricing per solve of the relaxation (default 1000; fewer settle for a rougher relaxation). */
  rounds?: number
  /** Seed of the small perturbation of the targets (default 1). */
  seed?: number
  /** Stop once the relaxation is solved: the result has the bound and no cells (generate's quality line). */
  boundOnly?: boolean
  /**
   * The LP engine (lp-engine.ts) for relaxations over DENSE_PREFERRED_ROWS
   * rows (HiGHS): then every size dives. Smaller ones, and without it those
   * up to DIVE_MAX_ROWS, take the dense simplex.
   */
  engine?: LpFactory
  /** Always the given engine, whatever the size (the tests and scripts/bench-lp.mjs). */
  forceEngine?: boolean
  /**
   * When to stop pricing the first relaxation (default: the deadline): the rest
   * of the time is the dive's. With it, no dive (null) when the first rows and
   * MIN_ROUNDS rounds of pricing would not fit before it.
   */
  relaxDeadline?: number
  /** Called once the first relaxation is solved, with its programme as it stands (the restricted master; scripts/bench-lp.mjs solves it again with each engine). */
  onMaster?: (master: RestrictedMaster) => void
  /**
   * Re-solve only this part of a roster (a large neighbourhood, lns.ts): these
   * people's cells on days a..b, everyone else's and the other days as in
   * `cells`, which keep every hard rule. The relaxation starts from the
   * people's present cells, and the result is the whole roster.
   */
  neighbourhood?: Neighbourhood
}

/** A part of a roster to draw up again: people's cells on days a..b of `cells`. */
export interface Neighbourhood {
  cells: Int16Array
  people: readonly number[]
  a: number
  b: number
}

/** A restricted master: rows' right-hand sides and every column (the places' under and over columns first). */
export interface RestrictedMaster {
  b: Float64Array
  columns: { cost: number; rows: number[]; values: number[] }[]
}

export interface DiveResult {
  cells: Int16Array
  /**
   * The relaxation's cost before the dive: no roster costs less, as long as the
   * row programme was exact (it is unless a row had to cap its labels, see
   * MAX_LABELS in row-dp.ts).
   */
  bound: number
  /** Whether the relaxation was solved to the end before the deadline (else `bound` is only an estimate). */
  exact: boolean
  /**
   * With boundOnly: the best Lagrangian bound seen while solving the relaxation
   * (its cost plus every person's most negative reduced cost, never below 0 as
   * no cost is negative): a lower bound at any time, also when the deadline
   * came first; -Infinity when no pricing round reached everyone.
   */
  lagrangian?: number
  /**
   * The best lower bound of the first relaxation's pricing rounds: the
   * Lagrangian bound of each round that priced everyone with the row
   * programme exact (the dual prices clipped to the cover costs, so it holds
   * however far the simplex got), at least 0; -Infinity when no round did.
   */
  lowerBound: number
}

/** The largest random excess added to a place's target. */
const PERTURB = 1e-6
/** A weight this close to one counts as one (the perturbation moves weights a little). */
const INTEGRAL = 1e-4
/** In the dive, pricing stops once no row could lower the relaxation by this much in all. */
const DIVE_GAP = 0.5
/** A fixed row that raises the relaxation by more than this is taken back and forbidden, */
const JUMP = 10
/** at most this many times per dive. */
const MAX_BACKTRACKS = 10
/** Rounds of pricing the first relaxation must have time for (at the pace of the first rows), else there is no dive. */
const MIN_ROUNDS = 4

interface Column {
  person: number
  /** The person's values on the days of the relaxation (all, or a neighbourhood's). */
  row: Int16Array
  cost: number
}

/** Rows of the relaxation (places and people) above which the dive is not tried with the dense engine: its basis inverse grows with their square. */
export const DIVE_MAX_ROWS = DENSE_MAX_ROWS

/** The dive's roster; null when some person has no row that keeps their rules, or the relaxation would be too large. */
export function dive(model: Model, options: DiveOptions, dp: RowDp = new RowDp(model)): DiveResult | null {
  const m = model
  const { staff: P, days: D, shifts: S } = m
  // The relaxation's days a..last and people: everyone's whole row, or a neighbourhood.
  const nb = options.neighbourhood
  const a = nb ? nb.a : 0
  const last = nb ? nb.b : D - 1
  const W = last - a + 1
  const people = nb ? nb.people : Array.from({ length: P }, (_, p) => p)
  const K = people.length
  const slot = new Int32Array(P).fill(-1)
  for (const [i, p] of people.entries()) slot[p] = i
  // Places: day a + i / S, shift i % S; place i is the model's a * S + i.
  const DS = W * S
  const at = a * S
  const factory = options.forceEngine && options.engine ? options.engine : chooseEngine(DS + K, options.engine)
  if (!factory) return null
  const V = S + 1
  const cc = m.cellCost
  const out = new Int16Array(P * D)
  const columns: Column[] = []
  const seen = new Set<string>()

  // What each place needs from the people of the relaxation: its target, less what everyone else covers.
  const target = new Float64Array(DS)
  for (let i = 0; i < DS; i++) target[i] = m.coverTarget[at + i]!
  if (nb) {
    for (let p = 0; p < P; p++) {
      if (slot[p]! >= 0) continue
      for (let d = a; d <= last; d++) {
        const v = nb.cells[p * D + d]!
        if (v >= 0) target[(d - a) * S + v]!--
      }
    }
  }
  // Rows: one per place (its cover), then one per person (their weights sum to one).
  const b = new Float64Array(DS + K)
  // A tiny random excess on each target breaks the ties that stall the simplex on this degenerate programme.
  const rng = new Random(options.seed ?? 1)
  for (let i = 0; i < DS; i++) b[i] = target[i]! + PERTURB * rng.next()
  for (let k = 0; k < K; k++) b[DS + k] = 1
  const lp = factory(b)
  const master: RestrictedMaster | null = options.onMaster ? { b, columns: [] } : null
  const addLp = (cost: number, rows: number[], values: number[]): void => {
    lp.add(cost, rows, values)
    master?.columns.push({ cost, rows, values })
  }
  try {
    return run()
  } finally {
    lp.dispose()
  }

  function run(): DiveResult | null {
    for (let i = 0; i < DS; i++) addLp(m.coverUnder[at + i]!, [i], [1])
    for (let i = 0; i < DS; i++) addLp(m.coverOver[at + i]!, [i], [-1])
    const FIRST = 2 * DS

    /** Adds person p's values on the relaxation's days (row[i] is day a + i) as a column, unless it is there already. */
    const addColumn = (p: number, row: Int16Array): boolean => {
      const key = `${p}:${row.join(',')}`
      if (seen.has(key)) return false
      seen.add(key)
      let cost = 0
      if (cc) for (let i = 0; i < W; i++) cost += cc[(p * D + a + i) * V + row[i]! + 1]!
      const rows: number[] = []
      for (let i = 0; i < W; i++) if (row[i]! >= 0) rows.push(i * S + row[i]!)
      rows.push(DS + slot[p]!)
      columns.push({ person: p, row: row.slice(), cost })
      addLp(cost, rows, new Array<number>(rows.length).fill(1))
      return true
    }

    const start = new Int16Array(P * D)
    if (nb) {
      // A neighbourhood starts from its present cells, which keep the rules.
      start.set(nb.cells)
      for (const p of people) addColumn(p, nb.cells.subarray(p * D + a, p * D + last + 1))
    } else {
      // A first row for everyone: the cheapest at a middling price for every place.
      for (let i = 0; i < P * D; i++) start[i] = m.fixed[i] !== FREE ? m.fixed[i]! : OFF
      const ref = new SolverState(m, start)
      const middling = new Float64Array(DS).fill(50)
      // If not at a middling price (the row programme's label cap can cut every row that keeps the rules), the cheapest at no price.
      const noPrice = new Float64Array(DS)
      const began = options.now()
      for (let p = 0; p < P; p++) {
        // With a pricing deadline, give up when the first rows and MIN_ROUNDS rounds of pricing would not be done by then at this pace: the annealer has the time instead.
        if (options.relaxDeadline !== undefined && p > 0 && began + ((options.now() - began) * P * (1 + MIN_ROUNDS)) / p > options.relaxDeadline) return null
        if (!dp.optimise(ref, p, 0, D - 1, null, out, undefined, false, false, undefined, middling) && !dp.optimise(ref, p, 0, D - 1, null, out, undefined, false, false, undefined, noPrice)) return null
        addColumn(p, out.subarray(p * D, p * D + D))
      }
    }
    // The first basis: each person's row, and an under (or over) column for each place.
    {
      const cover = new Int32Array(DS)
      for (let k = 0; k < K; k++) {
        const row = columns[k]!.row
        for (let i = 0; i < W; i++) if (row[i]! >= 0) cover[i * S + row[i]!]!++
      }
      const basis = new Int32Array(DS + K)
      for (let i = 0; i < DS; i++) basis[i] = cover[i]! <= b[i]! ? i : DS + i
      for (let k = 0; k < K; k++) basis[DS + k] = FIRST + k
      lp.start(basis)
    }

    const fixedTo = new Int32Array(P).fill(-1)
    const rounds = options.rounds ?? 1000
    let exact = true
    // Prices by the model's places (the row programme's), set on the relaxation's days.
    const prices = new Float64Array(D * S)
    const state = new SolverState(m, start)

    let deadline = Math.min(options.deadline, options.relaxDeadline ?? Infinity)
    const late = (): boolean => options.now() >= deadline
    const secondsLeft = (): number => Math.max(0, (deadline - options.now()) / 1000)
    // Lagrangian bounds, while the first relaxation is solved.
    let lagrangian = -Infinity
    let tracking = true
    /** Columns switched off (the others of a fixed person, forbidden rows). */
    let dead = new Uint8Array(64)
    const isDead = (j: number): boolean => j < dead.length && dead[j] === 1
    const setDead = (j: number, v: boolean): void => {
      if (j >= dead.length) {
        const g = new Uint8Array(Math.max(64, 2 * lp.n))
        g.set(dead)
        dead = g
      }
      dead[j] = v ? 1 : 0
      lp.setActive(j, !v)
    }
    // The cover costs bound the duals of the places (the under and over columns are always there):
    // prices clipped to them keep the Lagrangian bound valid at any point of the simplex.
    const priceHi = new Float64Array(DS)
    const priceLo = new Float64Array(DS)
    for (let i = 0; i < DS; i++) {
      priceHi[i] = m.coverUnder[at + i]!
      priceLo[i] = -m.coverOver[at + i]!
    }
    /** Solves the relaxation with pricing rounds until no row lowers its cost by `gap` in all, the round budget or the deadline. */
    const relax = (rounds: number, gap: number): number => {
      let cost = lp.solve(late, secondsLeft())
      for (let round = 0; round < rounds; round++) {
        if (late()) {
          exact = false
          break
        }
        const y = lp.duals()
        for (let i = 0; i < DS; i++) prices[at + i] = Math.min(priceHi[i]!, Math.max(priceLo[i]!, y[i]!))
        // Everyone's heaviest row bounds their programme.
        const x = lp.values()
        const weight = new Float64Array(P).fill(-1)
        for (let j = FIRST; j < lp.n; j++) {
          const c = columns[j - FIRST]!
          if (x[j]! > weight[c.person]!) {
            weight[c.person] = x[j]!
            for (let i = 0; i < W; i++) state.setCell(c.person, a + i, c.row[i]!)
          }
        }
        let added = 0
        // How much the new rows could lower the relaxation at most (their reduced costs in all): small, and it is done.
        let below = 0
        // Every person's cheapest row at the prices in all (the Lagrangian bound is the prices of the targets plus it), when all were priced exactly.
        let rowSum = 0
        let priced = 0
        let allExact = true
        for (let k = 0; k < K && !late(); k++) {
          const p = people[k]!
          if (fixedTo[p]! >= 0) continue
          if (!dp.optimise(state, p, a, last, null, out, undefined, false, false, undefined, prices)) continue
          priced++
          rowSum += dp.lastCost
          if (!dp.lastExact) allExact = false
          const reduced = dp.lastCost - y[DS + k]!
          if (reduced < -1e-6 && addColumn(p, out.subarray(p * D + a, p * D + last + 1))) {
            added++
            below -= reduced
          }
        }
        if (tracking && priced === K && allExact) {
          let l = rowSum
          for (let i = 0; i < DS; i++) l += prices[at + i]! * target[i]!
          lagrangian = Math.max(lagrangian, 0, l)
          // The relaxation's cost is within a hair of a bound: it is solved.
          if (lp.optimal && cost - lagrangian <= 1e-6) break
        }
        if (late()) exact = false
        if (added === 0 || below < gap) break
        cost = lp.solve(late, secondsLeft())
        if (round === rounds - 1 || late()) exact = false
      }
      // Solved only if the last solve reached its optimum (an earlier one that stopped short only priced with rougher duals).
      if (!lp.optimal) exact = false
      return cost
    }

    const fix = (j: number): void => {
      const p = columns[j - FIRST]!.person
      fixedTo[p] = j
      for (let k = FIRST; k < lp.n; k++) if (k !== j && columns[k - FIRST]!.person === p) setDead(k, true)
    }

    /** Rows taken back in the dive: never weighed again. */
    const forbidden = new Set<number>()
    /** Frees person p again: all their rows back but the forbidden ones, which stay switched off. */
    const unfix = (p: number): void => {
      fixedTo[p] = -1
      for (let k = FIRST; k < lp.n; k++) {
        if (columns[k - FIRST]!.person !== p) continue
        setDead(k, forbidden.has(k))
      }
    }
    let backtracks = 0
    /** Whether person p has a row besides j that is not forbidden (one to fall back on if j is taken back). */
    const hasOtherRow = (p: number, j: number): boolean => {
      for (let k = FIRST; k < lp.n; k++) if (k !== j && columns[k - FIRST]!.person === p && !forbidden.has(k)) return true
      return false
    }

    const bound = relax(rounds, 1e-6)
    const boundExact = exact
    tracking = false
    if (master) options.onMaster!(master)
    if (options.boundOnly) return { cells: new Int16Array(0), bound, exact: boundExact, lagrangian, lowerBound: lagrangian }
    deadline = options.deadline
    let current = bound
    for (;;) {
      const x = lp.values()
      const outOfTime = late()
      let heaviest = -1
      let fixedNow = 0
      for (let j = FIRST; j < lp.n; j++) {
        const p = columns[j - FIRST]!.person
        if (fixedTo[p]! >= 0 || isDead(j)) continue
        if (x[j]! > 1 - INTEGRAL) {
          fix(j)
          fixedNow++
        } else if (heaviest < 0 || x[j]! > x[heaviest]!) heaviest = j
      }
      if (outOfTime) {
        // Out of time: everyone left takes their heaviest row.
        for (;;) {
          let h = -1
          for (let j = FIRST; j < lp.n; j++) if (fixedTo[columns[j - FIRST]!.person]! < 0 && !isDead(j) && (h < 0 || x[j]! > x[h]!)) h = j
          // Someone left with forbidden rows only takes one of those.
          if (h < 0) for (let j = FIRST; j < lp.n; j++) if (fixedTo[columns[j - FIRST]!.person]! < 0) h = j
          if (h < 0) break
          fix(h)
        }
        break
      }
      if (heaviest < 0) break
      if (fixedNow > 0) {
        current = relax(rounds, DIVE_GAP)
        continue
      }
      fix(heaviest)
      let o = relax(rounds, DIVE_GAP)
      const person = columns[heaviest - FIRST]!.person
      if (o > current + JUMP && backtracks < MAX_BACKTRACKS && hasOtherRow(person, heaviest)) {
        // That row costs the rest too much: forbid it and let the relaxation choose again.
        backtracks++
        forbidden.add(heaviest)
        unfix(person)
        o = relax(rounds, DIVE_GAP)
      }
      current = o
    }

    const cells = nb ? nb.cells.slice() : new Int16Array(P * D)
    for (const p of people) cells.set(columns[fixedTo[p]! - FIRST]!.row, p * D + a)
    return { cells, bound, exact: boundExact, lowerBound: lagrangian }
  }
}
