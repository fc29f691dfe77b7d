import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import { emptyModel, FREE, OFF, setRestFromTimes, setWeekends } from '../../../src/domain/solver/model.js'
import { SolverState } from '../../../src/domain/solver/state.js'
import { modelSpec, randomCells, randomModel } from './arbitrary-model.js'

/** Changes cells of person p (and q) on days a..b the way the search does: measure, change, measure. */
function move(st: SolverState, people: number[], a: number, b: number, change: () => void): void {
  st.resetSequenceMeasure()
  for (const p of people) st.measureSequences(p, a, b)
  const [h, s] = [st.seqHard, st.seqSoft]
  change()
  st.resetSequenceMeasure()
  for (const p of people) st.measureSequences(p, a, b)
  st.hard += st.seqHard - h
  st.soft += st.seqSoft - s
}

describe('SolverState', () => {
  it('starts with the cost the full evaluation gives', () => {
    fc.assert(
      fc.property(modelSpec, fc.integer(), (spec, seed) => {
        const m = randomModel(spec)
        const cells = randomCells(m, seed)
        const st = new SolverState(m, cells)
        expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, cells))
        expect(Array.from(st.x)).toEqual(Array.from(cells))
      }),
      { numRuns: 300 },
    )
  })

  it('keeps the cost exact through any sequence of cell changes, day swaps and block swaps', () => {
    const step = fc.record({ kind: fc.integer({ min: 0, max: 2 }), p: fc.nat(), q: fc.nat(), d: fc.nat(), len: fc.integer({ min: 1, max: 7 }), v: fc.nat() })
    fc.assert(
      fc.property(modelSpec, fc.integer(), fc.array(step, { minLength: 1, maxLength: 40 }), (spec, seed, steps) => {
        const m = randomModel(spec)
        const st = new SolverState(m, randomCells(m, seed))
        const { staff: P, days: D } = m
        for (const s of steps) {
          const p = s.p % P
          const q = (p + 1 + (s.q % Math.max(1, P - 1))) % P
          const a = s.d % D
          if (s.kind === 0 || P < 2) {
            if (m.fixed[p * D + a] !== FREE) continue
            const v = (s.v % (m.shifts + 1)) - 1
            move(st, [p], a, a, () => st.setCell(p, a, v))
          } else {
            const b = s.kind === 1 ? a : Math.min(D - 1, a + s.len - 1)
            let free = true
            for (let d = a; d <= b; d++) if (m.fixed[p * D + d] !== FREE || m.fixed[q * D + d] !== FREE) free = false
            if (!free) continue
            move(st, [p, q], a, b, () => {
              for (let d = a; d <= b; d++) {
                const x = st.x[p * D + d]!
                st.setCell(p, d, st.x[q * D + d]!)
                st.setCell(q, d, x)
              }
            })
          }
          expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, st.x))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('counts the weekends worked on one day but not both, through any sequence of cell changes', () => {
    /** Counted afresh: (person, weekend) pairs with some but not all of the weekend's days worked. */
    const recount = (m: ReturnType<typeof randomModel>, x: Int16Array): number => {
      let n = 0
      for (let p = 0; p < m.staff; p++) {
        for (let w = 0; w < m.weekends; w++) {
          let days = 0
          let worked = 0
          for (let d = 0; d < m.days; d++) {
            if (m.weekendOf[d] !== w) continue
            days++
            if (x[p * m.days + d] !== OFF) worked++
          }
          if (worked > 0 && worked < days) n++
        }
      }
      return n
    }
    const step = fc.record({ p: fc.nat(), d: fc.nat(), v: fc.nat() })
    fc.assert(
      fc.property(modelSpec, fc.integer(), fc.array(step, { minLength: 1, maxLength: 40 }), (spec, seed, steps) => {
        const m = randomModel(spec)
        const st = new SolverState(m, randomCells(m, seed))
        expect(st.halfWeekends).toBe(recount(m, st.x))
        for (const s of steps) {
          const p = s.p % m.staff
          const d = s.d % m.days
          if (m.fixed[p * m.days + d] !== FREE) continue
          move(st, [p], d, d, () => st.setCell(p, d, (s.v % (m.shifts + 1)) - 1))
          expect(st.halfWeekends).toBe(recount(m, st.x))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a weekend worked on Saturday only is half worked; on both days or neither, not', () => {
    const m = emptyModel(1, 7, 1)
    setWeekends(m, 0)
    const st = new SolverState(m)
    expect(st.halfWeekends).toBe(0)
    st.setCell(0, 5, 0)
    expect(st.halfWeekends).toBe(1)
    st.setCell(0, 6, 0)
    expect(st.halfWeekends).toBe(0)
    st.setCell(0, 5, OFF)
    expect(st.halfWeekends).toBe(1)
  })

  it('tells what one cell change would cost without making it, and makes it with the cost kept exact', () => {
    const change = fc.record({ p: fc.nat(), d: fc.nat(), v: fc.nat() })
    fc.assert(
      fc.property(modelSpec, fc.integer(), fc.array(change, { minLength: 1, maxLength: 30 }), (spec, seed, changes) => {
        const m = randomModel(spec)
        const st = new SolverState(m, randomCells(m, seed))
        const { staff: P, days: D } = m
        for (const c of changes) {
          const p = c.p % P
          const d = c.d % D
          if (m.fixed[p * D + d] !== FREE) continue
          const v = (c.v % (m.shifts + 1)) - 1
          const before = evaluate(m, st.x)
          const cells = st.x.slice()
          const cost = st.changeCost(p, d, v, 1000)
          // Asking changes nothing.
          expect(Array.from(st.x)).toEqual(Array.from(cells))
          expect({ hard: st.hard, soft: st.soft }).toEqual(before)
          cells[p * D + d] = v
          const after = evaluate(m, cells)
          expect(cost).toBe((after.hard - before.hard) * 1000 + after.soft - before.soft)
          st.changeCell(p, d, v)
          expect({ hard: st.hard, soft: st.soft }).toEqual(after)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('counts a forbidden succession carried in from the day before the start', () => {
    // Shift 0 is 15:00-23:00, shift 1 is 07:00-15:00: 0 then 1 leaves 8 h of rest.
    const m = emptyModel(1, 3, 2)
    setRestFromTimes(m, [{ start: 900, end: 1380 }, { start: 420, end: 900 }], 11 * 60)
    expect(Array.from(m.forbidden1)).toEqual([0, 1, 0, 0])
    m.histWork[0] = 1
    m.histShift1[0] = 0
    expect(new SolverState(m, Int16Array.from([1, OFF, OFF])).hard).toBe(1)
    expect(new SolverState(m, Int16Array.from([0, OFF, OFF])).hard).toBe(0)
    expect(new SolverState(m, Int16Array.from([OFF, 1, OFF])).hard).toBe(0)
  })

  it('counts a working run carried in from history against the maximum', () => {
    const m = emptyModel(1, 3, 1)
    m.maxConsecWork[0] = 6
    m.histWork[0] = 6
    expect(new SolverState(m, Int16Array.from([0, 0, OFF])).hard).toBe(2)
    expect(new SolverState(m, Int16Array.from([OFF, 0, 0])).hard).toBe(0)
  })
})
