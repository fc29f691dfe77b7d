// roster inbox: what waits on the acting person (SPEC 12): swaps to accept or
// decline, swaps, leave and claims to approve (leads), paybacks owed, open
// shifts they could take, and their next shifts.

import type { Command } from 'commander'
import { judgeTaking } from '../../../domain/cover/candidates.js'
import { findOpenShifts, type OpenShift } from '../../../domain/cover/open-shifts.js'
import { addDays } from '../../../domain/dates.js'
import type { SwapRecord } from '../../../domain/swaps/types.js'
import type { IsoDate } from '../../../domain/types.js'
import type { Messages } from '../../../i18n/index.js'
import { rosterEntries, type RosterEntry } from '../../../views/roster.js'
import type { App } from '../../app.js'
import type { Ctx } from '../../context.js'
import { dayLabel, describeSwap, swapJson } from '../swap/render.js'
import { loadCoverState } from '../cover/load.js'

/** How far ahead the inbox looks for open shifts and next shifts. */
export const INBOX_DAYS = 28
/** How many next shifts it lists. */
export const NEXT_SHIFTS = 5

export type ApprovalItem =
  | { kind: 'swap'; id: number; requester: string; counterpart: string; date: IsoDate; payback: IsoDate | null; swap: SwapRecord }
  | { kind: 'leave'; id: number; staff: string; from: IsoDate; to: IsoDate }
  | { kind: 'claim'; id: number; staff: string; date: IsoDate; shift: string }

export interface Inbox {
  staff: string
  toAnswer: SwapRecord[]
  toApprove: ApprovalItem[]
  owed: SwapRecord[]
  open: OpenShift[]
  next: RosterEntry[]
}

export function registerInbox(program: Command, app: App): void {
  program
    .command('inbox')
    .description('what waits on you (--as): swaps to answer or approve, leave and claims to approve, paybacks, open shifts you could take, your next shifts')
    .action(app.action((ctx) => {
      const inbox = runInbox(ctx)
      ctx.out(inboxJson(inbox), () => renderInbox(inbox, ctx.t))
    }))
}

export function runInbox(ctx: Ctx): Inbox {
  const me = ctx.actor()
    const today = ctx.today()
  const lead = me.role === 'lead' || me.role === 'manager'
  const mine = ctx.store().swaps.list({ staff: me.id })
  const toAnswer = mine.filter((s) => s.status === 'pending' && s.counterpart === me.id)
  // A payback is owed by the requester of an approved cover, on its payback date from today on.
  const owed = mine.filter((s) => s.status === 'approved' && !s.reverses && s.requester === me.id && s.payback !== null && s.payback >= today)
  const toApprove: ApprovalItem[] = []
  if (lead) {
    for (const s of ctx.store().swaps.list({ status: 'accepted' })) {
      if (s.requester !== me.id && s.counterpart !== me.id) toApprove.push({ kind: 'swap', id: s.id, requester: s.requester, counterpart: s.counterpart, date: s.date, payback: s.payback, swap: s })
    }
    for (const l of ctx.store().leaves.list({ status: 'pending' })) if (l.staff !== me.id) toApprove.push({ kind: 'leave', id: l.id, staff: l.staff, from: l.from, to: l.to })
    for (const c of ctx.store().claims.list({ status: 'pending' })) if (c.staff !== me.id) toApprove.push({ kind: 'claim', id: c.id, staff: c.staff, date: c.date, shift: c.shift })
  }
  const until = addDays(today, INBOX_DAYS - 1)
  const state = loadCoverState(ctx, today, until)
  // Open shifts only on days the roster reaches: before its first day and after its last nothing is drawn up yet.
  const drawn = state.assignments.filter((a) => a.date >= today && a.date <= until).map((a) => a.date)
  const first = drawn.reduce<IsoDate | null>((lo, d) => (lo === null || d < lo ? d : lo), null)
  const last = drawn.reduce<IsoDate | null>((hi, d) => (hi === null || d > hi ? d : hi), null)
  const mineClaimed = new Set(ctx.store().claims.list({ staff: me.id, status: 'pending', from: today, to: until }).map((c) => `${c.date}|${c.shift}`))
  // Offered to the people on the rotation, as roster cover asks them.
  const open = first === null || last === null || !me.rotation ? [] : findOpenShifts(state.shifts, state.assignments, first, last)
    .filter((o) => !mineClaimed.has(`${o.date}|${o.shift}`) && judgeTaking(state, o.date, o.shift, me.id).length === 0)
  const next = rosterEntries(ctx.store().assignments.find(today, addDays(today, 366), me.id).slice(0, NEXT_SHIFTS), ctx.store().shifts.active(), ctx.store().holidays.list(today, addDays(today, 366)))
  return { staff: me.id, toAnswer, toApprove, owed, open, next }
}

/** SPEC 12: {toAnswer:[swap], toApprove:[{kind,id}], owed, open, next:[assignment]}. */
export function inboxJson(i: Inbox) {
  return {
    staff: i.staff,
    toAnswer: i.toAnswer.map(swapJson),
    toApprove: i.toApprove.map((a) => (a.kind === 'swap' ? { kind: a.kind, id: a.id, requester: a.requester, counterpart: a.counterpart, date: a.date, payback: a.payback } : a)),
    owed: i.owed.map(swapJson),
    open: i.open,
    next: i.next,
  }
}

export function renderInbox(i: Inbox, t: Messages): string {
  const section = (title: string, lines: string[]) => `${title}\n${lines.length ? lines.map((l) => `  ${l}`).join('\n') : `  ${t.inbox.nothing}`}`
  const approve = i.toApprove.map((a) => {
    switch (a.kind) {
      case 'swap': return t.inbox.swapLine(a.id, describeSwap(a.swap, t))
      case 'leave': return t.inbox.leaveLine(a.id, a.staff, a.from, a.to)
      case 'claim': return t.inbox.claimLine(a.id, a.staff, a.shift, a.date)
    }
  })
  const parts = [
    t.inbox.title(i.staff),
    section(t.inbox.toAnswer, i.toAnswer.map((s) => t.inbox.answerLine(s.id, describeSwap(s, t)))),
  ]
  if (i.toApprove.length) parts.push(section(t.inbox.toApprove, approve))
  parts.push(
    section(t.inbox.owed, i.owed.map((s) => t.inbox.owedLine(s.id, s.counterpart, dayLabel(s.payback!, t)))),
    section(t.inbox.open, i.open.map((o) => t.inbox.openLine(o.date, o.shift, o.missing))),
    section(t.inbox.next, i.next.map((e) => t.inbox.nextLine(dayLabel(e.date, t), e.shift, e.start, e.end))),
  )
  return parts.join('\n')
}
