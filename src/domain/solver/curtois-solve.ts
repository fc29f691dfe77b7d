// The settings `roster solve` searches a Curtois & Qu instance with: the
// annealer of search.ts with its row moves (the instance's hard rules all
// concern one person at a time), cooling once over the whole time limit, or
// in stages; or first the dive of the linear relaxation (dive.ts), whose
// roster the annealer then polishes; or, going on from a roster that keeps
// every rule, large neighbourhoods (lns.ts) drawn up again by the relaxation.

import type { CurtoisModel } from './curtois.js'
import type { Model } from './model.js'
import { dive } from './dive.js'
import { improveByNeighbourhoods, neighbourhoodHoldsEveryone } from './lns.js'
import { DENSE_MAX_ROWS, type LpFactory } from './lp-engine.js'
import { solve, type SolveResult } from './search.js'
import { SolverState } from './state.js'

export interface CurtoisSolveOptions {
  seed: number
  /** Wall-clock budget, with an injected clock in milliseconds. */
  timeLimitMs: number
  now: () => number
  /** A budget of steps instead of (or as well as) the time: then the result is the same for a seed. */
  iterations?: number
  /** Go on from these cells (a previous best) instead of constructing. */
  initial?: Int16Array
  /**
   * The part of the cooling this call runs, as fractions of the whole: [0, 1]
   * (the default) cools from the first temperature to the last; [0, 0.6] and
   * then [0.6, 1] from the first's best cool the same way in two stages.
   */
  stage?: readonly [number, number]
  /**
   * Start from the dive of the linear relaxation (dive.ts), given up to
   * DIVE_SHARE of the time, and anneal its roster the rest of the time from
   * the temperature halfway down the cooling (hot enough to mend it, cold
   * enough to keep what the relaxation got right) all the way to the last,
   * whatever `stage` says: the dive's roster is near the end already.
   */
  dive?: boolean
  /**
   * The LP engine of the dive (lp-engine.ts): HiGHS, which the CLI loads, dives
   * at every size; without one the dense simplex dives only up to
   * DIVE_MAX_ROWS rows of relaxation.
   */
  engine?: LpFactory
  /**
   * Go on from `initial` by large neighbourhoods (lns.ts) instead of annealing,
   * when its cells keep every hard rule (else the annealer goes on as without).
   */
  lns?: boolean
}

/** What solveCurtois found: the search's best, and with a dive the best lower bound its relaxations proved (none without). */
export type CurtoisSolveResult = SolveResult & { lowerBound: number | null }

/** The dive's share of the time of a call that dives, */
const DIVE_SHARE = 0.9
/**
 * and on relaxations over DENSE_MAX_ROWS rows (HiGHS), the first relaxation's:
 * its pricing stops then and the dive takes the rest, or there is no dive when
 * pricing would not have the time (dive.ts, MIN_ROUNDS); later dives price
 * until the dive's deadline. Smaller ones dive as they did with the dense
 * simplex alone: pricing until the dive's deadline.
 */
const RELAX_SHARE = 0.5
/**
 * Seconds of the row programme per person, day and shift type, about (one
 * pricing round of Instances 13 and 20 on the 2-core machine under load, 6 s
 * for some 55,000 to 60,000): a large relaxation is not tried at all when five
 * rounds would not fit in its pricing time, so the thread anneals from the start.
 */
const PRICING_SECONDS_PER_CELL = 1e-4
const MIN_ROUNDS_FIRST = 5
/** Dives at most per call (each from its own perturbation). */
const MAX_DIVES = 8

/** First and last temperature of the whole cooling. */
const T0 = 30
const T1 = 0.1
/**
 * The first temperature on rosters longer than 26 weeks (Instances 22-24),
 * where a 60 s search has the fewest steps per cell (Instance24 about 100,
 * Instance20 over 3,000) and the hot start spends them on a random walk.
 * One thread for 60 s, 3 against 30: Instance24 52260, 56282 and 53661
 * against 54482, 58690 and 53792 (seeds 1-3; 10: 53642, 1: 56136 at seed 1);
 * Instance23 19007, 19589 and 18968 against 19338, 19648 and 19527 (10:
 * 19111, 1: 19085); Instance22 35775 and 34615 against 35551 and 34676. On
 * the shorter ones no better: Instance19 3329 against 3368, 20 5158 against
 * 5105, 21 21563 against 21629.
 */
const LONG_T0 = 3
/**
 * What a weekend worked on one day only weighs in the annealer's judgement at
 * the start of the cooling, falling to nothing at its end (search.ts,
 * weekendWeight). In every instance but one the weekend places come to 93% or
 * more of the weekend days people may work (two per weekend, up to their
 * maximum): a weekend half worked wastes a day the roster needs. Measured on
 * Instance24, one thread for 60 s: 95,000-99,000 without, about 77,000 with.
 */
