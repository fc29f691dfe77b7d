// What the interactive `swap request` may offer: which of the requester's
// shifts could be given away at all, and which colleagues could take one, each
// judged by the same swap rules the request itself is checked with
// (checkSwap), so nothing is offered that the request would then refuse.

import { dayRange, monthOf } from '../dates.js'
import { ACTIVE_SWAP_STATUSES, type IsoDate, type Violation } from '../types.js'
import { checkSwap, consecutive, holiday, leave, monthlyLimit, past } from './index.js'
import { shiftsOn } from './plan.js'
import type { SwapKind } from './plan.js'
import type { SwapCheckInput, SwapRule } from './types.js'
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

/** A colleague with whom no swap of that shift keeps every rule, and why. */
export interface RefusedColleague {
  counterpart: string
  kind: SwapKind
  /**
   * The violations that refuse every try: for an exchange all of them; for a
   * cover those of the rules broken on every payback date tried (empty when
   * each date fails for a reason of its own, or no date was there to try).
   */
  violations: Violation[]
  /** For a cover: how many payback dates were tried (0: no day in the range on which the colleague works and the requester is off). */
  paybacksTried: number
}

export interface CandidateQuery {
  requester: string
  date: IsoDate
  colleagues: readonly string[]
  /** A payback date the requester already chose, else every date in `paybackRange` is tried. */
  payback?: IsoDate
  paybackRange: { from: IsoDate; to: IsoDate }
}

export interface CandidateReport {
  /** Who could take the shift, who swapped least in that month first (then by id). */
  candidates: SwapCandidate[]
  /** Everyone else asked about, in the order asked. */
  refused: RefusedColleague[]
}

type Base = Omit<SwapCheckInput, 'swap'>

/**
 * The colleagues with whom giving away `date` passes every swap rule, and
 * those with whom it does not, with the violations that say why. `base` must
 * hold the roster over the payback range plus the rules' margins, and the
 * active swaps of everyone asked about.
 */
export function assessColleagues(base: Base, q: CandidateQuery): CandidateReport {
  const candidates: SwapCandidate[] = []
  const refused: RefusedColleague[] = []
  for (const p of q.colleagues) {
    if (p === q.requester) continue
    const verdict = judge(base, q, p, false)
    if ('paybacks' in verdict) candidates.push(verdict)
    else refused.push(verdict)
  }
  candidates.sort((a, b) => a.swapsThisMonth - b.swapsThisMonth || compareText(a.counterpart, b.counterpart))
  return { candidates, refused }
}

/** The colleagues with whom giving away `date` passes every swap rule (assessColleagues' candidates). */
export function findSwapCandidates(base: Base, q: CandidateQuery): SwapCandidate[] {
  return assessColleagues(base, q).candidates
}

/** True when at least one colleague could take the shift on `date` under every rule; stops at the first. */
export function anyoneCanTake(base: Base, q: CandidateQuery): boolean {
  return q.colleagues.some((p) => p !== q.requester && 'paybacks' in judge(base, q, p, true))
}

/** The swap rules whose verdict on giving away a shift depends only on the requester and its date. */
export const REQUESTER_RULES: readonly SwapRule[] = [past, holiday, leave, monthlyLimit, consecutive]

/**
 * Why the requester could give away their shift on `date` to nobody at all,
 * whoever the colleague: a past date, a holiday, their leave, their monthly
 * limit, their own swap on or next to that day. Empty when those rules allow it.
 */
export function requesterBlocks(base: Base, requester: string, date: IsoDate): Violation[] {
  // A counterpart with no shifts, leave or swaps: what is left is the requester's and the date's.
  const nobody = '\u0000'
  return checkSwap({ ...base, swap: { requester, counterpart: nobody, date, payback: null } }, REQUESTER_RULES).filter((v) => v.staff === undefined || v.staff === requester)
}

/** One colleague's verdict; `first` stops at the first payback date that passes (enough to know they could). */
function judge(base: Base, q: CandidateQuery, p: string, first: boolean): SwapCandidate | RefusedColleague {
  const month = monthOf(q.date)
  const swapsThisMonth = base.swaps.filter((s) => !s.reverses && ACTIVE_SWAP_STATUSES.includes(s.status) && (s.requester === p || s.counterpart === p) && monthOf(s.date) === month).length
  const check = (payback: IsoDate | null) => checkSwap({ ...base, swap: { requester: q.requester, counterpart: p, date: q.date, payback } })
  const theirs = shiftsOn(base.roster, p, q.date)[0]
  if (theirs) {
    // An exchange takes no payback date: with one chosen already, swap.ownership says so.
    const violations = check(q.payback ?? null)
    return violations.length
      ? { counterpart: p, kind: 'exchange', violations, paybacksTried: 0 }
      : { counterpart: p, kind: 'exchange', theirShift: theirs.shift, paybacks: [], swapsThisMonth }
  }
  // A cover is paid back on a day the colleague works and the requester is off (swap.ownership).
  const tries = q.payback ? [q.payback] : dayRange(q.paybackRange.from, q.paybackRange.to).filter((d) => d !== q.date && shiftsOn(base.roster, p, d).length > 0 && !shiftsOn(base.roster, q.requester, d).length)
  const paybacks: IsoDate[] = []
  const failures: Violation[][] = []
  for (const d of tries) {
    const v = check(d)
    if (!v.length) {
      paybacks.push(d)
      if (first) break
    } else if (!paybacks.length) failures.push(v)
  }
  if (paybacks.length) return { counterpart: p, kind: 'cover', theirShift: null, paybacks, swapsThisMonth }
  // The rules broken on every date tried are the reason; the first date's sentences say it.
  const everywhere = failures.length ? failures.slice(1).reduce((ids, v) => new Set(v.map((x) => x.rule).filter((r) => ids.has(r))), new Set(failures[0]!.map((x) => x.rule))) : new Set<string>()
  return { counterpart: p, kind: 'cover', violations: (failures[0] ?? []).filter((v) => everywhere.has(v.rule)), paybacksTried: tries.length }
}
