// Undoing an approved swap: a reversal is a swap of its own (asked for by one
// party, accepted by the other, approved by a lead) whose effect on the roster
// is the swap played backwards. It counts towards no limit, and once approved
// the swap it reverses is `undone`.

import { params } from '../messages.js'
import type { Staff, Swap, Violation } from '../types.js'
import { backToBack } from './rules/back-to-back.js'
import { holiday } from './rules/holiday.js'
import { leave } from './rules/leave.js'
import { ownership } from './rules/ownership.js'
import { past } from './rules/past.js'
import type { SwapProposal, SwapRule } from './types.js'

/**
 * The swap that puts the roster back as it was before `swap`: an exchange is
 * traded back on D1; for a cover the counterpart gives D1 back to the
 * requester and takes their own shift on D2 again (the cover with the roles
 * turned round). It carries the original's id, so rules skip the original.
 */
export function reversalOf(swap: Pick<Swap, 'id' | 'requester' | 'counterpart' | 'date' | 'payback'>): SwapProposal {
  return { id: swap.id, requester: swap.counterpart, counterpart: swap.requester, date: swap.date, payback: swap.payback }
}

/**
 * The rules a reversal keeps: the roster rules after it (back-to-back), the
 * dates (past, holiday, leave) and that both people still hold the shifts the
 * swap gave them (ownership). Not swap.monthly-limit nor swap.consecutive: an
 * undo is no new swap.
 */
export const UNDO_RULES: readonly SwapRule[] = [past, holiday, leave, ownership, backToBack]

/** swap.approver for `swap undo`: only the requester or the counterpart of the swap asks to undo it. */
export function undoerViolations(swap: Pick<Swap, 'id' | 'requester' | 'counterpart' | 'date'>, actor: Pick<Staff, 'id'>): Violation[] {
  if (actor.id === swap.requester || actor.id === swap.counterpart) return []
  return [{
    rule: 'swap.approver',
    staff: actor.id,
    date: swap.date,
    message: `only ${swap.requester} or ${swap.counterpart}, who take part in swap #${swap.id}, may ask to undo it, not ${actor.id}`,
    params: params('swap.approver.party-only', { swap: swap.id, requester: swap.requester, counterpart: swap.counterpart, actor: actor.id }),
  }]
}

/** The reversal row's two people: the party who asks is its requester, the other party must accept it. */
export function reversalParties(swap: Pick<Swap, 'requester' | 'counterpart'>, asker: string): { requester: string; counterpart: string } {
  return asker === swap.requester ? { requester: swap.requester, counterpart: swap.counterpart } : { requester: swap.counterpart, counterpart: swap.requester }
}
