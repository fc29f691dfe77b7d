import { addDays } from '../../dates.js'
import type { RosterRule, RuleScope } from '../../roster.js'
import { maxConsecutiveDays, minRest, oneShiftPerDay } from '../../rules/index.js'
import { params } from '../../messages.js'
import type { Violation } from '../../types.js'
import { applySwap, reportMargin, swapDates } from '../plan.js'
import type { SwapRule } from '../types.js'
import { participants } from './shared.js'

/** The roster rules a swap must not make either participant break. */
export const BACK_TO_BACK_RULES: readonly RosterRule[] = [oneShiftPerDay, minRest, maxConsecutiveDays]

/**
 * swap.back-to-back (不允许连班): apply the swap to a copy of the roster and
 * run one-shift-per-day, min-rest and max-consecutive-days for both people
 * over the swap's dates ± a week (longer when max-consecutive-days is). Only
 * violations the swap brings or worsens are reported (one the roster already
 * had is the lead's business, not this swap's); each names the roster rule
 * behind it.
 * A swap the roster cannot apply is swap.ownership's to report, not this rule's.
 */
export const backToBack: SwapRule = {
  id: 'swap.back-to-back',
  title: 'neither party ends up working back-to-back shifts',
  check(input) {
    // These rules look at one person's own shifts, so the two participants' are all they need.
    const people = new Set(participants(input))
    const roster = { ...input.roster, assignments: input.roster.assignments.filter((a) => people.has(a.staff)) }
    const after = applySwap(roster, input.swap)
    if (!after) return []
    const scope = scopeOf(input)
    // The message carries the hours and run lengths, so a violation the swap makes worse counts as new.
    const key = (v: Violation) => `${v.rule}|${v.staff}|${v.date}|${v.message}`
    const before = new Set(BACK_TO_BACK_RULES.flatMap((r) => r.check(roster, scope)).map(key))
    return BACK_TO_BACK_RULES.flatMap((r) => r.check(after, scope))
      .filter((v) => !before.has(key(v)))
      .map((v) => {
        const out: Violation = { rule: this.id, message: `after the swap ${v.message} (${v.rule})`, params: params('swap.back-to-back', { rule: v.rule, cause: v.params ?? null, message: v.message }) }
        if (v.date) out.date = v.date
        if (v.staff) out.staff = v.staff
        if (v.dates) out.dates = v.dates
        return out
      })
  },
  explain(input) {
    if (!applySwap(input.roster, input.swap)) return { message: 'not checked: the swap cannot be applied to the roster (see swap.ownership)', params: params('swap.back-to-back.unchecked', {}) }
    const people = participants(input)
    const { minRestHours: rest, maxConsecutiveDays: limit } = input.roster.config
    return { message: `after the swap ${people.join(' and ')} keep one shift a day, ${rest} h rest and at most ${limit} days in a row`, params: params('swap.back-to-back.ok', { people, rest, limit }) }
  },
}

function scopeOf(input: Parameters<SwapRule['check']>[0]): RuleScope {
  const dates = swapDates(input.swap).sort()
  const margin = reportMargin(input.roster.config.maxConsecutiveDays)
  return { from: addDays(dates[0]!, -margin), to: addDays(dates[dates.length - 1]!, margin), staff: new Set(participants(input)) }
}
