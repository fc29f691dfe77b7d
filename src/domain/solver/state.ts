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
  /**
   * (Person, weekend) pairs worked on some days of the weekend but not all: a
   * weekend counts against the most a person may work whether one day of it is
   * worked or both, so where weekends are scarce a half-worked one wastes a day.
   * Not a cost; the annealer may weigh it (search.ts, weekendWeight).
   */
  halfWeekends = 0
  /** Days per weekend. */
  private readonly weekendSize: Uint8Array
  /** Worked days per (group, person). */
  readonly groupCount: Int32Array
  /** Units of hard violation. */
  hard = 0
  /** Soft cost. */
  soft = 0
  /** Result of the last `measureSequences` calls since `resetSequenceMeasure`. */
  seqHard = 0
  seqSoft = 0
  /** Whether any per-type, working-day or minute limit is set: when not, their updates are skipped. */
  private readonly countTerms: boolean
  private readonly workTerms: boolean
  private readonly minuteTerms: boolean
  private readonly hasForbidden2: boolean
  /**
   * Cost by count, looked up instead of computed: [(person * shifts + s) * (days + 1) + n]
   * for shift-type counts (hard: over the maximum; soft: outside the fair range),
   * [person * (days + 1) + n] for working days, [(group * staff + person) * (days + 1) + n] for groups.
   */
  private readonly countHardT: Int32Array
  private readonly countSoftT: Int32Array
  private readonly workSoftT: Int32Array
  private readonly groupSoftT: Int32Array

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
    this.weekendSize = new Uint8Array(Math.max(1, m.weekends))
    for (let d = 0; d < D; d++) {
      const w = m.weekendOf[d]!
      if (w >= 0) this.weekendSize[w] = this.weekendSize[w]! + 1
    }
    this.groupCount = new Int32Array(m.groups.length * P)
    this.countTerms = m.maxShiftCount.some((v) => v !== UNLIMITED) || m.countLo.some((v) => v >= 0)
    this.workTerms = m.workLo.some((v) => v >= 0)
    this.minuteTerms = m.minMinutes.some((v) => v !== UNLIMITED) || m.maxMinutes.some((v) => v !== UNLIMITED)
    this.hasForbidden2 = m.forbidden2.some((v) => v !== 0)
    const T = D + 1
    const rangeCost = (n: number, lo: number, hi: number, weight: number): number => {
      if (lo < 0) return 0
      const e = n < lo ? lo - n : n > hi ? n - hi : 0
      return weight * e * e
    }
    this.countHardT = new Int32Array(this.countTerms ? P * S * T : 0)
    this.countSoftT = new Int32Array(this.countTerms ? P * S * T : 0)
    if (this.countTerms) {
      for (let k = 0; k < P * S; k++) {
        const max = m.maxShiftCount[k]!
        for (let n = 0; n <= D; n++) {
          this.countHardT[k * T + n] = max !== UNLIMITED && n > max ? n - max : 0
          this.countSoftT[k * T + n] = rangeCost(n, m.countLo[k]!, m.countHi[k]!, m.countWeight)
        }
      }
    }
    this.workSoftT = new Int32Array(this.workTerms ? P * T : 0)
    if (this.workTerms) for (let p = 0; p < P; p++) for (let n = 0; n <= D; n++) this.workSoftT[p * T + n] = rangeCost(n, m.workLo[p]!, m.workHi[p]!, m.workWeight)
    this.groupSoftT = new Int32Array(m.groups.length * P * T)
    m.groups.forEach((g, gi) => {
      for (let p = 0; p < P; p++) for (let n = 0; n <= D; n++) this.groupSoftT[(gi * P + p) * T + n] = rangeCost(n, g.lo[p]!, g.hi[p]!, g.weight)
    })

    // The cost of the empty grid: every count at zero.
    for (let i = 0; i < D * S; i++) this.addCover(i, 0, 1)
    for (let p = 0; p < P; p++) {
      if (this.countTerms) {
        for (let s = 0; s < S; s++) {
          this.hard += this.countHardT[(p * S + s) * T]!
          this.soft += this.countSoftT[(p * S + s) * T]!
        }
      }
      if (this.workTerms) this.soft += this.workSoftT[p * T]!
      for (let g = 0; g < m.groups.length; g++) this.soft += this.groupSoftT[(g * P + p) * T]!
      this.addMinutes(p, 0, 1)
      this.addWeekends(p, 0, 1)
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


  /**
   * Sets one cell and updates every count-based cost. Sequence costs are the
   * caller's business (measure the window before and after).
   */
  setCell(p: number, d: number, v: number): void {
    const i = p * this.m.days + d
    const old = this.x[i]!
    if (old === v) return
    this.x[i] = v
    const S = this.m.shifts
    if (old !== OFF) this.moveCover(d * S + old, -1)
    if (v !== OFF) this.moveCover(d * S + v, 1)
    this.personChange(p, d, i, old, v)
  }

  /** Exchanges the cells of p and q on day d: the day's cover does not change, so it is not touched. */
  swapCells(p: number, q: number, d: number): void {
    const D = this.m.days
    const i = p * D + d
    const j = q * D + d
    const a = this.x[i]!
    const b = this.x[j]!
    if (a === b) return
    this.x[i] = b
    this.x[j] = a
    this.personChange(p, d, i, a, b)
    this.personChange(q, d, j, b, a)
  }

  private moveCover(ci: number, dc: number): void {
    const c = this.cover[ci]!
    this.addCover(ci, c, -1)
    this.cover[ci] = c + dc
    this.addCover(ci, c + dc, 1)
  }

  /** The count-based costs of person p when cell i (day d) goes from `old` to `v`. */
  private personChange(p: number, d: number, i: number, old: number, v: number): void {
    const m = this.m
    const S = m.shifts
    let dm = 0
    if (old !== OFF) {
      const k = p * S + old
      const n = this.count[k]!
      if (this.countTerms) {
        const t = k * (m.days + 1) + n
        this.hard += this.countHardT[t - 1]! - this.countHardT[t]!
        this.soft += this.countSoftT[t - 1]! - this.countSoftT[t]!
      }
      this.count[k] = n - 1
      dm -= m.shiftMinutes[old]!
    }
    if (v !== OFF) {
      const k = p * S + v
      const n = this.count[k]!
      if (this.countTerms) {
        const t = k * (m.days + 1) + n
        this.hard += this.countHardT[t + 1]! - this.countHardT[t]!
        this.soft += this.countSoftT[t + 1]! - this.countSoftT[t]!
      }
      this.count[k] = n + 1
      dm += m.shiftMinutes[v]!
    }
    if ((old === OFF) !== (v === OFF)) {
      const dw = v === OFF ? -1 : 1
      const w = this.worked[p]!
      if (this.workTerms) {
        const t = p * (m.days + 1) + w
        this.soft += this.workSoftT[t + dw]! - this.workSoftT[t]!
      }
      this.worked[p] = w + dw
      const we = m.weekendOf[d]!
      if (we >= 0) {
        const k = p * m.weekends + we
        const before = this.weekendDays[k]!
        const after = before + dw
        this.weekendDays[k] = after
        const size = this.weekendSize[we]!
        this.halfWeekends += (after > 0 && after < size ? 1 : 0) - (before > 0 && before < size ? 1 : 0)
        if (before === 0 || before + dw === 0) {
          const n = this.weekendsWorked[p]!
          this.addWeekends(p, n, -1)
          this.weekendsWorked[p] = n + dw
          this.addWeekends(p, n + dw, 1)
        }
      }
      const groups = m.groups
      for (let g = 0; g < groups.length; g++) {
        if (!groups[g]!.mask[d]) continue
        const k = g * m.staff + p
        const n = this.groupCount[k]!
        const t = k * (m.days + 1) + n
        this.soft += this.groupSoftT[t + dw]! - this.groupSoftT[t]!
        this.groupCount[k] = n + dw
      }
    }
    if (dm !== 0) {
      const mins = this.minutes[p]!
      if (this.minuteTerms) {
        this.addMinutes(p, mins, -1)
        this.addMinutes(p, mins + dm, 1)
      }
      this.minutes[p] = mins + dm
    }
    const cc = m.cellCost
    if (cc) {
      const base = i * (S + 1) + 1
      this.soft += cc[base + v]! - cc[base + old]!
    }
  }

  /**
   * What setting cell (p, d) to v would change the objective by (hard units
   * times `hardWeight` plus soft), sequences included; leaves the state as it was.
   */
  changeCost(p: number, d: number, v: number, hardWeight: number): number {
    const old = this.x[p * this.m.days + d]!
    const h0 = this.hard
    const s0 = this.soft
    this.resetSequenceMeasure()
    this.measureSequences(p, d, d)
    const bh = this.seqHard
    const bs = this.seqSoft
    this.setCell(p, d, v)
    this.resetSequenceMeasure()
    this.measureSequences(p, d, d)
    const delta = (this.hard - h0 + this.seqHard - bh) * hardWeight + (this.soft - s0 + this.seqSoft - bs)
    // Putting the cell back restores every count-based cost; sequence costs were only measured.
    this.setCell(p, d, old)
    return delta
  }

  /** Sets cell (p, d) to v and keeps hard and soft exact, sequences included. */
  changeCell(p: number, d: number, v: number): void {
    this.resetSequenceMeasure()
    this.measureSequences(p, d, d)
    const bh = this.seqHard
    const bs = this.seqSoft
    this.setCell(p, d, v)
    this.resetSequenceMeasure()
    this.measureSequences(p, d, d)
    this.hard += this.seqHard - bh
    this.soft += this.seqSoft - bs
  }

  resetSequenceMeasure(): void {
    this.seqHard = 0
    this.seqSoft = 0
  }

  /**
   * Adds to seqHard/seqSoft the sequence costs of person p that can change
   * when cells a..b change: every run (of working days or of days off) that
   * meets a-1..b+1, the successions ending on a..b+1 (a..b+2 for the
   * two-day ones) and the shift changes ending on a..b+1. With `runs` false
   * the runs are left out: for moves that keep which days are worked.
   */
  measureSequences(p: number, a: number, b: number, runs = true): void {
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
    let s = runs ? lo : hi + 1
    const w0 = x[base + lo]! !== OFF
    while (s > 0 && s <= hi && (x[base + s - 1]! !== OFF) === w0) s--
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

    // Successions and changes between consecutive working days: pairs (d-1, d)
    // for d in a..b+1, and two-day successions (d-2, d) over a day off for d in a..b+2.
    const f1 = m.forbidden1
    const f2 = m.forbidden2
    const rank = m.shiftRank
    const changeW = m.changeWeight
    const backW = m.backwardWeight
    const two = this.hasForbidden2
    const end = b + (two ? 2 : 1) < D ? b + (two ? 2 : 1) : D - 1
    // prev: day d-1's value; prev2: day d-2's value (NONE when unknown), from history at the start.
    let prev = a > 0 ? x[base + a - 1]! : m.histWork[p]! > 0 ? m.histShift1[p]! : OFF
    let prevWorked = a > 0 ? prev !== OFF : m.histWork[p]! > 0
    let prev2 = a > 1 ? x[base + a - 2]! : a === 1 ? (m.histWork[p]! > 0 ? m.histShift1[p]! : OFF) : m.histShift2[p]!
    for (let d = a; d <= end; d++) {
      const cur = x[base + d]!
      if (cur !== OFF) {
        if (prev >= 0 && d <= b + 1) {
          if (f1[prev * S + cur]) hard++
          if (prev !== cur) soft += changeW + (rank[cur]! < rank[prev]! ? backW : 0)
        }
        if (two && !prevWorked && prev2 >= 0 && f2[prev2 * S + cur]) hard++
      }
      prev2 = prev
      prev = cur
      prevWorked = cur !== OFF
    }
    this.seqHard += hard
    this.seqSoft += soft
  }
}
