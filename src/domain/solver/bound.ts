// How good is a roster: a lower bound on the cost of every roster of a model,
// from the linear relaxation in which each person takes a convex mix of whole
// rows (as in dive.ts), solved here by its own column generation on a relaxed
// copy of the model that the row programme can price (RowDp.price).
//
// The copy keeps every cost of generate's model, the fair ranges included
// (price counts them in each row; see FAIR_COMBOS in row-dp.ts for the ones it
// may leave out on long rosters), but two: successions two days apart are
// dropped (a hard rule fewer only lowers the best cost; generate's rest rules
// never forbid any unless the rest is over 24 hours), and hard cover becomes
// cover that costs COVER_COST per person missing or extra (a roster that covers
// every place pays nothing for it). So the copy's best roster costs no more
// than the original's.
//
// The bound itself is Lagrangian, taken after every round of pricing: for any
// prices y of the places within [-over, under] (their cover costs, so that
// leaving a place short or over never pays),
//
//     y · target + sum over people of (their cheapest row's cost less y on the places it works)
//
// is at most the cost of every roster of the copy (Geoffrion, *Lagrangean
// relaxation for integer programming*, Math. Programming Study 2, 1974). The
// simplex's duals, clipped to that box, are such prices whether or not it
// reached its optimum, so the best bound of the rounds priced before the
// deadline stands; once pricing finds no cheaper row it equals the
// relaxation's cost. The rounds price at a mix of the duals and the prices of
// the best bound so far (Wentges, *Weighted Dantzig-Wolfe decomposition*, 1997),
// which starts at prices 0: the duals of a simplex that starts from a whole
// roster swing wide for many rounds. People alike in every rule, wish and history are one
// kind (its weights sum to its number of people), which takes much of the
// degeneracy out of the simplex on teams like the demo's.

import { DIVE_MAX_ROWS } from './dive.js'
import { Lp } from './lp.js'
import { FREE, OFF, type Model } from './model.js'
import { Random } from './random.js'
import { RowDp, rowDpPriceable } from './row-dp.js'

/**
 * What a missing or extra person costs in the relaxed copy. Any cost gives a bound; a
 * dearer one a bound as tight or tighter, but prices that swing wider while the
 * relaxation is solved. 250 is dearer than a fair share missed by one (200) or the
 * dearest wish (100).
 */
const COVER_COST = 250
/** The largest random excess added to a place's target in the simplex (against degenerate stalls; the bound itself uses the true targets). */
const PERTURB = 1e-6
/**
 * The most first rows turned round (kinds x people x days). Each kind takes every row of the
 * roster found, turned round by every number of days: a fifth less time to the bound on the
 * demo team, but on 50 people with wishes (50 kinds) 52,500 columns, whose simplex alone took
 * over a second.
 */
const TURNED_ROWS = 2000
/** Rows a kind of person may bring to the simplex per round of pricing: its cheapest and the next ones. */
const MORE_ROWS = 10
/**
 * How much of the best bound's prices a round's prices keep (the rest: the simplex's duals).
 * On the demo team 0.7 takes the rounds from some 110 to some 55 and halves the time.
 */
const SMOOTH = 0.7
/** The share of the budget, and the most steps, for the subgradient's warm prices. */
const SUBGRADIENT_SHARE = 0.4
const SUBGRADIENT_STEPS = 30
const THETA = 0.05
/** Pricing stops when the relaxation's cost is within this of the bound. */
const CLOSED = 1e-6

export type BoundResult = { ok: true; bound: number } | { ok: false; why: 'too-large' | 'not-applicable' }

/**
 * A lower bound on the soft cost of every roster of `model` that keeps its hard
 * rules, computed within `budgetMs` of the injected clock: the best Lagrangian
 * bound of the pricing rounds done by then (the relaxation's cost when it was
 * solved in time). `start`, a roster of the model (the one found), gives the
 * first rows; `objective`, its cost (a whole number), ends the work once the
 * bound is within 1 of it (that roster is then the best). Why there is none
 * when the relaxation is over the dense simplex's row limit, no pricing round
 * reached everyone in time, or the row programme cannot price the model.
 */
