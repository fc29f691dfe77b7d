// Wishes in the generator: their cost terms in the solver's model (the per-cell
// request costs `roster solve` weighs too), the fairness pass that spreads
// granted wishes over people, and the report of which were granted and, where
// one rule forced it, why not. Pure.

import { cellCostIndex, ensureCellCost, FREE, OFF, type DayGroup, type Model } from '../solver/model.js'
import type { IsoDate, ShiftType } from '../types.js'
import { grants, wishOccurrences, type Wish, type WishOccurrence } from './wish.js'

/** The cost of denying one wish of weight 1; a default wish (5) costs 50: more than a shift change (3) or a short run (2), less than a shift outside a fair share (200). */
export const WISH_UNIT = 10

/** A wish's day placed in the model: person p, day d, and the values that deny it. */
export interface PlacedWish {
  occurrence: WishOccurrence
  p: number
  d: number
  /** The shift index a shift / not wish names (-1 for off, or for a shift type no longer in use). */
  s: number
  /** False when its shift type is no longer in use: then nothing can grant it and it costs nothing. */
  usable: boolean
}

/** Every day of `dates` a wish of someone in `staff` speaks of, placed in the model's grid. */
export function placeWishes(wishes: readonly Wish[], staff: readonly string[], dates: readonly IsoDate[], shifts: readonly ShiftType[]): PlacedWish[] {
  const person = new Map(staff.map((id, p) => [id, p]))
  const day = new Map(dates.map((d, i) => [d, i]))
  const code = new Map(shifts.map((s, i) => [s.code, i]))
  const out: PlacedWish[] = []
  for (const o of wishOccurrences(wishes.filter((w) => person.has(w.staff)), dates)) {
    const s = o.wish.shift === null ? -1 : (code.get(o.wish.shift) ?? -1)
    out.push({ occurrence: o, p: person.get(o.wish.staff)!, d: day.get(o.date)!, s, usable: o.wish.shift === null || s >= 0 })
  }
  return out
}

/** Per person and day, whether they wish the day off (what the fair shares of weekends and holidays count as away). */
export function offWished(placed: readonly PlacedWish[], people: number, days: number): boolean[][] {
  const out = Array.from({ length: people }, () => new Array<boolean>(days).fill(false))
  for (const w of placed) if (w.occurrence.wish.kind === 'off') out[w.p]![w.d] = true
  return out
}

/**
 * Adds each wish's cost to the model's request costs: weight x WISH_UNIT x the
 * person's factor (1 unless the fairness pass raised it) on every value of the
 * cell that denies it. Returns the costs added, to take them away again.
 */
export function addWishCosts(model: Model, placed: readonly PlacedWish[], factor: (p: number) => number = () => 1): Int32Array {
  const cc = ensureCellCost(model)
  const added = new Int32Array(cc.length)
  for (const w of placed) {
    if (!w.usable) continue
    const cost = Math.round(w.occurrence.wish.weight * WISH_UNIT * factor(w.p))
    for (let v = OFF; v < model.shifts; v++) {
      if (grantsValue(w, v)) continue
      const i = cellCostIndex(model, w.p, w.d, v)
      cc[i]! += cost
      added[i]! += cost
    }
  }
  return added
}

/**
 * Per squared day off wished and worked, per person: the k-th denied day-off
 * wish of one person costs SPREAD_WEIGHT x (2k - 1) on top of its own weight, so
 * the search would rather deny one wish each to two people than two to one.
 */
export const SPREAD_WEIGHT = 8

/**
 * Adds one day group per person with two or more days off wished on free days:
 * its mask is those days and only that person's range is on (0 to 0), so each
 * person pays SPREAD_WEIGHT x (days off wished but worked)². Returns the groups
 * (they are no fair share: generate keeps them out of its share counts).
 */
export function addSpreadGroups(model: Model, placed: readonly PlacedWish[]): DayGroup[] {
  const days = new Map<number, Set<number>>()
  for (const w of placed) {
    if (!w.usable || w.occurrence.wish.kind !== 'off' || model.fixed[w.p * model.days + w.d] !== FREE) continue
    days.set(w.p, (days.get(w.p) ?? new Set()).add(w.d))
  }
  const out: DayGroup[] = []
  for (const [p, set] of [...days].sort((a, b) => a[0] - b[0])) {
    if (set.size < 2) continue
    const mask = new Uint8Array(model.days)
    for (const d of set) mask[d] = 1
    const lo = new Int32Array(model.staff).fill(-1)
    const hi = new Int32Array(model.staff).fill(-1)
    lo[p] = 0
    hi[p] = 0
    out.push({ mask, lo, hi, weight: SPREAD_WEIGHT })
  }
  model.groups.push(...out)
  return out
}

/** Takes costs `addWishCosts` added back out. */
export function removeCosts(model: Model, added: Int32Array): void {
  const cc = model.cellCost
  if (!cc) return
  for (let i = 0; i < cc.length; i++) cc[i]! -= added[i]!
}

/** Whether the cell value v (OFF or a shift index) grants the placed wish. */
export function grantsValue(w: PlacedWish, v: number): boolean {
  const kind = w.occurrence.wish.kind
  if (kind === 'off') return v === OFF
  if (kind === 'shift') return v === w.s
  return v !== w.s
}

