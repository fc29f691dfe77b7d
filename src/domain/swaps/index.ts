// The swap rules, in the order refusals report them: what makes the request
// impossible first (a past date, a holiday, leave, which also explains a shift
// that is gone; then a shift that is not yours), then the limits. The first
// violation names the refusal's code.

import type { MessageParams } from '../messages.js'
import type { Violation } from '../types.js'
import { approver } from './rules/approver.js'
import { backToBack } from './rules/back-to-back.js'
import { consecutive } from './rules/consecutive.js'
import { holiday } from './rules/holiday.js'
import { leave } from './rules/leave.js'
import { monthlyLimit } from './rules/monthly-limit.js'
import { ownership } from './rules/ownership.js'
import { past } from './rules/past.js'
import type { SwapCheckInput, SwapRule } from './types.js'

export { approver, backToBack, consecutive, holiday, leave, monthlyLimit, ownership, past }
export { approverViolations } from './rules/approver.js'
export { leaveOverlapsSwaps } from './rules/leave.js'
export { leaveHolidayViolations } from './rules/leave-holiday.js'

export const SWAP_RULES: readonly SwapRule[] = [past, holiday, leave, ownership, monthlyLimit, consecutive, backToBack, approver]

/** Every violation of every swap rule, in rule order. */
export function checkSwap(input: SwapCheckInput, rules: readonly SwapRule[] = SWAP_RULES): Violation[] {
  return rules.flatMap((r) => r.check(input))
}

export interface RuleOutcome {
  id: string
  ok: boolean
  /** The English reason: every violation's message, or why the rule passes. */
  message: string
  /** The failing rule's violations (empty when it passes). */
  violations: Violation[]
  /** Why a passing rule passes, for saying it in another language. */
  params?: MessageParams
}

/** One outcome per rule, passing or failing, with a reason: the dry run of `swap check`. */
export function evaluateSwap(input: SwapCheckInput, rules: readonly SwapRule[] = SWAP_RULES): RuleOutcome[] {
  return rules.map((r) => {
    const v = r.check(input)
    if (v.length) return { id: r.id, ok: false, message: v.map((x) => x.message).join('; '), violations: v }
    const note = r.explain(input)
    return { id: r.id, ok: true, message: note.message, violations: [], params: note.params }
  })
}
