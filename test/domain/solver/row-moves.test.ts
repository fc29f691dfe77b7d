import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/domain/solver/evaluate.js'
import { emptyModel, OFF, setWeekends, UNLIMITED, type Model } from '../../../src/domain/solver/model.js'
import { Random } from '../../../src/domain/solver/random.js'
import { RowMoves, type RowMoveOptions } from '../../../src/domain/solver/row-moves.js'
import { SolverState } from '../../../src/domain/solver/state.js'
import { oneShiftModel } from './one-shift-model.js'

/**
 * Two days, one shift wanted once a day; each person works it at most once.
 * Ann holds day 0; Ben may only work day 0 (day 1 is his day off), so day 1 is
 * short and only a chain of two links fills it: Ann moves over, Ben takes her place.
 */
function twoLinks(): { m: Model; cells: Int16Array } {
  const m = oneShiftModel(2, 2)
  m.fixed[1 * 2 + 1] = OFF
  return { m, cells: Int16Array.from([0, OFF, OFF, OFF]) }
}

/** The move left a roster that costs nothing, its costs exact; undone, every cell and both costs are back. */
function expectFreeThenUndone(moves: RowMoves, st: SolverState, m: Model, cells: Int16Array): void {
  expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 0 })
  expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
  moves.revert(st)
  expect(Array.from(st.x)).toEqual(Array.from(cells))
  expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, cells))
}

/** The days a one-person roster works after `move` on a state of `cells`, the move made and its costs exact. */
function workedAfter(m: Model, cells: Int16Array, move: (st: SolverState) => boolean): number[] {
  const st = new SolverState(m, cells)
  expect(move(st)).toBe(true)
  expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, st.x))
  return Array.from(st.x).flatMap((v, d) => (v === OFF ? [] : [d]))
}

describe('RowMoves.chain', () => {
  it('fills a place short of people through someone who moves over to it, and its costs are exact', () => {
    const { m, cells } = twoLinks()
    const st = new SolverState(m, cells)
    expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 100 })
    const moves = new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1 })
    expect(moves.chain(st, new Random(1))).toBe(true)
    expect(Array.from(st.x)).toEqual([OFF, 0, 0, OFF])
    expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 0 })
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
  })

  it('re-optimises each link\'s row over chainWindow days, not the row moves\' window, where given', () => {
    // Eight weeks, one shift; day 40 wants one person and day 30 nobody, where Ann works:
    // a window of 28 days around day 40 lets her off day 30, one of 7 does not reach it.
    const m = oneShiftModel(1, 56)
    m.coverTarget.fill(0)
    m.coverTarget[40] = 1
    m.coverOver.fill(1)
    m.maxShiftCount.fill(UNLIMITED)
    const cells = new Int16Array(56).fill(OFF)
    cells[30] = 0
    const chain = (o: RowMoveOptions) => workedAfter(m, cells, (st) => new RowMoves(m, o).chain(st, new Random(1)))
    expect(chain({ row: 0, pair: 0, ruin: 0, chain: 1, window: 28 })).toEqual([40])
    expect(chain({ row: 0, pair: 0, ruin: 0, chain: 1, window: 28, chainWindow: 7 })).toEqual([30, 40])
  })

  it('with one link only, moves the gap but cannot fill it; undoing it puts every cell back', () => {
    const { m, cells } = twoLinks()
    const st = new SolverState(m, cells)
    const moves = new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainDepth: 1 })
    expect(moves.chain(st, new Random(1))).toBe(true)
    expect(Array.from(st.x)).toEqual([OFF, 0, OFF, OFF])
    expect(st.soft).toBe(100)
    moves.revert(st)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
    expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, cells))
  })

  it('refuses a link that would cost more than its slack', () => {
    const { m, cells } = twoLinks()
    // Ann would rather not work day 1: moving over now costs her 50 on top of the gap it leaves.
    m.cellCost = new Int32Array(2 * 2 * 2)
    m.cellCost[(0 * 2 + 1) * 2 + 0 + 1] = 50
    const st = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainSlack: 30 }).chain(st, new Random(1))).toBe(false)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainSlack: 60 }).chain(st, new Random(1))).toBe(true)
    expect(Array.from(st.x)).toEqual([OFF, 0, 0, OFF])
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 50 })
  })

  it('tries people with room to take the place first: someone with minutes to spare fills it in one link', () => {
    // Day 0 is short; Ann and Cy are both needed on day 1 and may work one shift; Ben is free.
    const m = emptyModel(3, 2, 1)
    m.shiftMinutes[0] = 480
    m.coverTarget[0] = 1
    m.coverTarget[1] = 2
    m.coverUnder.fill(100)
    m.coverOver.fill(1)
    m.maxMinutes.fill(480)
    const cells = Int16Array.from([OFF, 0, OFF, OFF, OFF, 0])
    for (let seed = 1; seed <= 30; seed++) {
      const st = new SolverState(m, cells)
      // One person tried per link, one link: only Ben can fill the place without leaving another short.
      expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainDepth: 1, chainTries: 1 }).chain(st, new Random(seed))).toBe(true)
      expect(Array.from(st.x)).toEqual([OFF, 0, 0, OFF, OFF, 0])
      expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
    }
  })

  it('does nothing where no place is short of people', () => {
    const { m } = twoLinks()
    const full = Int16Array.from([OFF, 0, 0, OFF])
    const st = new SolverState(m, full)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1 }).chain(st, new Random(1))).toBe(false)
    expect(Array.from(st.x)).toEqual(Array.from(full))
  })

  describe('from a request not granted', () => {
    /** Ann works day 0 but asked for it off (5); Ben is needed on day 1; Cy is free. Nobody works more than one shift. */
    function request(): { m: Model; cells: Int16Array } {
      const m = oneShiftModel(3, 2)
      m.cellCost = new Int32Array(3 * 2 * 2)
      m.cellCost[(0 * 2 + 0) * 2 + 0 + 1] = 5
      return { m, cells: Int16Array.from([0, OFF, OFF, 0, OFF, OFF]) }
    }

    it('grants it and fills the place it leaves short: Ann gets her day off, Cy takes her shift', () => {
      const { m, cells } = request()
      const st = new SolverState(m, cells)
      expect(st.soft).toBe(5)
      const moves = new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainFromRequest: 1 })
      expect(moves.chain(st, new Random(1))).toBe(true)
      expect(Array.from(st.x)).toEqual([OFF, OFF, OFF, 0, 0, OFF])
      expectFreeThenUndone(moves, st, m, cells)
    })

    it('starts only where its share says: a chain from a short place finds none here', () => {
      const { m, cells } = request()
      const st = new SolverState(m, cells)
      expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainFromRequest: 0 }).chain(st, new Random(1))).toBe(false)
      expect(Array.from(st.x)).toEqual(Array.from(cells))
    })

    it('refuses a first link dearer than its slack (the place it leaves short costs 100)', () => {
      const { m, cells } = request()
      const st = new SolverState(m, cells)
      expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 1, chainFromRequest: 1, requestSlack: 90 }).chain(st, new Random(1))).toBe(false)
      expect(Array.from(st.x)).toEqual(Array.from(cells))
    })
  })
})

