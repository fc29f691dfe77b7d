// The roster rules, shared by the generator, `check`, `assign`, leave and swaps.

import type { RosterRule, RosterState, RuleScope } from '../roster.js'
import type { Violation } from '../types.js'
import { coverage } from './coverage.js'
import { onLeave } from './leave.js'
import { maxConsecutiveDays } from './max-consecutive-days.js'
import { minRest } from './min-rest.js'
import { oneShiftPerDay } from './one-shift-per-day.js'
import { compareText } from '../compare.js'

export { coverage, onLeave, maxConsecutiveDays, minRest, oneShiftPerDay }

export const ROSTER_RULES: readonly RosterRule[] = [coverage, oneShiftPerDay, minRest, maxConsecutiveDays, onLeave]

/** The rules that concern one person's own schedule (everything but coverage). */
export const PERSONAL_RULES: readonly RosterRule[] = [oneShiftPerDay, minRest, maxConsecutiveDays, onLeave]

/** Runs the given rules and returns every violation, by date, then in the rules' order. */
export function checkRules(rules: readonly RosterRule[], state: RosterState, scope: RuleScope): Violation[] {
  const out = rules.flatMap((r) => r.check(state, scope))
  // Array.prototype.sort is stable: equal dates keep the rules' order.
  return out.sort((a, b) => compareText(a.date ?? '', b.date ?? ''))
}
