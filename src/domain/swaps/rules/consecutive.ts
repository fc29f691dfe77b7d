import { diffDays } from '../../dates.js'
import { params } from '../../messages.js'
import type { Violation } from '../../types.js'
import { swapDates } from '../plan.js'
import type { SwapRule } from '../types.js'
import { otherActiveSwaps, participants } from './shared.js'

/**
 * swap.consecutive: no swaps on consecutive days. No two active swaps of one
 * person may touch dates (D1, or D2 for a cover) that are equal or one day
 * apart; two days apart is fine.
 */
export const consecutive: SwapRule = {
  id: 'swap.consecutive',
  title: 'no swaps on consecutive days',
  check(input) {
    const mine = swapDates(input.swap)
    const out: Violation[] = []
    for (const person of participants(input)) {
      for (const other of otherActiveSwaps(input, person)) {
        const clash = mine.flatMap((d) => swapDates(other).filter((o) => Math.abs(diffDays(d, o)) <= 1).map((o) => [d, o] as const))[0]
        if (!clash) continue
        const [d, o] = clash
        out.push({
          rule: this.id,
          staff: person,
          date: d,
          dates: [d, o],
          // The same day is said once; a neighbouring day names both dates.
          message: d === o
            ? `${person} already takes part in swap #${other.id} (${other.status}) on that day, ${d}; swaps may not be on the same or consecutive days`
            : `${person} already takes part in swap #${other.id} (${other.status}) on ${o}, the day next to ${d}; swaps may not be on consecutive days`,
          params: params('swap.consecutive', { staff: person, swap: other.id, status: other.status, other: o, date: d }),
        })
        break
      }
    }
    return out
  },
  explain(input) {
    const people = participants(input)
    const dates = swapDates(input.swap)
    return { message: `neither ${people.join(' nor ')} has another swap on or next to ${dates.join(' or ')}`, params: params('swap.consecutive.ok', { people, dates }) }
  },
}
