// The vocabulary of swaps and leave beyond the shared domain types: a proposed
// swap, the stored record, and what every swap rule is given to judge.

import type { RuleNote } from '../messages.js'
import type { RosterState } from '../roster.js'
import type { IsoDate, Leave, Staff, Swap, Violation } from '../types.js'

/** What a requester asks for: give away the shift on `date` (D1) to `counterpart`. */
export interface SwapProposal {
  /** Present once stored: the rules then ignore the stored copy of this swap. */
  id?: number
  requester: string
  counterpart: string
  date: IsoDate
  /** D2, for a cover: the requester works the counterpart's shift that day. */
  payback: IsoDate | null
}

/** A swap as stored, with who decided it and why. */
export interface SwapRecord extends Swap {
  createdAt: string
  /** Who made the final decision (approve, reject, decline or cancel). */
  decidedBy: string | null
  decisionReason: string | null
}

/** A leave request as stored. */
export interface LeaveRecord extends Leave {
  createdAt: string
  decidedBy: string | null
}

/** The steps a swap goes through; each one has its own permission. */
export type SwapAction = 'request' | 'accept' | 'decline' | 'approve' | 'reject' | 'cancel'

/** Everything a swap rule may look at. Pure data: the command loads it. */
export interface SwapCheckInput {
  swap: SwapProposal
  /**
   * The roster around the swap's dates (at least the dates ± a week and a run
   * of max-consecutive-days), with holidays, leave of any status and config.
   */
  roster: RosterState
  /** Other swaps of the requester and the counterpart, any status (the swap itself may be included: rules skip its id). */
  swaps: readonly Swap[]
  /** Today by the injected clock. */
  today: IsoDate
  /** Who is doing what; a request by the requester when absent. */
  actor?: { staff: Pick<Staff, 'id' | 'role'>; action: SwapAction }
}

/** A swap rule: a stable id from SPEC section 3, a title, and a pure check. */
export interface SwapRule {
  id: string
  title: string
  /** Never throws; an empty list means the swap keeps the rule. */
  check(input: SwapCheckInput): Violation[]
  /** One sentence on why the swap keeps the rule, for `swap check`, with its params. */
  explain(input: SwapCheckInput): RuleNote
}

export type { Leave, Swap }