describe('RowMoves.transfer', () => {
  /**
   * `weeks` weeks from a Monday, one shift; Ann may work one weekend and works
   * the first (days 5 and 6), where nobody is wanted; on the last weekend one
   * person is wanted each day, and on no other day. Each person missing costs
   * 100, each one too many 1.
   */
  function spentEarly(weeks: number, staff = 1): { m: Model; cells: Int16Array } {
    const days = weeks * 7
    const m = emptyModel(staff, days, 1)
    m.shiftMinutes[0] = 480
    m.coverUnder.fill(100)
    m.coverOver.fill(1)
    m.coverTarget[days - 2] = 1
    m.coverTarget[days - 1] = 1
    setWeekends(m, 0)
    m.maxWeekends[0] = 1
    const cells = new Int16Array(staff * days).fill(OFF)
    cells[5] = 0
    cells[6] = 0
    return { m, cells }
  }

  it('moves a weekend from where it is over its cover to where it is short, in two windows far apart; undone, every cell is back', () => {
    const { m, cells } = spentEarly(8)
    const st = new SolverState(m, cells)
    expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 202 })
    const moves = new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 })
    expect(moves.transfer(st, new Random(1))).toBe(true)
    const worked = Array.from(st.x).flatMap((v, d) => (v === OFF ? [] : [d]))
    expect(worked).toEqual([54, 55])
    expectFreeThenUndone(moves, st, m, cells)
  })

  it('re-optimises the row over windows of transferWindow days, not the row moves\' window, where given', () => {
    // Ann works day 16 too (a Wednesday), where nobody is wanted: a window of 28 days around the first weekend lets her off it, one of 7 does not reach it.
    const { m, cells } = spentEarly(8)
    cells[16] = 0
    const transfer = (o: RowMoveOptions) => workedAfter(m, cells, (st) => new RowMoves(m, o).transfer(st, new Random(1)))
    expect(transfer({ row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 28 })).toEqual([54, 55])
    expect(transfer({ row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 28, transferWindow: 7 })).toEqual([16, 54, 55])
  })

  it('does the same in one window where the two weekends are near', () => {
    const { m, cells } = spentEarly(3)
    const st = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 28 }).transfer(st, new Random(1))).toBe(true)
    expect(Array.from(st.x).flatMap((v, d) => (v === OFF ? [] : [d]))).toEqual([19, 20])
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
  })

  it('gives up a weekend that is needed when none is spare, and a chain fills the place it leaves short', () => {
    // As before, but the first Saturday wants one person; Ben may work it and any weekend but the last.
    const { m, cells } = spentEarly(8, 2)
    m.coverTarget[5] = 1
    m.fixed[1 * m.days + 54] = OFF
    m.fixed[1 * m.days + 55] = OFF
    const st = new SolverState(m, cells)
    expect(st.soft).toBe(201)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 }).transfer(st, new Random(1))).toBe(true)
    const worked = (p: number): number[] => Array.from(st.x.subarray(p * m.days, (p + 1) * m.days)).flatMap((v, d) => (v === OFF ? [] : [d]))
    expect(worked(0)).toEqual([54, 55])
    expect(worked(1)).toEqual([5])
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
    expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 0 })
  })

  it('refuses to give up a weekend that costs more than its slack', () => {
    // Both days of the first weekend are needed: giving them up leaves two places short (200).
    const { m, cells } = spentEarly(8, 2)
    m.coverTarget[5] = 1
    m.coverTarget[6] = 1
    const st = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 }).transfer(st, new Random(1))).toBe(false)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, transferSlack: 200, window: 14 }).transfer(st, new Random(1))).toBe(true)
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
  })

  it('leaves it to the chain where the one who could take the place has a weekend to spare', () => {
    const { m, cells } = spentEarly(8)
    m.maxWeekends[0] = 2
    const st = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 }).transfer(st, new Random(1))).toBe(false)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
  })

  it('does nothing where no weekend place is short, or weekends are not limited', () => {
    const { m, cells } = spentEarly(8)
    const full = cells.slice()
    full[54] = 0
    full[55] = 0
    m.maxWeekends[0] = 2
    const st = new SolverState(m, full)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 }).transfer(st, new Random(1))).toBe(false)
    m.maxWeekends[0] = UNLIMITED
    const st2 = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 0, pair: 0, ruin: 0, chain: 0, transfer: 1, window: 14 }).transfer(st2, new Random(1))).toBe(false)
    expect(Array.from(st2.x)).toEqual(Array.from(cells))
  })
})