export function lowerBound(model: Model, now: () => number, budgetMs: number, start?: Int16Array, objective?: number): BoundResult {
  const { staff: P, days: D, shifts: S } = model
  const DS = D * S
  if (DS + P > DIVE_MAX_ROWS) return { ok: false, why: 'too-large' }
  const relaxed: Model = {
    ...model,
    forbidden2: new Uint8Array(model.forbidden2.length),
    // Hard cover (a place whose weight is 0 does not count) costs COVER_COST; soft cover its own cost, up to that.
    coverUnder: model.coverUnder.map((w) => (model.coverUnderHard && w > 0 ? COVER_COST : Math.min(COVER_COST, w))),
    coverOver: model.coverOver.map((w) => (model.coverOverHard && w > 0 ? COVER_COST : Math.min(COVER_COST, w))),
    coverUnderHard: false,
    coverOverHard: false,
  }
  if (!rowDpPriceable(relaxed) || P === 0 || D === 0) return { ok: false, why: 'not-applicable' }
  const deadline = now() + budgetMs
  const late = (): boolean => now() >= deadline
  const dp = new RowDp(relaxed)

  // People alike in everything the row programme sees share their rows: one kind each, whose
  // weights sum to the number of its people (fewer, less degenerate rows for the simplex).
  const kinds = peopleAlike(model)
  const K = kinds.length
  // Rows of the simplex: one per place (its cover), then one per kind of person.
  const b = new Float64Array(DS + K)
  const rng = new Random(1)
  for (let i = 0; i < DS; i++) b[i] = model.coverTarget[i]! + PERTURB * rng.next()
  for (let k = 0; k < K; k++) b[DS + k] = kinds[k]!.length
  const lp = master(b)
  const under = relaxed.coverUnder
  const over = relaxed.coverOver
  for (let i = 0; i < DS; i++) lp.add(under[i]!, [i], [1])
  for (let i = 0; i < DS; i++) lp.add(over[i]!, [i], [-1])
  // Each kind's rows so far (their cells and own cost), and their columns in the simplex.
  const rows: { row: Int16Array; cost: number; column: number }[][] = Array.from({ length: K }, () => [])
  const seen = new Map<string, number>()
  /** Adds kind k's row (unless it is there already) and returns its column. */
  const addRow = (k: number, row: Int16Array): number => {
    const key = `${k}:${row.join(',')}`
    const had = seen.get(key)
    if (had !== undefined) return had
    const cost = dp.rowCost(kinds[k]![0]!, row)
    const places: number[] = []
    for (let d = 0; d < D; d++) if (row[d]! >= 0) places.push(d * S + row[d]!)
    places.push(DS + k)
    const column = lp.add(cost, places, new Float64Array(places.length).fill(1))
    rows[k]!.push({ row: row.slice(), cost, column })
    seen.set(key, column)
    return column
  }

  // First rows: every row of `start` (the roster found) that keeps a kind's rules (another's
  // row is a fair guess), on small teams also turned round; for a kind still without one, the
  // cheapest at a middling price for every place. Past the deadline, only each kind's own rows.
  // The first basis: the under (or over) column of each place, and for each kind a row of its own.
  const out = new Int16Array(D)
  const own = new Int32Array(K).fill(-1)
  const cover = new Float64Array(DS)
  const turn = K * P * D <= TURNED_ROWS
  for (let k = 0; k < K; k++) {
    const p = kinds[k]![0]!
    if (start) {
      for (let q = 0; q < P; q++) {
        const mine = kinds[k]!.includes(q)
        if (!mine && late()) continue
        const row = start.subarray(q * D, q * D + D)
        if (!fits(model, p, row) || dp.rowCost(p, row) === Infinity) continue
        const column = addRow(k, row)
        if (mine && own[k]! < 0) own[k] = column
        // The row turned round by t days, where it keeps the kind's rules: more first rows, as
        // many as there are days (a fifth less time to the bound on the demo team).
        if (turn) {
          const shifted = new Int16Array(D)
          for (let t = 1; t < D; t++) {
            for (let d = 0; d < D; d++) shifted[d] = row[(d + t) % D]!
            if (fits(model, p, shifted) && dp.rowCost(p, shifted) !== Infinity) addRow(k, shifted)
          }
        }
      }
    }
    if (own[k]! < 0) {
      const r = dp.price(p, new Float64Array(DS).fill(50), out)
      if (!r || !r.found) return { ok: false, why: 'not-applicable' }
      own[k] = addRow(k, out)
    }
    const row = rows[k]!.find((r) => r.column === own[k])!.row
    for (let d = 0; d < D; d++) if (row[d]! >= 0) cover[d * S + row[d]!]! += kinds[k]!.length
  }
  const basis = new Int32Array(DS + K)
  for (let i = 0; i < DS; i++) basis[i] = cover[i]! <= b[i]! ? i : DS + i
  for (let k = 0; k < K; k++) basis[DS + k] = own[k]!
  lp.start(basis)

  let best = -Infinity
  // The prices of the best bound so far, and those at which a round prices: a mix of them and
  // the simplex's duals (Wentges' smoothing), so that the prices do not swing from round to round.
  const bestPrices = new Float64Array(DS)
  const prices = new Float64Array(DS)

  /**
   * Prices every kind at `prices`: the bound there, and with `collect` the rows that lower the
   * simplex's cost at its own duals join it. A round the deadline cuts short still gives a
   * bound: each kind not priced counts at `floor`, below which no row of anyone's costs (at
   * prices 0 that is 0, so the first round's bound is what the people priced in time come to).
   */
  const priceAll = (collect: boolean): { bound: number; added: number; whole: boolean } | 'not-applicable' => {
    let bound = 0
    for (let i = 0; i < DS; i++) bound += prices[i]! * model.coverTarget[i]!
    // No row costs less than 0 (no cost is negative) less the dearest price of each of its days.
    let floor = 0
    for (let d = 0; d < D; d++) {
      let top = 0
      for (let s = 0; s < S; s++) top = Math.max(top, prices[d * S + s]!)
      floor -= top
    }
    let added = 0
    /** The round cut short at kind k: it and every kind after it count at the floor. */
    const rest = (k: number): { bound: number; added: number; whole: boolean } => {
      for (let j = k; j < K; j++) bound += kinds[j]!.length * floor
      return { bound, added, whole: false }
    }
    for (let k = 0; k < K; k++) {
      if (late()) return rest(k)
      // The kind's cheapest row so far at these prices: the programme need only look below it.
      let known = Infinity
      for (const r of rows[k]!) {
        let c = r.cost
        for (let d = 0; d < D; d++) if (r.row[d]! >= 0) c -= prices[d * S + r.row[d]!]!
        known = Math.min(known, c)
      }
      // A known row at the floor is the kind's cheapest (most kinds at prices 0).
      if (known <= floor + 1e-9) {
        bound += kinds[k]!.length * known
        continue
      }
      const more = { limit: collect ? MORE_ROWS : 0, rows: [] as Int16Array[] }
      const r = dp.price(kinds[k]![0]!, prices, out, known, more, late)
      if (!r) return 'not-applicable'
      if (late()) return rest(k)
      bound += kinds[k]!.length * r.cost
      if (!r.found || !collect) continue
      for (const row of [out, ...more.rows]) {
        if (seen.has(`${k}:${row.join(',')}`)) continue
        let reduced = dp.rowCost(kinds[k]![0]!, row) - lp.y[DS + k]!
        for (let d = 0; d < D; d++) if (row[d]! >= 0) reduced -= lp.y[d * S + row[d]!]!
        if (reduced < -1e-6) {
          addRow(k, row)
          added++
        }
      }
    }
    return { bound, added, whole: true }
  }
  /** Whether the bound proves `objective` (a whole number) the best there is. */
  const closed = (): boolean => objective !== undefined && best > objective - 1 + 1e-6

  // The first centre: prices 0, where the bound is what the people's own costs alone come to
  // (at least 0), far above the first duals of a simplex that starts from the roster found.
  {
    prices.fill(0)
    const r = priceAll(false)
    if (r === 'not-applicable') return { ok: false, why: 'not-applicable' }
    best = r.bound
  }

  while (!closed()) {
    const cost = lp.solve(late)
    if (late() || cost - best <= CLOSED) break
    for (let i = 0; i < DS; i++) prices[i] = SMOOTH * bestPrices[i]! + (1 - SMOOTH) * Math.max(-over[i]!, Math.min(under[i]!, lp.y[i]!))
    let r = priceAll(true)
    if (r === 'not-applicable') return { ok: false, why: 'not-applicable' }
    if (r.bound > best) {
      best = r.bound
      bestPrices.set(prices)
    }
    // No row found at the mix: price at the simplex's own duals before calling it solved.
    if (r.whole && r.added === 0) {
      for (let i = 0; i < DS; i++) prices[i] = Math.max(-over[i]!, Math.min(under[i]!, lp.y[i]!))
      r = priceAll(true)
      if (r === 'not-applicable') return { ok: false, why: 'not-applicable' }
      if (r.bound > best) {
        best = r.bound
        bestPrices.set(prices)
      }
    }
    if (!r.whole || r.added === 0) break
  }
  // No cost is negative, so 0 bounds every roster too; a hair below, for the simplex's rounding.
  return { ok: true, bound: Math.max(0, best - 1e-6 * Math.max(1, Math.abs(best))) }
}

