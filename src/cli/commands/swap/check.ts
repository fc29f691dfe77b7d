// roster swap check --date D1 --with id [--payback D2]: the dry run.

import { evaluateSwap, type RuleOutcome } from '../../../domain/swaps/index.js'
import type { IsoDate } from '../../../domain/types.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { loadSwapInput } from './load.js'

export interface SwapCheckOptions {
  date: IsoDate
  with: string
  payback?: IsoDate
}

export interface SwapCheckResult {
  ok: boolean
  rules: RuleOutcome[]
}

/** Every swap rule, passing or failing with a reason, for the acting person giving away `date`; writes nothing. */
export function runSwapCheck(ctx: Ctx, o: SwapCheckOptions): SwapCheckResult {
  const me = ctx.actor()
  const other = ctx.staff(o.with)
  if (other.id === me.id) throw new UsageError((m) => m.errors.withSelfCheck, 'usage')
  if (!other.active) throw new ConflictError((t) => t.errors.notOnTeam(other.id), 'swap.ownership')
  const input = loadSwapInput(ctx.store(), { requester: me.id, counterpart: other.id, date: o.date, payback: o.payback ?? null }, ctx.today(), { staff: me, action: 'request' })
  const rules = evaluateSwap(input)
  return { ok: rules.every((r) => r.ok), rules }
}
