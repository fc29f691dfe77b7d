// The one line other commands print on stderr when something waits on the
// acting person ("2 swaps wait for your answer: roster inbox"). Cheap: only
// after a command that opened the database anyway, one setting read and one
// count query by partial indexes (migration 8). Never under --json, --quiet or
// notify.hint false, and only when the acting person is known without error.

import type { Ctx } from './context.js'

export function printWaitingHint(ctx: Ctx, command: string): void {
  if (ctx.json || ctx.globals.quiet || command === 'inbox' || !ctx.isOpen()) return
  try {
    const store = ctx.store()
    if (store.inbox.setting('notify.hint') === 'false') return
    const me = ctx.actor()
    const w = store.inbox.waiting(me.id, me.role === 'lead' || me.role === 'manager')
    if (w.answer || w.approve) ctx.deps.stderr.write(`${ctx.t.inbox.hint(w.answer, w.approve)}\n`)
  } catch {
    // No acting person, or a database too old to count in: no hint, and the command's own outcome stands.
  }
}
