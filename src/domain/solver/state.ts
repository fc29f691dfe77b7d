// A solution under incremental evaluation. Costs that depend on counts
// (cover, shifts per type, minutes, weekends, fair ranges, requests) are kept
// up to date by `setCell` in O(1). Costs that depend on sequences (runs of
// working days or days off, successions, shift changes) are measured on a
// window around the cells a move touches, before and after the move: cells
// outside the window are the same in both, so the difference is exact.

import { FREE, OFF, UNLIMITED, type Model } from './model.js'

export class SolverState {
  readonly m: Model
  /** The grid, [person * days + day] = shift index or OFF. */
  readonly x: Int16Array
  /** People per (day, shift). */
  readonly cover: Int32Array
  /** Shifts per (person, shift type). */
  readonly count: Int32Array
  readonly worked: Int32Array
  readonly minutes: Int32Array
  /** Worked days per (person, weekend), and weekends with any work per person. */
  readonly weekendDays: Uint8Array
  readonly weekendsWorked: Int32Array
  /** Worked days per (group, person). */
  readonly groupCount: Int32Array
  /** Units of hard violation. */
  hard = 0
  /** Soft cost. */
  soft = 0
  /** Result of the last `measureSequences` calls since `resetSequenceMeasure`. */
  seqHard = 0
  seqSoft = 0

  constructor(model: Model, cells?: Int16Array) {
    const m = model
    this.m = m
    const P = m.staff
    const D = m.days
    const S = m.shifts
    this.x = new Int16Array(P * D).fill(OFF)
    this.cover = new Int32Array(D * S)
    this.count = new Int32Array(P * S)
    this.worked = new Int32Array(P)
    this.minutes = new Int32Array(P)
    this.weekendDays = new Uint8Array(P * Math.max(1, m.weekends))
    this.weekendsWorked = new Int32Array(P)
    this.groupCount = new Int32Array(m.groups.length * P)
    // The cost of the empty grid: every count at zero.
    for (let i = 0; i < D * S; i++) this.addCover(i, 0, 1)
    for (let p = 0; p < P; p++) {
      for (let s = 0; s < S; s++) this.addCount(p, s, 0, 1)
      this.addWork(p, 0, 1)
      this.addMinutes(p, 0, 1)
      this.addWeekends(p, 0, 1)
      for (let g = 0; g < m.groups.length; g++) this.addGroup(g, p, 0, 1)
    }
    if (m.cellCost) for (let i = 0; i < P * D; i++) this.soft += m.cellCost[i * (S + 1)]!
    // Then fill the cells, fixed ones first taking their forced value.
    for (let i = 0; i < P * D; i++) {
      const f = m.fixed[i]!
      const v = f !== FREE ? f : cells ? cells[i]! : OFF
      if (v !== OFF) this.setCell(Math.floor(i / D), i % D, v)
    }
    for (let p = 0; p < P; p++) {
      this.resetSequenceMeasure()
      this.measureSequences(p, 0, D - 1)
      this.hard += this.seqHard
      this.soft += this.seqSoft
    }
  }

  /** hard * hardWeight + soft. */
  objective(hardWeight: number): number {
    return this.hard * hardWeight + this.soft
  }

  // --- count-based terms: each adds sign x its cost at count c ---

  private addCover(i: number, c: number, sign: number): void {
    const t = this.m.coverTarget[i]!
    if (c < t) {
      const cost = (t - c) * this.m.coverUnder[i]!
      if (this.m.coverUnderHard) this.hard += sign * cost
      else this.soft += sign * cost
    } else if (c > t) {
      const cost = (c - t) * this.m.coverOver[i]!
      if (this.m.coverOverHard) this.hard += sign * cost
      else this.soft += sign * cost
    }
  }

  private addCount(p: number, s: number, c: number, sign: number): void {
    const k = p * this.m.shifts + s
    const max = this.m.maxShiftCount[k]!
    if (max !== UNLIMITED && c > max) this.hard += sign * (c - max)
    const lo = this.m.countLo[k]!
    if (lo >= 0) {
      const hi = this.m.countHi[k]!
      const e = c < lo ? lo - c : c > hi ? c - hi : 0
      if (e) this.soft += sign * this.m.countWeight * e * e
    }
  }

  private addWork(p: number, c: number, sign: number): void {
    const lo = this.m.workLo[p]!
    if (lo < 0) return
    const hi = this.m.workHi[p]!
    const e = c < lo ? lo - c : c > hi ? c - hi : 0
    if (e) this.soft += sign * this.m.workWeight * e * e
  }

  private addMinutes(p: number, minutes: number, sign: number): void {
    const min = this.m.minMinutes[p]!
    const max = this.m.maxMinutes[p]!
    let e = 0
    if (min !== UNLIMITED && minutes < min) e = min - minutes
    else if (max !== UNLIMITED && minutes > max) e = minutes - max
    if (e) this.hard += sign * Math.ceil(e / this.m.minutesUnit)
  }

  private addWeekends(p: number, w: number, sign: number): void {
    const max = this.m.maxWeekends[p]!
    if (max !== UNLIMITED && w > max) this.hard += sign * (w - max)
  }

  private addGroup(g: number, p: number, c: number, sign: number): void {
    const group = this.m.groups[g]!
    const lo = group.lo[p]!
    if (lo < 0) return
    const hi = group.hi[p]!
    const e = c < lo ? lo - c : c > hi ? c - hi : 0
    if (e) this.soft += sign * group.weight * e * e
  }

