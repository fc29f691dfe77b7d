// How good is a roster: a lower bound on the cost of every roster of a model,
// from the linear relaxation the dive solves (dive.ts), on a relaxed copy of
// the model that the row programme can price. Dropping a soft cost that is
// never negative (the fair ranges) or a hard rule (successions two days apart)
// only lowers the best cost, and a roster with every place covered pays
// nothing for cover however dear missing cover is made: so the relaxation of
// the relaxed copy bounds the original model's rosters from below.

import { dive, DIVE_MAX_ROWS } from './dive.js'
import type { Model } from './model.js'
import { rowDpApplicable } from './row-dp.js'

/** What a missing or extra person costs in the relaxed copy: dear, so the bound is tight, within the simplex's numbers. */
const COVER_COST = 1000

export type BoundResult = { ok: true; bound: number } | { ok: false; why: 'too-large' | 'time' | 'not-applicable' }

/**
 * A lower bound on the soft cost of every roster of `model` that keeps its hard
 * rules and covers every place exactly, computed within `budgetMs` of the
 * injected clock; why there is none when the relaxation is over the dense
 * simplex's row limit, could not price everyone once in time, or the row
 * programme cannot price the model. Out of time after a pricing round, the
 * best Lagrangian bound of the rounds so far (weaker, never wrong).
 */
export function lowerBound(model: Model, now: () => number, budgetMs: number): BoundResult {
  const { staff: P, days: D, shifts: S } = model
  if (D * S + P > DIVE_MAX_ROWS) return { ok: false, why: 'too-large' }
  const relaxed: Model = {
    ...model,
    forbidden2: new Uint8Array(model.forbidden2.length),
    coverUnder: new Int32Array(model.coverUnder.length).fill(COVER_COST),
    coverOver: new Int32Array(model.coverOver.length).fill(COVER_COST),
    coverUnderHard: false,
    coverOverHard: false,
    countLo: new Int32Array(model.countLo.length).fill(-1),
    countHi: new Int32Array(model.countHi.length).fill(-1),
    workLo: new Int32Array(model.workLo.length).fill(-1),
    workHi: new Int32Array(model.workHi.length).fill(-1),
    groups: [],
  }
  if (!rowDpApplicable(relaxed)) return { ok: false, why: 'not-applicable' }
  const r = dive(relaxed, { now, deadline: now() + budgetMs, boundOnly: true })
  if (!r) return { ok: false, why: 'not-applicable' }
  if (r.exact) return { ok: true, bound: r.bound }
  // Out of time: the best Lagrangian bound met on the way is still a bound, only a weaker one.
  if (r.lagrangian !== undefined && r.lagrangian > -Infinity) return { ok: true, bound: r.lagrangian }
  return { ok: false, why: 'time' }
}
