// Large neighbourhoods: a roster that keeps every hard rule, improved part by
// part. Each step frees some people's cells over a window of days, everyone
// else and every other day staying as they are, and draws that part up again
// with the relaxation and its dive (dive.ts with a neighbourhood): column
// generation over the people's rows in the window, priced by the row
// programme in the context of the rest of their row. The part's new cells
// replace the old when the roster costs no more; so the roster never gets
// worse, and it can move across rosters of equal cost.
//
// Windows are drawn with the seed, their length following the clock: a step
// that took under STEP_MS / 2 lengthens the next, one over 2 * STEP_MS
// shortens it. So with a clock that stands still and a step budget a seed
// gives one roster; on a real clock the roster varies with the machine's pace,
// as the annealer's does with a time limit.

import { dive } from './dive.js'
import { DENSE_PREFERRED_ROWS } from './lp-engine.js'
import type { Model } from './model.js'
import { Random } from './random.js'
import { RowDp } from './row-dp.js'
import { SolverState } from './state.js'

export interface LnsOptions {
  seed: number
  now: () => number
  /** When to stop (the clock of `now`). */
  deadline: number
  /** At most this many neighbourhoods (default: until the deadline). */
  steps?: number
}

export interface LnsResult {
  cells: Int16Array
  hard: number
  soft: number
  /** Neighbourhoods drawn up, and how many of them lowered the cost. */
  steps: number
  improved: number
}

/** The first window's days; then the window grows while steps are quick and shrinks while they are slow, */
const FIRST_WINDOW = 3
/** aiming at this many milliseconds a step. */
const STEP_MS = 100
/**
 * Most rows of a neighbourhood's relaxation (places and people): the dense
 * simplex's best size (HiGHS with up to 600 rows, so longer windows, gained
 * nothing measurable: BENCHMARKS.md).
 */
const MAX_ROWS = DENSE_PREFERRED_ROWS
/** Most seconds one neighbourhood's dive may take. */
const STEP_SECONDS = 5
/**
 * Days of everyone's cells a neighbourhood must be able to hold for
 * neighbourhoods to do better than annealing on where there is no dive:
 * Instance20 (50 people, 6 shift types: 33 days) did better with them, 21
 * and 22 (18 and 20 days) worse (BENCHMARKS.md).
 */
const EVERYONE_DAYS = 28

/** Whether a neighbourhood can hold everyone's cells over EVERYONE_DAYS days (or the whole roster, if shorter). */
export function neighbourhoodHoldsEveryone(model: Model): boolean {
  return model.staff + Math.min(model.days, EVERYONE_DAYS) * model.shifts <= MAX_ROWS
}

/** The roster from `cells` (which must keep every hard rule) improved by neighbourhoods until the deadline or the step budget. */
export function improveByNeighbourhoods(model: Model, cells: Int16Array, o: LnsOptions): LnsResult {
  const m = model
  const { staff: P, days: D, shifts: S } = m
  let st = new SolverState(m, cells)
  let best: Int16Array = cells.slice()
  const result = (steps: number, improved: number): LnsResult => ({ cells: best, hard: st.hard, soft: st.soft, steps, improved })
  if (st.hard > 0 || P === 0 || D === 0 || S === 0) return result(0, 0)
  const rng = new Random(o.seed)
  const dp = new RowDp(m)
  const budget = o.steps ?? Number.MAX_SAFE_INTEGER
  let steps = 0
  let improved = 0
  // The longest window the rows allow (with everyone, or at least a few people).
  const longest = Math.min(D, Math.floor((MAX_ROWS - Math.min(P, 4)) / S))
  if (longest < 1) return result(0, 0)
  let reach = Math.min(longest, FIRST_WINDOW)
  for (; steps < budget && o.now() < o.deadline; steps++) {
    // A window of days (half the reach to all of it), then as many people as the relaxation has rows for (everyone when it can).
    const shortest = Math.ceil(reach / 2)
    const W = shortest + rng.int(reach - shortest + 1)
    const a = rng.int(D - W + 1)
    const began = o.now()
    const k = Math.min(P, MAX_ROWS - W * S)
    const people = pick(P, k, rng)
    const d = dive(
      m,
      {
        now: o.now,
        deadline: Math.min(o.deadline, o.now() + STEP_SECONDS * 1000),
        seed: o.seed * 7919 + steps,
        neighbourhood: { cells: best, people, a, b: a + W - 1 },
      },
      dp,
    )
    const took = o.now() - began
    if (took < STEP_MS / 2 && reach < longest) reach++
    else if (took > STEP_MS * 2 && reach > 1) reach--
    if (!d) continue
    const next = new SolverState(m, d.cells)
    if (next.hard > 0 || next.soft > st.soft) continue
    if (next.soft < st.soft) improved++
    st = next
    best = d.cells
  }
  return result(steps, improved)
}

/** k of the people 0..n-1 drawn at random, in order. */
function pick(n: number, k: number, rng: Random): number[] {
  if (k >= n) return Array.from({ length: n }, (_, p) => p)
  const all = Array.from({ length: n }, (_, p) => p)
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i)
    const t = all[i]!
    all[i] = all[j]!
    all[j] = t
  }
  return all.slice(0, k).sort((x, y) => x - y)
}