const WEEKEND_WEIGHT = 60
/**
 * Only over more weekends than four: on Instance13 (four weekends, two of them
 * each person's most) the weight did worse, one thread for 25 s at six seeds
 * without (mean 1965) against three with (2133 at 60, 2042 at 15); on 14, 15
 * and 19 (six and twelve weekends) it did better. 1-12 have four at most.
 */
const WEEKEND_WEIGHT_MIN_WEEKENDS = 5

/** Whether a call that dives with `timeLimitMs` tries the dive: always up to DENSE_MAX_ROWS rows of relaxation, above when five rounds of pricing fit in its pricing time. */
export function divesInTime(model: Model, timeLimitMs: number): boolean {
  const { staff, days, shifts } = model
  if (days * shifts + staff <= DENSE_MAX_ROWS) return true
  return MIN_ROUNDS_FIRST * staff * days * shifts * PRICING_SECONDS_PER_CELL * 1000 <= timeLimitMs * RELAX_SHARE
}

/** The first stage's share of the limit where the first thread dives into the relaxation, and where it cannot. */
const DIVE_STAGE = 0.6
const ANNEAL_STAGE = 0.35

/** One stage of `roster solve`: its part of the limit (also the part of the cooling the annealing threads run), and what the first thread does. */
export interface SolveStage {
  part: readonly [number, number]
  /** Dive into the relaxation and polish its roster (else it anneals like the others), */
  dive: boolean
  /** or draw up large neighbourhoods from the best roster so far. */
  lns: boolean
}

/**
 * The stages of a solve within `timeLimitMs` on `threads` threads. On one, a
 * single stage of annealing. On more, for the first 60% the first thread dives
 * while the others anneal; then from the best of them it draws up large
 * neighbourhoods while the others anneal on. Where the relaxation is too large
 * to dive into in the time (divesInTime: Instance20 and up at 60 s), every
 * thread anneals for the first 35%, and then on from the best of them; the
 * first thread draws up neighbourhoods instead where one holds everyone's
 * cells over four weeks (Instance20: 5057, 5083 and 5064 against 5111, 5107
 * and 5097 at seeds 1-3). Elsewhere a neighbourhood the relaxation holds is
 * a small part of the roster, and annealing on does better (Instance21
 * 21656 and 21605 against 21581 and 21594; the solver guide,
 * src/domain/solver/README.md).
 */
export function solveStages(model: Model, timeLimitMs: number, threads: number): SolveStage[] {
  if (threads < 2) return [{ part: [0, 1], dive: false, lns: false }]
  const dives = divesInTime(model, timeLimitMs * DIVE_STAGE)
  const split = dives ? DIVE_STAGE : ANNEAL_STAGE
  return [
    { part: [0, split], dive: dives, lns: false },
    { part: [split, 1], dive: false, lns: dives || neighbourhoodHoldsEveryone(model) },
  ]
}

/** The best grid the search finds for the instance within the budget (hard 0 unless it found none). */
export function solveCurtois(cm: CurtoisModel, o: CurtoisSolveOptions): CurtoisSolveResult {
  if (o.lns && o.initial && new SolverState(cm.model, o.initial).hard === 0) {
    const r = improveByNeighbourhoods(cm.model, o.initial, { seed: o.seed, now: o.now, deadline: o.now() + o.timeLimitMs })
    return { cells: r.cells, hard: r.hard, soft: r.soft, iterations: r.steps, lowerBound: null }
  }
  if (o.dive) {
    // Dives differ with the seed of their perturbation: dive again while another fits in the share, keep the best.
    const started = o.now()
    const deadline = started + o.timeLimitMs * DIVE_SHARE
    let best: { cells: Int16Array; soft: number } | null = null
    let lowerBound = -Infinity
    const large = cm.model.days * cm.model.shifts + cm.model.staff > DENSE_MAX_ROWS
    const pricingTime = o.timeLimitMs * RELAX_SHARE
    if (!divesInTime(cm.model, o.timeLimitMs)) return { ...anneal(cm, o, o.stage ?? [0, 1]), lowerBound: null }
    for (let k = 0; k < MAX_DIVES; k++) {
      const t = o.now()
      const d = dive(cm.model, {
        now: o.now,
        deadline,
        seed: o.seed * 1000 + k,
        ...(o.engine ? { engine: o.engine } : {}),
        ...(k === 0 && large ? { relaxDeadline: started + pricingTime } : {}),
      })
      if (!d) break
      lowerBound = Math.max(lowerBound, d.lowerBound)
      const st = new SolverState(cm.model, d.cells)
      if (st.hard === 0 && (!best || st.soft < best.soft)) best = { cells: d.cells, soft: st.soft }
      const took = o.now() - t
      if (o.now() + took > deadline) break
    }
    const left = Math.max(1, o.timeLimitMs - (o.now() - started))
    const found = best ? anneal(cm, { ...o, initial: best.cells, timeLimitMs: left }, [0.5, 1]) : anneal(cm, { ...o, timeLimitMs: left }, o.stage ?? [0, 1])
    // A bound of 0 says nothing (no cost is negative): none.
    return { ...found, lowerBound: lowerBound > 0 ? lowerBound : null }
  }
  return { ...anneal(cm, o, o.stage ?? [0, 1]), lowerBound: null }
}

