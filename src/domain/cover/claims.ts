// A claim of an open shift (`roster open claim`): its life as a transition
// function, like the swaps' (src/domain/swaps/transitions.ts).
//
//   pending --approve--> approved   (a lead; or at once under open.auto-approve)
//   pending --reject---> rejected
//
// Claims count toward no swap limit: they are not swaps.

import type { IsoDate } from '../types.js'

export type ClaimStatus = 'pending' | 'approved' | 'rejected'
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['pending', 'approved', 'rejected']
export type ClaimAction = 'approve' | 'reject'

export interface Claim {
  id: number
  date: IsoDate
  shift: string
  staff: string
  status: ClaimStatus
  /** Approved under open.auto-approve, without a lead. */
  auto: boolean
  createdAt: string
  decidedBy: string | null
  reason: string | null
}

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimAction, { from: readonly ClaimStatus[]; to: ClaimStatus }>> = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
}

/** The state after `action`, or null when a claim in `current` cannot take that step (it was decided already). */
export function nextClaimStatus(current: ClaimStatus, action: ClaimAction): ClaimStatus | null {
  const t = CLAIM_TRANSITIONS[action]
  return t.from.includes(current) ? t.to : null
}
