// The cost of a whole grid, computed from scratch in the plainest way. The
// search never calls it in its loop: it is the reference the incremental
// evaluation of `SolverState` is tested against, and the final check of a
// solution.

import { FREE, OFF, UNLIMITED, type Model } from './model.js'

export interface Cost {
  /** Units of hard violation, including cells that break `fixed`. */
  hard: number
  soft: number
}

function outside(c: number, lo: number, hi: number): number {
  return c < lo ? lo - c : c > hi ? c - hi : 0
}

/** The hard and soft cost of `cells` under `model`. */
export function evaluate(model: Model, cells: Int16Array): Cost {
  const { staff: P, days: D, shifts: S } = model
  let hard = 0
  let soft = 0

  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      let c = 0
      for (let p = 0; p < P; p++) if (cells[p * D + d] === s) c++
      const i = d * S + s
      const t = model.coverTarget[i]!
      if (c < t) {
        if (model.coverUnderHard) hard += (t - c) * model.coverUnder[i]!
        else soft += (t - c) * model.coverUnder[i]!
      }
      if (c > t) {
        if (model.coverOverHard) hard += (c - t) * model.coverOver[i]!
        else soft += (c - t) * model.coverOver[i]!
      }
    }
  }

  for (let p = 0; p < P; p++) {
    const row = (d: number): number => cells[p * D + d]!
    const counts = new Array<number>(S).fill(0)
    let worked = 0
    let minutes = 0
    for (let d = 0; d < D; d++) {
      const v = row(d)
      const f = model.fixed[p * D + d]!
      if (f !== FREE && f !== v) hard++
      if (model.cellCost) soft += model.cellCost[(p * D + d) * (S + 1) + v + 1]!
      if (v === OFF) continue
      counts[v]!++
      worked++
      minutes += model.shiftMinutes[v]!
    }
    for (let s = 0; s < S; s++) {
      const k = p * S + s
      const max = model.maxShiftCount[k]!
      if (max !== UNLIMITED && counts[s]! > max) hard += counts[s]! - max
      const lo = model.countLo[k]!
      if (lo >= 0) soft += model.countWeight * outside(counts[s]!, lo, model.countHi[k]!) ** 2
    }
    if (model.workLo[p]! >= 0) soft += model.workWeight * outside(worked, model.workLo[p]!, model.workHi[p]!) ** 2
    const minM = model.minMinutes[p]!
    const maxM = model.maxMinutes[p]!
    if (minM !== UNLIMITED && minutes < minM) hard += Math.ceil((minM - minutes) / model.minutesUnit)
    else if (maxM !== UNLIMITED && minutes > maxM) hard += Math.ceil((minutes - maxM) / model.minutesUnit)

    // Weekends with any work.
    const weekendWorked = new Set<number>()
    for (let d = 0; d < D; d++) if (row(d) !== OFF && model.weekendOf[d]! >= 0) weekendWorked.add(model.weekendOf[d]!)
    if (model.maxWeekends[p] !== UNLIMITED && weekendWorked.size > model.maxWeekends[p]!) hard += weekendWorked.size - model.maxWeekends[p]!

    for (const g of model.groups) {
      if (g.lo[p]! < 0) continue
      let c = 0
      for (let d = 0; d < D; d++) if (g.mask[d] && row(d) !== OFF) c++
      soft += g.weight * outside(c, g.lo[p]!, g.hi[p]!) ** 2
    }

    // Runs, with the history run in front of the first one.
    let start = 0
    while (start < D) {
      const working = row(start) !== OFF
      let end = start
      while (end + 1 < D && (row(end + 1) !== OFF) === working) end++
      let len = end - start + 1
      let edge = end === D - 1
      if (start === 0) {
        const h = working ? model.histWork[p]! : model.histOff[p]!
        if (h > 0) len += h
        else edge = true
      }
      if (working) {
        if (model.maxConsecWork[p]! > 0 && len > model.maxConsecWork[p]!) hard += len - model.maxConsecWork[p]!
        if (!edge && len < model.minConsecWork[p]!) hard += model.minConsecWork[p]! - len
        if (!edge && len < model.softMinWork) soft += (model.softMinWork - len) * model.softRunWeight
      } else if (!edge) {
        if (len < model.minConsecOff[p]!) hard += model.minConsecOff[p]! - len
        if (len < model.softMinOff) soft += (model.softMinOff - len) * model.softRunWeight
      }
      start = end + 1
    }

    // Successions over the history days -2 and -1, then the horizon.
    const at = (d: number): number => (d >= 0 ? row(d) : d === -1 ? model.histShift1[p]! : model.histShift2[p]!)
    const workedAt = (d: number): boolean => (d >= 0 ? row(d) !== OFF : d === -1 ? model.histWork[p]! > 0 : model.histWork[p]! > 1)
    for (let d = 0; d < D; d++) {
      const cur = row(d)
      if (cur === OFF) continue
      const prev = at(d - 1)
      if (prev >= 0) {
        if (model.forbidden1[prev * S + cur]) hard++
        if (prev !== cur) soft += model.changeWeight + (model.shiftRank[cur]! < model.shiftRank[prev]! ? model.backwardWeight : 0)
      }
      if (!workedAt(d - 1)) {
        const prev2 = at(d - 2)
        if (prev2 >= 0 && model.forbidden2[prev2 * S + cur]) hard++
      }
    }
  }
  return { hard, soft }
}