/**
 * The master programme of the column generation, the one place bound.ts meets an LP engine:
 * minimise cost · x subject to A x = b, x >= 0, columns added as pricing finds them, each solve
 * going on from the last basis (until `late` says stop), with the duals y of its rows.
 */
interface Master {
  /** Adds a column (its cost and non-zero entries) and returns its index. */
  add(cost: number, rows: ArrayLike<number>, values: ArrayLike<number>): number
  /** The first basis: a feasible one, one column per row. */
  start(basis: ArrayLike<number>): void
  /** Re-optimises with the columns so far and returns the cost. */
  solve(late: () => boolean): number
  /** The rows' duals at the last solve. */
  readonly y: Float64Array
}

function master(b: Float64Array): Master {
  const lp = new Lp(b)
  return { add: (cost, rows, values) => lp.add(cost, rows, values), start: (basis) => lp.setBasis(basis), solve: (late) => lp.solve(late), y: lp.y }
}

/** Groups of people alike in every rule, history, fixed cell, wish and fair range: one row programme prices them all. */
function peopleAlike(m: Model): number[][] {
  const { staff: P, days: D, shifts: S } = m
  const V = S + 1
  const byKey = new Map<string, number[]>()
  for (let p = 0; p < P; p++) {
    const key = [
      Array.from(m.fixed.subarray(p * D, p * D + D)),
      m.cellCost ? Array.from(m.cellCost.subarray(p * D * V, (p + 1) * D * V)) : [],
      Array.from(m.maxShiftCount.subarray(p * S, p * S + S)),
      Array.from(m.countLo.subarray(p * S, p * S + S)),
      Array.from(m.countHi.subarray(p * S, p * S + S)),
      [m.minMinutes[p], m.maxMinutes[p], m.maxConsecWork[p], m.minConsecWork[p], m.minConsecOff[p], m.maxWeekends[p]],
      [m.histWork[p], m.histOff[p], m.histShift1[p], m.histShift2[p], m.workLo[p], m.workHi[p]],
      m.groups.map((g) => [g.lo[p], g.hi[p]]),
    ].join('|')
    const list = byKey.get(key)
    if (list) list.push(p)
    else byKey.set(key, [p])
  }
  return [...byKey.values()]
}

/** Whether person p may work `row`: their fixed cells (leave, held days) as they are, no shift they may never work. */
function fits(model: Model, p: number, row: ArrayLike<number>): boolean {
  const { days: D, shifts: S } = model
  for (let d = 0; d < D; d++) {
    const f = model.fixed[p * D + d]!
    const v = row[d]!
    if (f !== FREE && f !== v) return false
    if (v !== OFF && model.maxShiftCount[p * S + v] === 0) return false
  }
  return true
}
