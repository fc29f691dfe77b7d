// Small helpers the swap rules share.

import { ACTIVE_SWAP_STATUSES, type Swap } from '../../types.js'
import type { SwapCheckInput } from '../types.js'

/** The swap's two people, requester first. */
export function participants(input: SwapCheckInput): [string, string] {
  return [input.swap.requester, input.swap.counterpart]
}

/** `person`'s active swaps (pending, accepted, approved) other than the one being checked; reversals (swap undo) are no swaps of their own. */
export function otherActiveSwaps(input: SwapCheckInput, person: string): Swap[] {
  return input.swaps.filter(
    (s) => s.id !== input.swap.id && !s.reverses && ACTIVE_SWAP_STATUSES.includes(s.status) && (s.requester === person || s.counterpart === person),
  )
}
