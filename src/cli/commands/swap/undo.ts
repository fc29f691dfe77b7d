// roster swap undo <swap-id> [--reason]: ask to undo an approved swap.

import { checkSwap } from '../../../domain/swaps/index.js'
import type { SwapRecord } from '../../../domain/swaps/types.js'
import { reversalOf, reversalParties, undoerViolations, UNDO_RULES } from '../../../domain/swaps/undo.js'
import { ConflictError, NotFoundError, RuleViolationError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { loadSwapInput } from './load.js'
import { refusal } from './request.js'

export interface SwapUndoOptions {
  id: number
  reason?: string
}

/**
 * Opens a reversal of an approved swap, in one IMMEDIATE transaction: only a
 * party of the swap asks (swap.approver), only an approved swap that is no
 * reversal itself and has none open (swap.state), and the roster must allow
 * playing it backwards (the undo rules). The other party then accepts it and
 * a lead approves it with the ordinary swap steps.
 */
export function runSwapUndo(ctx: Ctx, o: SwapUndoOptions): SwapRecord {
  const actor = ctx.actor()
  return ctx.write((store) => {
    const swap = store.swaps.find(o.id)
    if (!swap) throw new NotFoundError((t) => t.errors.noSwap(o.id))
    const denied = undoerViolations(swap, actor)
    if (denied.length) throw new RuleViolationError(denied)
    if (swap.reverses) throw new ConflictError((t) => t.errors.undoReversal(swap.id, swap.reverses!), 'swap.state')
    if (swap.status !== 'approved') throw new ConflictError((t) => t.errors.swapState(swap.id, swap.status, 'undo'), 'swap.state')
    const open = store.swaps.openReversal(swap.id)
    if (open) throw new ConflictError((t) => t.errors.undoOpen(swap.id, open.id), 'swap.state')
    const violations = checkSwap(loadSwapInput(store, reversalOf(swap), ctx.today()), UNDO_RULES)
    if (violations.length) throw new RuleViolationError(violations, refusal(violations))
    const reversal = store.swaps.insert({
      ...reversalParties(swap, actor.id),
      date: swap.date,
      payback: swap.payback,
      reason: o.reason ?? null,
      createdAt: ctx.now().toISOString(),
      reverses: swap.id,
    })
    ctx.audit('swap.undo', `swap #${reversal.id}`, { swap }, { swap: reversal })
    return reversal
  })
}
