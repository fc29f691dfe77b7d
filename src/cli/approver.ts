// Whom a "Waiting for a lead" hint names, so the command it prints works as
// printed: a lead or manager on the team who takes no part in the request.

import type { Ctx } from './context.js'

/** The acting person when they may decide, else the first such lead or manager by id; undefined when there is none. */
export function suggestApprover(ctx: Ctx, participants: readonly string[]): string | undefined {
  const can = ctx.store().staff.all().filter((s) => (s.role === 'lead' || s.role === 'manager') && s.active && !participants.includes(s.id))
  let acting: string | undefined
  try {
    acting = ctx.actor().id
  } catch {
    acting = undefined
  }
  return acting && can.some((s) => s.id === acting) ? acting : can[0]?.id
}
