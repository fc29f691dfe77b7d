// A fast-check generator of solver models with every constraint switched on
// at random, for the tests that compare incremental and full evaluation.

import fc from 'fast-check'
import { emptyModel, ensureCellCost, FREE, OFF, setWeekends, type Model } from '../../../src/domain/solver/model.js'

export interface ModelSpec {
  staff: number
  days: number
  shifts: number
  seed: number
}

/** A tiny deterministic generator so a spec expands to the same model every time. */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return Math.floor((s / 4294967296) * n)
  }
}

/** A model of the spec's size with random limits, weights, history, requests and fixed cells. */
export function randomModel(spec: ModelSpec): Model {
  const r = lcg(spec.seed)
  const { staff: P, days: D, shifts: S } = spec
  const m = emptyModel(P, D, S)
  for (let s = 0; s < S; s++) {
    m.shiftMinutes[s] = 240 + 60 * r(8)
    m.shiftRank[s] = r(S)
  }
  for (let i = 0; i < S * S; i++) {
    m.forbidden1[i] = r(3) === 0 ? 1 : 0
    m.forbidden2[i] = r(6) === 0 ? 1 : 0
  }
  for (let i = 0; i < D * S; i++) {
    m.coverTarget[i] = r(3)
    m.coverUnder[i] = 1 + r(100)
    m.coverOver[i] = r(3)
  }
  m.coverUnderHard = r(2) === 0
  m.coverOverHard = r(2) === 0
  for (let i = 0; i < P * D; i++) if (r(8) === 0) m.fixed[i] = r(4) === 0 ? r(S) : OFF
  if (r(2)) {
    const cc = ensureCellCost(m)
    for (let i = 0; i < cc.length; i++) cc[i] = r(4) === 0 ? r(5) : 0
  }
  for (let i = 0; i < P * S; i++) {
    m.maxShiftCount[i] = r(3) === 0 ? -1 : r(D)
    m.countLo[i] = r(3) === 0 ? -1 : r(4)
    m.countHi[i] = m.countLo[i]! + r(3)
  }
  m.countWeight = r(20)
  m.minutesUnit = 60 + r(400)
  for (let p = 0; p < P; p++) {
    m.minMinutes[p] = r(3) === 0 ? -1 : r(D * 300)
    m.maxMinutes[p] = r(3) === 0 ? -1 : m.minMinutes[p]! + r(D * 300)
    m.maxConsecWork[p] = r(6)
    m.minConsecWork[p] = r(4)
    m.minConsecOff[p] = r(4)
    m.maxWeekends[p] = r(3) === 0 ? -1 : r(3)
    m.workLo[p] = r(3) === 0 ? -1 : r(D)
    m.workHi[p] = m.workLo[p]! + r(3)
    // A consistent history: a run of work (with known or unknown shifts) or of days off.
    if (r(2)) {
      m.histWork[p] = 1 + r(6)
      m.histShift1[p] = r(S + 1) - 1
      m.histShift2[p] = m.histWork[p]! > 1 ? r(S + 1) - 1 : r(2) ? r(S) : -1
    } else {
      m.histOff[p] = r(4)
      m.histShift2[p] = m.histOff[p] === 1 ? r(S + 1) - 1 : -1
    }
  }
  m.workWeight = r(20)
  setWeekends(m, r(7))
  if (r(2)) {
    const mask = Uint8Array.from({ length: D }, () => (r(3) === 0 ? 1 : 0))
    m.groups.push({ mask, lo: Int32Array.from({ length: P }, () => r(3) - 1), hi: Int32Array.from({ length: P }, () => 2 + r(2)), weight: 1 + r(9) })
  }
  m.changeWeight = r(5)
  m.backwardWeight = r(5)
  m.softMinWork = r(4)
  m.softMinOff = r(4)
  m.softRunWeight = r(4)
  return m
}

export const modelSpec: fc.Arbitrary<ModelSpec> = fc.record({
  staff: fc.integer({ min: 1, max: 6 }),
  days: fc.integer({ min: 1, max: 16 }),
  shifts: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
})

/** Random cells for the model (fixed cells keep their value). */
export function randomCells(m: Model, seed: number): Int16Array {
  const r = lcg(seed)
  return Int16Array.from({ length: m.staff * m.days }, (_, i) => (m.fixed[i] !== FREE ? m.fixed[i]! : r(m.shifts + 1) - 1))
}

/**
 * A model the row programmes work on (row-dp.ts): randomModel without the
 * terms they do not model (two-day successions, fair ranges, day groups, hard
 * cover). Person `keep` keeps all its random limits; everyone else has none and
 * works every other day, so that any hard violation is `keep`'s own.
 */
export function rowModel(spec: ModelSpec, keep: number[]): { model: Model; cells: Int16Array } {
  const m = randomModel(spec)
  const { staff: P, days: D, shifts: S } = m
  m.forbidden2.fill(0)
  m.countLo.fill(-1)
  m.countHi.fill(-1)
  m.workLo.fill(-1)
  m.workHi.fill(-1)
  m.groups = []
  m.coverUnderHard = false
  m.coverOverHard = false
  const r = lcg(spec.seed ^ 0x5bd1e995)
  const cells = new Int16Array(P * D).fill(OFF)
  for (let p = 0; p < P; p++) {
    if (keep.includes(p)) continue
    m.minMinutes[p] = -1
    m.maxMinutes[p] = -1
    m.maxConsecWork[p] = 0
    m.minConsecWork[p] = 0
    m.minConsecOff[p] = 0
    m.maxWeekends[p] = -1
    m.maxShiftCount.fill(-1, p * S, p * S + S)
    m.histWork[p] = 0
    m.histOff[p] = 0
    m.histShift1[p] = -1
    m.histShift2[p] = -1
    for (let d = 0; d < D; d++) {
      m.fixed[p * D + d] = FREE
      if ((d + p) % 2 === 0) cells[p * D + d] = r(S)
    }
  }
  return { model: m, cells }
}