  /**
   * Sets one cell and updates every count-based cost. Sequence costs are the
   * caller's business (measure the window before and after).
   */
  setCell(p: number, d: number, v: number): void {
    const m = this.m
    const D = m.days
    const S = m.shifts
    const i = p * D + d
    const old = this.x[i]!
    if (old === v) return
    this.x[i] = v
    let dm = 0
    if (old !== OFF) {
      const ci = d * S + old
      const c = this.cover[ci]!
      this.addCover(ci, c, -1)
      this.cover[ci] = c - 1
      this.addCover(ci, c - 1, 1)
      const k = p * S + old
      const n = this.count[k]!
      this.addCount(p, old, n, -1)
      this.count[k] = n - 1
      this.addCount(p, old, n - 1, 1)
      dm -= m.shiftMinutes[old]!
    }
    if (v !== OFF) {
      const ci = d * S + v
      const c = this.cover[ci]!
      this.addCover(ci, c, -1)
      this.cover[ci] = c + 1
      this.addCover(ci, c + 1, 1)
      const k = p * S + v
      const n = this.count[k]!
      this.addCount(p, v, n, -1)
      this.count[k] = n + 1
      this.addCount(p, v, n + 1, 1)
      dm += m.shiftMinutes[v]!
    }
    if ((old === OFF) !== (v === OFF)) {
      const dw = v === OFF ? -1 : 1
      const w = this.worked[p]!
      this.addWork(p, w, -1)
      this.worked[p] = w + dw
      this.addWork(p, w + dw, 1)
      const we = m.weekendOf[d]!
      if (we >= 0) {
        const k = p * m.weekends + we
        const before = this.weekendDays[k]!
        this.weekendDays[k] = before + dw
        if (before === 0 || before + dw === 0) {
          const n = this.weekendsWorked[p]!
          this.addWeekends(p, n, -1)
          this.weekendsWorked[p] = n + dw
          this.addWeekends(p, n + dw, 1)
        }
      }
      for (let g = 0; g < m.groups.length; g++) {
        if (!m.groups[g]!.mask[d]) continue
        const k = g * m.staff + p
        const n = this.groupCount[k]!
        this.addGroup(g, p, n, -1)
        this.groupCount[k] = n + dw
        this.addGroup(g, p, n + dw, 1)
      }
    }
    if (dm !== 0) {
      const mins = this.minutes[p]!
      this.addMinutes(p, mins, -1)
      this.minutes[p] = mins + dm
      this.addMinutes(p, mins + dm, 1)
    }
    const cc = m.cellCost
    if (cc) {
      const base = i * (S + 1) + 1
      this.soft += cc[base + v]! - cc[base + old]!
    }
  }

  resetSequenceMeasure(): void {
    this.seqHard = 0
    this.seqSoft = 0
  }

  /**
   * Adds to seqHard/seqSoft the sequence costs of person p that can change
   * when cells a..b change: every run (of working days or of days off) that
   * meets a-1..b+1, the successions ending on a..b+1 (a..b+2 for the
   * two-day ones) and the shift changes ending on a..b+1.
   */
  measureSequences(p: number, a: number, b: number): void {
    const m = this.m
    const x = this.x
    const D = m.days
    const S = m.shifts
    const base = p * D
    let hard = 0
    let soft = 0

    // Runs.
    const maxW = m.maxConsecWork[p]!
    const minW = m.minConsecWork[p]!
    const minOff = m.minConsecOff[p]!
    const softW = m.softMinWork
    const softOff = m.softMinOff
    const lo = a > 0 ? a - 1 : 0
    const hi = b + 1 < D ? b + 1 : D - 1
    let s = lo
    const w0 = x[base + s]! !== OFF
    while (s > 0 && (x[base + s - 1]! !== OFF) === w0) s--
    while (s <= hi) {
      const w = x[base + s]! !== OFF
      let e = s
      while (e + 1 < D && (x[base + e + 1]! !== OFF) === w) e++
      let len = e - s + 1
      // A run at an edge is exempt from minimums, unless history tells how it began.
      let edge = e === D - 1
      if (s === 0) {
        const h = w ? m.histWork[p]! : m.histOff[p]!
        if (h > 0) len += h
        else edge = true
      }
      if (w) {
        if (maxW > 0 && len > maxW) hard += len - maxW
        if (!edge) {
          if (len < minW) hard += minW - len
          if (len < softW) soft += (softW - len) * m.softRunWeight
        }
      } else if (!edge) {
        if (len < minOff) hard += minOff - len
        if (len < softOff) soft += (softOff - len) * m.softRunWeight
      }
      s = e + 1
    }

    // Successions and changes between consecutive working days.
    const f1 = m.forbidden1
    const rank = m.shiftRank
    const changeW = m.changeWeight
    const backW = m.backwardWeight
    const end1 = b + 1 < D ? b + 1 : D - 1
    for (let d = a; d <= end1; d++) {
      const cur = x[base + d]!
      if (cur === OFF) continue
      const prev = d > 0 ? x[base + d - 1]! : m.histShift1[p]!
      if (prev < 0) continue
      if (f1[prev * S + cur]) hard++
      if (prev !== cur) soft += changeW + (rank[cur]! < rank[prev]! ? backW : 0)
    }
    const f2 = m.forbidden2
    const end2 = b + 2 < D ? b + 2 : D - 1
    for (let d = a; d <= end2; d++) {
      const cur = x[base + d]!
      if (cur === OFF) continue
      const midOff = d > 0 ? x[base + d - 1]! === OFF : m.histWork[p] === 0
      if (!midOff) continue
      const prev2 = d >= 2 ? x[base + d - 2]! : d === 1 ? m.histShift1[p]! : m.histShift2[p]!
      if (prev2 >= 0 && f2[prev2 * S + cur]) hard++
    }
    this.seqHard += hard
    this.seqSoft += soft
  }
}
