import { params, type MessageParams } from '../../messages.js'
import type { Staff, Violation } from '../../types.js'
import type { SwapAction, SwapCheckInput, SwapProposal, SwapRule } from '../types.js'

/**
 * swap.approver: who may take each step. Only R requests and cancels; only P
 * accepts or declines; only a lead or manager who takes no part approves or
 * rejects.
 */
export function approverViolations(swap: Pick<SwapProposal, 'requester' | 'counterpart' | 'date'>, actor: Pick<Staff, 'id' | 'role'>, action: SwapAction): Violation[] {
  const v = (message: string, why: MessageParams): Violation[] => [{ rule: 'swap.approver', staff: actor.id, date: swap.date, message, params: why }]
  switch (action) {
    case 'request':
    case 'cancel':
      return actor.id === swap.requester ? [] : v(`only the requester ${swap.requester} may ${action} this swap, not ${actor.id}`, params('swap.approver.requester-only', { requester: swap.requester, actor: actor.id, action }))
    case 'accept':
    case 'decline':
      return actor.id === swap.counterpart ? [] : v(`only the counterpart ${swap.counterpart} may ${action} this swap, not ${actor.id}`, params('swap.approver.counterpart-only', { counterpart: swap.counterpart, actor: actor.id, action }))
    case 'approve':
    case 'reject':
      if (actor.role !== 'lead' && actor.role !== 'manager') return v(`only a lead or manager may ${action} a swap; ${actor.id} is an ${actor.role}`, params('swap.approver.lead-only', { actor: actor.id, role: actor.role, action }))
      if (actor.id === swap.requester || actor.id === swap.counterpart) return v(`${actor.id} takes part in this swap and so may not ${action} it; ask another lead or manager`, params('swap.approver.takes-part', { actor: actor.id, action }))
      return []
  }
}

function actorOf(input: SwapCheckInput): { staff: Pick<Staff, 'id' | 'role'>; action: SwapAction } {
  return input.actor ?? { staff: { id: input.swap.requester, role: 'agent' }, action: 'request' }
}

export const approver: SwapRule = {
  id: 'swap.approver',
  title: 'only the counterpart accepts; only an uninvolved lead or manager approves',
  check(input) {
    const { staff, action } = actorOf(input)
    return approverViolations(input.swap, staff, action)
  },
  explain(input) {
    const { staff, action } = actorOf(input)
    const next = action === 'approve' || action === 'reject' ? 'is a lead or manager who takes no part' : action === 'request' ? `is the requester; ${input.swap.counterpart} must accept, then a lead or manager approves` : action === 'cancel' ? 'is the requester' : 'is the counterpart'
    return { message: `${staff.id} ${next}`, params: params('swap.approver.ok', { actor: staff.id, counterpart: input.swap.counterpart, action }) }
  },
}
