import { monthOf } from '../../dates.js'
import { params } from '../../messages.js'
import type { Violation } from '../../types.js'
import type { SwapRule } from '../types.js'
import { otherActiveSwaps, participants } from './shared.js'

/**
 * swap.monthly-limit: each participant takes part in at most
 * `swap.max-per-month` active swaps whose D1 falls in one calendar month,
 * this one included. The payback date's month does not count.
 */
export const monthlyLimit: SwapRule = {
  id: 'swap.monthly-limit',
  title: 'at most swap.max-per-month swaps per person per calendar month',
  check(input) {
    const limit = input.roster.config.maxSwapsPerMonth
    const month = monthOf(input.swap.date)
    const out: Violation[] = []
    for (const person of participants(input)) {
      const already = otherActiveSwaps(input, person).filter((s) => monthOf(s.date) === month).length
      if (already + 1 > limit) {
        out.push({
          rule: this.id,
          staff: person,
          date: input.swap.date,
          message: `${person} already takes part in ${already} swap${already === 1 ? '' : 's'} in ${month}; at most ${limit} per month are allowed (swap.max-per-month)`,
          params: params('swap.monthly-limit', { staff: person, already, month, limit }),
        })
      }
    }
    return out
  },
  explain(input) {
    const limit = input.roster.config.maxSwapsPerMonth
    const month = monthOf(input.swap.date)
    const counts = participants(input).map((p) => ({ staff: p, swaps: otherActiveSwaps(input, p).filter((s) => monthOf(s.date) === month).length + 1 }))
    return { message: `with this one: ${counts.map((c) => `${c.staff} ${c.swaps}`).join(', ')} of ${limit} swaps in ${month}`, params: params('swap.monthly-limit.ok', { month, limit, counts }) }
  },
}