describe('RowMoves.repair', () => {
  /**
   * One person, 140 days, one shift of 480 minutes, two days off in a row at
   * least, and exactly 16 shifts in all. They work days 0-2, 126-129 and
   * 131-139; days 21-125 and day 130 are fixed off, so 130 is a lone day off.
   * Mending it means a day less at 129 or 131 and a day more in 3-20, over
   * 100 days away: no window of 112 days holds both.
   */
  function loneDayOff(free = true): { m: Model; cells: Int16Array } {
    const days = 140
    const m = emptyModel(1, days, 1)
    m.shiftMinutes[0] = 480
    m.minConsecOff[0] = 2
    m.minMinutes[0] = 16 * 480
    m.maxMinutes[0] = 16 * 480
    for (let d = 21; d <= 125; d++) m.fixed[d] = OFF
    m.fixed[130] = OFF
    if (!free) for (let d = 3; d <= 20; d++) m.fixed[d] = OFF
    const cells = new Int16Array(days).fill(OFF)
    for (const d of [0, 1, 2, 126, 127, 128, 129, ...Array.from({ length: 9 }, (_, i) => 131 + i)]) cells[d] = 0
    return { m, cells }
  }

  it('mends a lone day off by a day less beside it and a day more months away; undone, every cell is back', () => {
    const { m, cells } = loneDayOff()
    const st = new SolverState(m, cells)
    expect(st.hard).toBe(1)
    const moves = new RowMoves(m, { row: 1, pair: 0, ruin: 0, window: 28 })
    expect(moves.brokenPeople(st)).toEqual([0])
    expect(moves.repair(st, new Random(1), 0)).toBe(true)
    expect(evaluate(m, st.x)).toEqual({ hard: 0, soft: 0 })
    expect({ hard: st.hard, soft: st.soft }).toEqual({ hard: 0, soft: 0 })
    const worked = Array.from(st.x).flatMap((v, d) => (v === OFF ? [] : [d]))
    expect(worked.filter((d) => d <= 20)).toHaveLength(4)
    expect(worked.filter((d) => d >= 126)).toHaveLength(12)
    moves.revert(st)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
    expect(st.hard).toBe(1)
  })

  it('mends it at every seed', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { m, cells } = loneDayOff()
      const st = new SolverState(m, cells)
      expect(new RowMoves(m, { row: 1, pair: 0, ruin: 0, window: 28 }).repair(st, new Random(seed), 0)).toBe(true)
      expect(st.hard).toBe(0)
    }
  })

  it('says so, and leaves the row as it was, where no row keeps the rules', () => {
    const { m, cells } = loneDayOff(false)
    const st = new SolverState(m, cells)
    expect(new RowMoves(m, { row: 1, pair: 0, ruin: 0, window: 28 }).repair(st, new Random(1), 0)).toBe(false)
    expect(Array.from(st.x)).toEqual(Array.from(cells))
    expect({ hard: st.hard, soft: st.soft }).toEqual(evaluate(m, cells))
  })
})