/** Per person: wishes granted and in all, over the grid `cells`. */
export function grantCounts(placed: readonly PlacedWish[], cells: Int16Array, model: Model): { granted: Int32Array; total: Int32Array } {
  const granted = new Int32Array(model.staff)
  const total = new Int32Array(model.staff)
  for (const w of placed) {
    total[w.p]!++
    if (w.usable && grantsValue(w, cells[w.p * model.days + w.d]!)) granted[w.p]!++
  }
  return { granted, total }
}

/** The most minus the least share of wishes granted among the people who have any (0 with fewer than two). */
export function grantSpread(granted: Int32Array, total: Int32Array): number {
  let lo = Infinity
  let hi = -Infinity
  for (let p = 0; p < total.length; p++) {
    if (!total[p]) continue
    const share = granted[p]! / total[p]!
    lo = Math.min(lo, share)
    hi = Math.max(hi, share)
  }
  return hi >= lo ? hi - lo : 0
}

/** Why one rule forced a wish's denial, or null when it was weighed against the others' goals. */
export type DenialReason = 'roster.leave' | 'roster.coverage' | 'roster.min-rest' | 'roster.max-consecutive-days' | 'swap.fixed' | 'shift.removed' | null

export interface WishReport {
  granted: number
  total: number
  staff: { id: string; granted: number; total: number; denied: { wish: number; date: IsoDate; reason: DenialReason }[] }[]
}

/**
 * Which wishes the grid grants, per person (everyone of `staff` who has a wish
 * in the range, in that order), and for each denied one the rule that forced
 * it where one did: the person is on leave (a shift wished), an approved swap
 * holds the day, the day needs everyone available (a day off wished), or the
 * rest rule or the working-run limit forbids the wished shift between the
 * person's days around it. Otherwise the reason is null: it was weighed.
 */
export function wishReport(placed: readonly PlacedWish[], cells: Int16Array, model: Model, staff: readonly string[], leave: readonly (readonly boolean[])[], swapFixed: ReadonlySet<number>): WishReport {
  const D = model.days
  const S = model.shifts
  // People needed and available per day: when they are equal, nobody may be off.
  const need = new Int32Array(D)
  const free = new Int32Array(D)
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) need[d]! += model.coverTarget[d * S + s]!
    for (let p = 0; p < model.staff; p++) {
      const f = model.fixed[p * D + d]!
      if (f === FREE) free[d]!++
      else if (f !== OFF) need[d]!--
    }
  }
  // Free people who wish each day off (each person once a day).
  const offWishers = new Int32Array(D)
  const seen = new Set<number>()
  for (const w of placed) {
    const i = w.p * D + w.d
    if (w.occurrence.wish.kind !== 'off' || model.fixed[i] !== FREE || seen.has(i)) continue
    seen.add(i)
    offWishers[w.d]!++
  }
  const rows = new Map<number, WishReport['staff'][number]>()
  let granted = 0
  for (const w of placed) {
    const row = rows.get(w.p) ?? { id: staff[w.p]!, granted: 0, total: 0, denied: [] }
    rows.set(w.p, row)
    row.total++
    const v = cells[w.p * D + w.d]!
    if (w.usable && grantsValue(w, v)) {
      row.granted++
      granted++
      continue
    }
    row.denied.push({ wish: w.occurrence.wish.id, date: w.occurrence.date, reason: denialReason(w, cells, model, leave, swapFixed, need, free, offWishers) })
  }
  const list = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)
  return { granted, total: placed.length, staff: list }
}

function denialReason(w: PlacedWish, cells: Int16Array, m: Model, leave: readonly (readonly boolean[])[], swapFixed: ReadonlySet<number>, need: Int32Array, free: Int32Array, offWishers: Int32Array): DenialReason {
  const D = m.days
  const S = m.shifts
  const kind = w.occurrence.wish.kind
  if (!w.usable) return 'shift.removed'
  if (leave[w.p]?.[w.d]) return 'roster.leave'
  if (swapFixed.has(w.p * D + w.d)) return 'swap.fixed'
  if (m.fixed[w.p * D + w.d] !== FREE) return null
  // Everyone free is needed, or more people wish the day off than coverage can spare.
  if (kind === 'off') return need[w.d]! >= free[w.d]! || offWishers[w.d]! > free[w.d]! - need[w.d]! ? 'roster.coverage' : null
  if (kind !== 'shift') return null
  // The wished shift between the person's actual days before and after it.
  const before = w.d > 0 ? cells[w.p * D + w.d - 1]! : m.histShift1[w.p]!
  const after = w.d < D - 1 ? cells[w.p * D + w.d + 1]! : OFF
  if ((before >= 0 && m.forbidden1[before * S + w.s]) || (after >= 0 && m.forbidden1[w.s * S + after])) return 'roster.min-rest'
  if (cells[w.p * D + w.d] === OFF) {
    // Working that day joins the runs on either side (and the history's, reaching back to day 0).
    let run = 1
    let d = w.d - 1
    for (; d >= 0 && cells[w.p * D + d] !== OFF; d--) run++
    if (d < 0) run += m.histWork[w.p]!
    for (d = w.d + 1; d < D && cells[w.p * D + d] !== OFF; d++) run++
    if (m.maxConsecWork[w.p]! > 0 && run > m.maxConsecWork[w.p]!) return 'roster.max-consecutive-days'
  }
  return null
}
