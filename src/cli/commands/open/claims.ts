// The claim's state changes, each one transaction and one audit entry:
// claimOpenShift (and its auto-approval), approveClaim, rejectClaim. The
// notification outbox hooks in here: one function per state change.

import { judgeTaking } from '../../../domain/cover/candidates.js'
import { nextClaimStatus, type Claim } from '../../../domain/cover/claims.js'
import { missingOn } from '../../../domain/cover/open-shifts.js'
import type { IsoDate } from '../../../domain/types.js'
import { ConflictError, NotFoundError, RuleViolationError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { activeShift, loadCoverState } from '../cover/load.js'

export interface ClaimOptions {
  date: IsoDate
  shift: string
  reason?: string | null
}

/**
 * Refuses (throws) unless `staff` may take `shift` on `date` now: a shift in
 * use, today or later, still short of its headcount, and every personal roster
 * rule kept with it. Run at claim and again at approval (the roster may have changed).
 */
function checkClaimable(ctx: Ctx, date: IsoDate, code: string, staff: string): void {
  const shift = activeShift(ctx, code)
  const person = ctx.staff(staff)
  if (!person.active) throw new ConflictError((t) => t.errors.open.notOnTeam(staff), 'conflict')
  const today = ctx.today()
  if (date < today) throw new ConflictError((t) => t.errors.open.past(date, today), 'open.past')
  const state = loadCoverState(ctx, date, date)
  if (missingOn(shift, state.assignments, date) === 0) {
    const have = state.assignments.filter((a) => a.date === date && a.shift === code).length
    throw new ConflictError((t) => t.errors.open.covered(code, date, have, shift.headcount), 'open.covered')
  }
  const violations = judgeTaking(state, date, code, staff)
  if (violations.length) throw new RuleViolationError(violations)
}

/**
 * Puts the claimant on the shift and records the approval (by a lead, or
 * automatically). Called inside the caller's transaction, which it joins.
 */
function applyApproval(ctx: Ctx, claim: Claim, decidedBy: string | null): Claim {
  return ctx.write(() => {
    const store = ctx.store()
    if (!store.claims.decide(claim.id, 'approved', decidedBy, decidedBy === null)) throw new ConflictError((t) => t.errors.open.state(claim.id, t.open.claimStatus[claim.status]), 'open.state')
    ctx.store().assignments.insert({ date: claim.date, shift: claim.shift, staff: claim.staff })
    const after = store.claims.find(claim.id)!
    ctx.audit('open.approve', `claim #${claim.id}`, claim, after)
    return after
  })
}

/** The acting person claims an open shift; approved at once when open.auto-approve is true. */
export function claimOpenShift(ctx: Ctx, o: ClaimOptions): Claim {
  const actor = ctx.actor()
  return ctx.write(() => {
    const store = ctx.store()
    checkClaimable(ctx, o.date, o.shift, actor.id)
    const already = store.claims.findPending(o.date, o.shift, actor.id)
    if (already) throw new ConflictError((t) => t.errors.open.duplicate(already.id, actor.id, o.shift, o.date), 'open.duplicate')
    const claim = store.claims.insert({ date: o.date, shift: o.shift, staff: actor.id, createdAt: (ctx.deps.realNow?.() ?? ctx.now()).toISOString(), reason: o.reason ?? null })
    ctx.audit('open.claim', `claim #${claim.id}`, null, claim)
    return ctx.config().openAutoApprove ? applyApproval(ctx, claim, null) : claim
  })
}

/** The pending claim `id`, for a lead to decide: not their own, still pending. */
function claimToDecide(ctx: Ctx, id: number, lead: string): Claim {
  const claim = ctx.store().claims.find(id)
  if (!claim) throw new NotFoundError((t) => t.errors.open.noClaim(id))
  if (claim.staff === lead) throw new ConflictError((t) => t.errors.open.own(lead), 'permission')
  if (nextClaimStatus(claim.status, 'approve') === null) throw new ConflictError((t) => t.errors.open.state(id, t.open.claimStatus[claim.status]), 'open.state')
  return claim
}

/** A lead approves a pending claim: the rules are checked again, then the claimant is on the shift. */
export function approveClaim(ctx: Ctx, id: number): Claim {
  const lead = ctx.lead('approve claims')
  return ctx.write(() => {
    const claim = claimToDecide(ctx, id, lead.id)
    checkClaimable(ctx, claim.date, claim.shift, claim.staff)
    return applyApproval(ctx, claim, lead.id)
  })
}

/** A lead rejects a pending claim; the roster does not change. */
export function rejectClaim(ctx: Ctx, id: number): Claim {
  const lead = ctx.lead('reject claims')
  return ctx.write(() => {
    const store = ctx.store()
    const claim = claimToDecide(ctx, id, lead.id)
    if (!store.claims.decide(id, 'rejected', lead.id, false)) throw new ConflictError((t) => t.errors.open.state(id, t.open.claimStatus[claim.status]), 'open.state')
    const after = store.claims.find(id)!
    ctx.audit('open.reject', `claim #${id}`, claim, after)
    return after
  })
}