/**
 * Chance per step of moving a weekend from where it is spare to where it is
 * short (row-moves.ts, transfer), over more weekends than four as the weight:
 * on Instance24, one thread for 60 s, about 60,000 with against 77,000
 * without; on Instance13 (four weekends) one thread for 30 s did worse, mean
 * 2085 of three seeds with against 1953 without.
 */
const TRANSFER = 0.003
/**
 * Days of each window a transfer re-optimises the row over, half the row
 * moves' 28: the move is the dearest of the annealer's (two windows and a
 * chain), and smaller windows let it run twice as many steps. One thread for
 * 60 s on Instance24 at seeds 1-4: 55763, 54694, 56630 and 57067 against
 * 59024, 60073, 61281 and 62976 with 28 (7: 57492, 10: 59959, 21: 61466 at
 * seed 1); Instance23 19795 against 20535; Instances 20 and 22 alike (5081
 * and 5081; 35590 and 34402 against 34644 and 34483 at seeds 1 and 2).
 */
const TRANSFER_WINDOW = 14
/**
 * Days of each link of a chain on rosters longer than 26 weeks (Instances
 * 22-24), and on shorter ones (the row moves' window). One thread for 60 s,
 * with transfer windows of 14, 14 against 28: Instance24 53722 and 52948
 * against 56728 and 54411 (seeds 1, 2); Instance23 19234 against 19707;
 * Instance22 34322 against 34451. On the shorter ones it did worse or no
 * better: Instance13 1814 against 1661, 19 3387 against 3324, 20 5111
 * against 5073, 21 21557 against 21615.
 */
const LONG_CHAIN_WINDOW = 14
const CHAIN_WINDOW = 28
const LONG_ROSTER_DAYS = 26 * 7

/** The days of each link of a chain on this model: fewer on long rosters, where the row programme is dearest and most steps pay. */
export function chainWindow(model: Model): number {
  return model.days > LONG_ROSTER_DAYS ? LONG_CHAIN_WINDOW : CHAIN_WINDOW
}

/** The first temperature of the cooling on this model: cooler on long rosters, where steps are fewest. */
export function firstTemperature(model: Model): number {
  return model.days > LONG_ROSTER_DAYS ? LONG_T0 : T0
}

/** The chance per step of a weekend transfer on this model: none over four weekends or fewer. */
export function weekendTransfer(model: Model): number {
  return model.weekends < WEEKEND_WEIGHT_MIN_WEEKENDS ? 0 : TRANSFER
}

/** The weight of a half-worked weekend at the start and the end of the part [from, to] of the cooling; none over four weekends or fewer. */
export function weekendWeights(model: Model, [from, to]: readonly [number, number]): { weekendWeight?: number; weekendWeightEnd?: number } {
  if (model.weekends < WEEKEND_WEIGHT_MIN_WEEKENDS) return {}
  return { weekendWeight: WEEKEND_WEIGHT * (1 - from), weekendWeightEnd: WEEKEND_WEIGHT * (1 - to) }
}

function anneal(cm: CurtoisModel, o: CurtoisSolveOptions, [from, to]: readonly [number, number]): SolveResult {
  const t0 = firstTemperature(cm.model)
  return solve(cm.model, {
    seed: o.seed,
    iterations: o.iterations ?? Number.MAX_SAFE_INTEGER,
    timeLimitMs: o.timeLimitMs,
    // With a step budget the steps alone cool, so a seed gives one roster on a busy machine too.
    clockCools: o.iterations === undefined,
    now: o.now,
    ...(o.initial ? { initial: o.initial } : {}),
    hardWeight: 1000,
    ...weekendWeights(cm.model, [from, to]),
    // Hot enough at first to give up a person on a shift (100) now and then (not on long rosters), cold at the end.
    t0: t0 * Math.pow(T1 / t0, from),
    t1: t0 * Math.pow(T1 / t0, to),
    moves: { change: 1, run: 1, swap: 4, block: 4 },
    rows: { row: 0.003, pair: 0.002, ruin: 0.001, chain: 0.002, transfer: weekendTransfer(cm.model), transferWindow: TRANSFER_WINDOW, chainWindow: chainWindow(cm.model), chainSlack: 30, chainFromRequest: 0.3, window: 28, pairWindow: 14 },
  })
}
