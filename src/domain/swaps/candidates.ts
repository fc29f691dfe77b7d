// Who could take a shift: the colleagues with whom a swap keeps every rule,
// for the interactive `swap request`.

import { dayRange, monthOf } from '../dates.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate } from '../types.js'
import { checkSwap } from './index.js'
import { shiftsOn } from './plan.js'
import type { SwapKind } from './plan.js'
import type { SwapCheckInput } from './types.js'
import { compareText } from '../compare.js'

export interface SwapCandidate {
  counterpart: string
  kind: SwapKind
  /** The counterpart's shift on D1 for an exchange. */
  theirShift: string | null
  /** For a cover: payback dates on which the swap keeps every rule, earliest first. */
  paybacks: IsoDate[]
  /** Active swaps the counterpart takes part in during D1's month. */
  swapsThisMonth: number
}

export interface CandidateQuery {
  requester: string
  date: IsoDate
  colleagues: readonly string[]
  /** A payback date the requester already chose, else every date in `paybackRange` is tried. */
  payback?: IsoDate
  paybackRange: { from: IsoDate; to: IsoDate }
}

/**
 * The colleagues with whom giving away `date` passes every swap rule, ranked
 * by who has swapped least in that month (then by id). `base` must hold the
 * roster over the payback range plus the rules' margins, and the active swaps
 * of everyone asked about.
 */
export function findSwapCandidates(base: Omit<SwapCheckInput, 'swap'>, q: CandidateQuery): SwapCandidate[] {
  const month = monthOf(q.date)
  const out: SwapCandidate[] = []
  for (const p of q.colleagues) {
    if (p === q.requester) continue
    const swapsThisMonth = base.swaps.filter((s) => !s.reverses && ACTIVE_SWAP_STATUSES.includes(s.status) && (s.requester === p || s.counterpart === p) && monthOf(s.date) === month).length
    const passes = (payback: IsoDate | null) => checkSwap({ ...base, swap: { requester: q.requester, counterpart: p, date: q.date, payback } }).length === 0
    const theirs = shiftsOn(base.roster, p, q.date)[0]
    if (theirs) {
      if (!q.payback && passes(null)) out.push({ counterpart: p, kind: 'exchange', theirShift: theirs.shift, paybacks: [], swapsThisMonth })
      continue
    }
    const tries = q.payback ? [q.payback] : dayRange(q.paybackRange.from, q.paybackRange.to).filter((d) => d !== q.date && shiftsOn(base.roster, p, d).length > 0)
    const paybacks = tries.filter((d) => passes(d))
    if (paybacks.length) out.push({ counterpart: p, kind: 'cover', theirShift: null, paybacks, swapsThisMonth })
  }
  return out.sort((a, b) => a.swapsThisMonth - b.swapsThisMonth || compareText(a.counterpart, b.counterpart))
}
