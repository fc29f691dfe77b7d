// The swap and leave state machines: which step is allowed from which state.

import type { LeaveStatus, SwapStatus } from '../types.js'
import type { SwapAction } from './types.js'

/** For each step on a stored swap: the states it may start from and where it leads. */
export const SWAP_TRANSITIONS: Readonly<Record<Exclude<SwapAction, 'request'>, { from: readonly SwapStatus[]; to: SwapStatus }>> = {
  accept: { from: ['pending'], to: 'accepted' },
  decline: { from: ['pending'], to: 'declined' },
  // A lead may stop a request before the counterpart answers, or refuse an accepted one.
  reject: { from: ['pending', 'accepted'], to: 'rejected' },
  approve: { from: ['accepted'], to: 'approved' },
  cancel: { from: ['pending', 'accepted'], to: 'cancelled' },
}

/** Why a swap in each state cannot take a step that needs another state. */
export const SWAP_STATE_WHY: Readonly<Record<SwapStatus, string>> = {
  pending: 'it is still pending: the counterpart must accept it first',
  accepted: 'it was already accepted and waits for a lead',
  approved: 'it was already approved and is in the roster',
  rejected: 'it was rejected',
  declined: 'it was declined by the counterpart',
  cancelled: 'it was cancelled by the requester',
  undone: 'it was undone: the roster is as before it',
}

/** The state after `action`, or a sentence saying why the swap cannot take that step now. */
export function nextSwapStatus(current: SwapStatus, action: Exclude<SwapAction, 'request'>): { to: SwapStatus } | { problem: string } {
  const t = SWAP_TRANSITIONS[action]
  if (t.from.includes(current)) return { to: t.to }
  return { problem: `cannot ${action} it: ${SWAP_STATE_WHY[current]}` }
}

export const LEAVE_TRANSITIONS: Readonly<Record<'approve' | 'reject', { from: readonly LeaveStatus[]; to: LeaveStatus }>> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
}

export const SWAP_STATUSES: readonly SwapStatus[] = ['pending', 'accepted', 'approved', 'rejected', 'declined', 'cancelled', 'undone']
export const LEAVE_STATUSES: readonly LeaveStatus[] = ['pending', 'approved', 'rejected']
export type { LeaveStatus, SwapStatus }
