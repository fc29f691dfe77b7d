// roster swap accept|decline|approve|reject|cancel <swap-id>: one step of a swap.

import { approverViolations, checkSwap } from '../../../domain/swaps/index.js'
import { planSwap } from '../../../domain/swaps/plan.js'
import { nextSwapStatus } from '../../../domain/swaps/transitions.js'
import { reversalOf, UNDO_RULES } from '../../../domain/swaps/undo.js'
import type { SwapAction, SwapRecord } from '../../../domain/swaps/types.js'
import type { Assignment } from '../../../domain/types.js'
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { loadSwapInput } from './load.js'
import { refusal } from './request.js'

export type SwapStep = Exclude<SwapAction, 'request'>

export interface SwapStepOptions {
  id: number
  action: SwapStep
  reason?: string
}

export interface SwapStepResult {
  swap: SwapRecord
  /** For an approval: the roster change it made. */
  removed: Assignment[]
  added: Assignment[]
}

/** A swap id as typed: a positive whole number. */
export function parseSwapId(raw: string): number {
  const t = String(raw).trim()
  if (!/^\d{1,15}$/.test(t) || Number(t) < 1) throw new UsageError((m) => m.errors.swapId(t.slice(0, 20)), 'bad-id')
  return Number(t)
}

/**
 * Takes one step on a stored swap, in one IMMEDIATE transaction: who may take
 * it (swap.approver), whether the swap's state allows it (swap.state), and for
 * accept and approve every swap rule against the roster as it is now. An
 * approval applies the swap to the roster in the same transaction.
 */
export function runSwapStep(ctx: Ctx, o: SwapStepOptions): SwapStepResult {
  const actor = ctx.actor()
  return ctx.write((store) => {
    const swap = store.swaps.find(o.id)
    if (!swap) throw new NotFoundError((t) => t.errors.noSwap(o.id))
    const denied = approverViolations(swap, actor, o.action)
    if (denied.length) throw new RuleViolationError(denied)
    const next = nextSwapStatus(swap.status, o.action)
    if ('problem' in next) throw new ConflictError((t) => t.errors.swapState(swap.id, swap.status, o.action), 'swap.state')
    let removed: Assignment[] = []
    let added: Assignment[] = []
    // A reversal (swap undo) plays the swap it undoes backwards, under the undo rules.
    const original = swap.reverses ? store.swaps.find(swap.reverses) : undefined
    if (swap.reverses && original?.status !== 'approved' && (o.action === 'accept' || o.action === 'approve')) {
      throw new ConflictError((t) => t.errors.swapState(swap.reverses!, original?.status ?? 'cancelled', 'undo'), 'swap.state')
    }
    const proposal = original ? reversalOf(original) : swap
    if (o.action === 'accept' || o.action === 'approve') {
      const input = loadSwapInput(store, proposal, ctx.today(), { staff: actor, action: o.action })
      const violations = checkSwap(input, original ? UNDO_RULES : undefined)
      if (violations.length) throw new RuleViolationError(violations, refusal(violations))
      if (o.action === 'approve') {
        const plan = planSwap(input.roster, proposal)!
        for (const a of plan.remove) store.assignments.delete(a)
        for (const a of plan.add) store.assignments.insert(a)
        removed = plan.remove
        added = plan.add
      }
    }
    const final = next.to !== 'accepted'
    store.swaps.updateStatus(swap.id, swap.status, next.to, final ? actor.id : null, final ? (o.reason ?? null) : null)
    const after = store.swaps.find(swap.id)!
    if (original && o.action === 'approve') {
      store.swaps.markUndone(original.id)
      ctx.audit('swap.undone', `swap #${original.id}`, { swap: original }, { swap: store.swaps.find(original.id), reversal: swap.id })
    }
    ctx.audit(`swap.${o.action}`, `swap #${swap.id}`, { swap, ...(removed.length ? { assignments: removed } : {}) }, { swap: after, ...(added.length ? { assignments: added } : {}) })
    return { swap: after, removed, added }
  })
}
