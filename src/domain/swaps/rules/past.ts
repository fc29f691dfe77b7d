import { params } from '../../messages.js'
import type { Violation } from '../../types.js'
import { swapDates } from '../plan.js'
import type { SwapRule } from '../types.js'

/** swap.past: D1 and D2 must be today or later (by the injected clock). */
export const past: SwapRule = {
  id: 'swap.past',
  title: 'past dates cannot be swapped',
  check(input) {
    const out: Violation[] = []
    for (const d of swapDates(input.swap)) {
      if (d < input.today) out.push({ rule: this.id, date: d, message: `${d} is in the past (today is ${input.today}); only today and later can be swapped`, params: params('swap.past', { date: d, today: input.today }) })
    }
    return out
  },
  explain(input) {
    const dates = swapDates(input.swap)
    return { message: `${dates.join(' and ')} ${input.swap.payback ? 'are' : 'is'} not before today (${input.today})`, params: params('swap.past.ok', { dates, today: input.today }) }
  },
}
