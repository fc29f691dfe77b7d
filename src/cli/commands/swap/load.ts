// Reads what the swap rules judge from the store. Call inside the same
// transaction as the write that depends on the answer.

import { configFromValues } from '../../../domain/config.js'
import type { RosterState } from '../../../domain/roster.js'
import { swapRuleWindow, swapWindow } from '../../../domain/swaps/plan.js'
import type { SwapAction, SwapCheckInput, SwapProposal } from '../../../domain/swaps/types.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import { findAssignments } from '../../../store/assignments.js'
import { findConfigValues } from '../../../store/config.js'
import type { Db } from '../../../store/db.js'
import { withSystemZone } from '../../context.js'
import { findHolidays } from '../../../store/holidays.js'
import { findLeaves } from '../../../store/leaves.js'
import { findAllShiftTypes } from '../../../store/shifts.js'
import { findActiveSwapsOf } from '../../../store/swaps.js'

/** The roster from `from` to `to` with its shifts (removed ones too: history uses them), leave, holidays and config. */
export function loadRoster(db: Db, from: IsoDate, to: IsoDate): RosterState {
  return {
    shifts: findAllShiftTypes(db),
    assignments: findAssignments(db, from, to),
    leaves: findLeaves(db, { from, to }),
    holidays: findHolidays(db, from, to),
    config: withSystemZone(configFromValues(findConfigValues(db))),
  }
}

/** Everything the swap rules need to judge `swap` as it stands in the store now. */
export function loadSwapInput(db: Db, swap: SwapProposal, today: IsoDate, actor?: { staff: Pick<Staff, 'id' | 'role'>; action: SwapAction }): SwapCheckInput {
  const config = withSystemZone(configFromValues(findConfigValues(db)))
  const w = swapWindow(swap, config.maxConsecutiveDays)
  const input: SwapCheckInput = {
    swap,
    roster: loadRoster(db, w.from, w.to),
    swaps: findActiveSwapsOf(db, [swap.requester, swap.counterpart], swapRuleWindow(swap.date, swap.payback ? [swap.payback] : [])),
    today,
  }
  if (actor) input.actor = actor
  return input
}
