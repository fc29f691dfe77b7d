// Reads what the swap rules judge from the store. Call inside the same
// transaction as the write that depends on the answer.

import { configFromValues } from '../../../domain/config.js'
import type { RosterState } from '../../../domain/roster.js'
import { swapRuleWindow, swapWindow } from '../../../domain/swaps/plan.js'
import type { SwapAction, SwapCheckInput, SwapProposal } from '../../../domain/swaps/types.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import type { Store } from '../../../store/store.js'
import { withSystemZone } from '../../context.js'

/** The roster from `from` to `to` with its shifts (removed ones too: history uses them), leave, holidays and config. */
export function loadRoster(store: Store, from: IsoDate, to: IsoDate): RosterState {
  return {
    shifts: store.shifts.all(),
    assignments: store.assignments.find(from, to),
    leaves: store.leaves.list({ from, to }),
    holidays: store.holidays.list(from, to),
    config: withSystemZone(configFromValues(store.config.values())),
  }
}

/** Everything the swap rules need to judge `swap` as it stands in the store now. */
export function loadSwapInput(store: Store, swap: SwapProposal, today: IsoDate, actor?: { staff: Pick<Staff, 'id' | 'role'>; action: SwapAction }): SwapCheckInput {
  const config = withSystemZone(configFromValues(store.config.values()))
  const w = swapWindow(swap, config.maxConsecutiveDays)
  const input: SwapCheckInput = {
    swap,
    roster: loadRoster(store, w.from, w.to),
    swaps: store.swaps.activeOf([swap.requester, swap.counterpart], swapRuleWindow(swap.date, swap.payback ? [swap.payback] : [])),
    today,
  }
  if (actor) input.actor = actor
  return input
}
