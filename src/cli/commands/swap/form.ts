// roster swap form <swap-id> [-o file.html]: the printable swap registration form.

import { buildSwapForm, type SwapForm } from '../../../domain/swaps/form.js'
import { planSwap } from '../../../domain/swaps/plan.js'
import { reversalOf } from '../../../domain/swaps/undo.js'
import type { Assignment } from '../../../domain/types.js'
import { NotFoundError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { loadSwapInput } from './load.js'

/** The form's data: the shifts the swap moves, as approval recorded them or as the roster plans them now. */
export function runSwapForm(ctx: Ctx, id: number): SwapForm {
  const store = ctx.store()
  const swap = store.swaps.find(id)
  if (!swap) throw new NotFoundError((t) => t.errors.noSwap(id))
  let moved: Assignment[] = []
  if (swap.status === 'approved' || swap.status === 'undone') {
    const entry = store.audit.latest('swap.approve', `swap #${id}`)
    const after = entry?.after as { assignments?: Assignment[] } | null | undefined
    moved = after?.assignments ?? []
  } else {
    const original = swap.reverses ? store.swaps.find(swap.reverses) : undefined
    const proposal = original ? reversalOf(original) : swap
    const input = loadSwapInput(store, proposal, ctx.today())
    moved = planSwap(input.roster, proposal)?.add ?? []
  }
  const requester = ctx.staff(swap.requester)
  const counterpart = ctx.staff(swap.counterpart)
  return buildSwapForm(swap, { requester, counterpart }, moved, store.shifts.all(), ctx.now().toISOString())
}
