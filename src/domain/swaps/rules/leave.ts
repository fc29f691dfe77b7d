import { params } from '../../messages.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate, type Leave, type Swap, type Violation } from '../../types.js'
import { swapDates } from '../plan.js'
import type { SwapRule } from '../types.js'
import { participants } from './shared.js'

const HOLDING: readonly Leave['status'][] = ['pending', 'approved']

/**
 * swap.leave, seen from a swap: neither participant may have pending or
 * approved leave on D1 or D2 (rejected leave does not count).
 */
export const leave: SwapRule = {
  id: 'swap.leave',
  title: 'no leave on a swap or payback day',
  check(input) {
    const out: Violation[] = []
    for (const person of participants(input)) {
      for (const d of swapDates(input.swap)) {
        const l = input.roster.leaves.find((x) => x.staff === person && HOLDING.includes(x.status) && x.from <= d && d <= x.to)
        if (l) {
          out.push({ rule: this.id, staff: person, date: d, message: `${person} has ${l.status} leave from ${l.from} to ${l.to}, which covers ${d}; nobody may take leave on a swap or payback day`, params: params('swap.leave', { staff: person, status: l.status, from: l.from, to: l.to, date: d }) })
          break
        }
      }
    }
    return out
  },
  explain(input) {
    const people = participants(input)
    const dates = swapDates(input.swap)
    return { message: `neither ${people.join(' nor ')} has pending or approved leave on ${dates.join(' or ')}`, params: params('swap.leave.ok', { people, dates }) }
  },
}

/**
 * swap.leave, seen from a leave request: `staff` may not take leave on a date
 * (D1 or D2) of one of their active swaps.
 */
export function leaveOverlapsSwaps(staff: string, from: IsoDate, to: IsoDate, swaps: readonly Swap[]): Violation[] {
  const out: Violation[] = []
  for (const s of swaps) {
    if (!ACTIVE_SWAP_STATUSES.includes(s.status) || (s.requester !== staff && s.counterpart !== staff)) continue
    const d = swapDates(s).find((x) => from <= x && x <= to)
    if (d) out.push({ rule: 'swap.leave', staff, date: d, message: `${staff} takes part in swap #${s.id} (${s.status}) on ${d}; nobody may take leave on a swap or payback day`, params: params('swap.leave.swap', { staff, swap: s.id, status: s.status, date: d }) })
  }
  return out
}
