// The hand-made models of the chain and dive tests start alike: one shift of
// eight hours, wanted once a day, 100 for each person missing and 1 for each
// one too many, and nobody on it more than once.

import { emptyModel, type Model } from '../../../src/domain/solver/model.js'

/** `staff` people over `days` days, one shift wanted once a day that each may work at most once. */
export function oneShiftModel(staff: number, days: number): Model {
  const m = emptyModel(staff, days, 1)
  m.shiftMinutes[0] = 480
  m.coverTarget.fill(1)
  m.coverUnder.fill(100)
  m.coverOver.fill(1)
  m.maxShiftCount.fill(1)
  return m
}

/**
 * Two people, two days, one shift wanted once a day; each works it at most once.
 * Ann asked for day 0 off (5), Ben for day 1 off (3): the one roster that costs
 * nothing gives Ann day 1 and Ben day 0.
 */
export function twoRequests(): Model {
  const m = oneShiftModel(2, 2)
  m.cellCost = new Int32Array(2 * 2 * 2)
  m.cellCost[(0 * 2 + 0) * 2 + 0 + 1] = 5
  m.cellCost[(1 * 2 + 1) * 2 + 0 + 1] = 3
  return m
}
