// roster leave request --from --to [--reason] | approve|reject <id> | list [--status] [--staff]

import type { Command } from 'commander'
import { diffDays } from '../../../domain/dates.js'
import { leaveHolidayViolations, leaveOverlapsSwaps } from '../../../domain/swaps/index.js'
import { LEAVE_STATUSES, LEAVE_TRANSITIONS } from '../../../domain/swaps/transitions.js'
import type { LeaveRecord } from '../../../domain/swaps/types.js'
import type { Assignment, IsoDate, LeaveStatus, Violation } from '../../../domain/types.js'
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from '../../../errors.js'
import type { Store } from '../../../store/store.js'
import type { LeaveFilter } from '../../../store/leaves.js'
import type { Ctx } from '../../context.js'
import { suggestApprover } from '../../approver.js'
import type { App } from '../../app.js'
import { renderTable } from '../../render/table.js'
import type { Messages } from '../../../i18n/index.js'
import { parseReason, refusal } from '../swap/request.js'

/** Longest leave one request may cover. */
export const MAX_LEAVE_DAYS = 366

export interface LeaveRequestOptions {
  from: IsoDate
  to: IsoDate
  reason?: string
}

export function registerLeave(program: Command, app: App): void {
  const leave = program.command('leave').description('leave: request, approve or reject, list')
  leave
    .command('request')
    .description('ask for leave (a lead approves it)')
    .requiredOption('--from <date>', 'first day of leave')
    .requiredOption('--to <date>', 'last day of leave')
    .option('--reason <text>', 'why (shown to the lead)')
    .action(app.action((ctx, _args, raw) => {
      const l = runLeaveRequest(ctx, parseLeaveRequest(ctx, raw))
      ctx.out({ leave: leaveJson(l) }, () => ctx.t.leave.requested(l.id, l.staff, l.from, l.to, suggestApprover(ctx, [l.staff])))
    }))
  for (const step of ['approve', 'reject'] as const) {
    leave
      .command(`${step} <leave-id>`)
      .description(step === 'approve' ? "approve leave: the person's shifts in the range are removed and left uncovered" : 'refuse leave')
      .action(app.action((ctx, [id]) => {
        const r = runLeaveDecision(ctx, parseLeaveId(id!), step)
        ctx.out({ leave: leaveJson(r.leave), ...(step === 'approve' ? { removed: r.removed } : {}) }, () => renderDecision(r, ctx.t))
      }))
  }
  leave
    .command('list')
    .description('list leave (no identity needed)')
    .option('--status <s>', `only this status: ${LEAVE_STATUSES.join(', ')}`)
    .option('--staff <id>', "only this person's leave")
    .action(app.action((ctx, _args, raw) => {
      const list = ctx.store().leaves.list(parseLeaveList(ctx, raw))
      ctx.out({ leaves: list.map(leaveJson) }, () => renderLeaveList(list, ctx.color, ctx.t))
    }))
}

/** SPEC section 6: {id, staff, from, to, status} plus extra fields. */
export function leaveJson(l: LeaveRecord) {
  return { id: l.id, staff: l.staff, from: l.from, to: l.to, status: l.status, reason: l.reason, createdAt: l.createdAt, decidedBy: l.decidedBy }
}

export function parseLeaveRequest(ctx: Ctx, raw: Record<string, unknown>): LeaveRequestOptions {
  const from = ctx.date(String(raw.from), '--from')
  const to = ctx.date(String(raw.to), '--to')
  if (from > to) throw new UsageError((m) => m.errors.leave.fromAfterTo(from, to), 'bad-range')
  if (diffDays(from, to) + 1 > MAX_LEAVE_DAYS) throw new UsageError((m) => m.errors.leave.tooLong(from, to, diffDays(from, to) + 1, MAX_LEAVE_DAYS), 'bad-range')
  const o: LeaveRequestOptions = { from, to }
  if (raw.reason !== undefined) {
    const r = parseReason(String(raw.reason), '--reason')
    if (r !== null) o.reason = r
  }
  return o
}

export function parseLeaveId(raw: string): number {
  const t = String(raw).trim()
  if (!/^\d{1,15}$/.test(t) || Number(t) < 1) throw new UsageError((m) => m.errors.leave.badId(t.slice(0, 20)), 'bad-id')
  return Number(t)
}

export function parseLeaveList(ctx: Ctx, raw: Record<string, unknown>): LeaveFilter {
  const f: LeaveFilter = {}
  if (raw.status !== undefined) {
    const s = String(raw.status) as LeaveStatus
    if (!LEAVE_STATUSES.includes(s)) throw new UsageError((m) => m.errors.usage.statusOneOf(LEAVE_STATUSES, String(raw.status).slice(0, 20)))
    f.status = s
  }
  if (raw.staff !== undefined) f.staff = ctx.staff(String(raw.staff)).id
  return f
}

/** What refuses leave for `staff` over [from, to]: a holiday shift in it (leave.holiday), an active swap on a date in it (swap.leave). */
function leaveViolations(store: Store, staff: string, from: IsoDate, to: IsoDate): Violation[] {
  return [
    ...leaveHolidayViolations(staff, from, to, store.assignments.find(from, to, staff), store.holidays.list(from, to)),
    ...leaveOverlapsSwaps(staff, from, to, store.swaps.activeOf([staff], { from, to })),
  ]
}

/** Files leave for the acting person, checked and stored in one IMMEDIATE transaction. */
export function runLeaveRequest(ctx: Ctx, o: LeaveRequestOptions): LeaveRecord {
  const me = ctx.actor()
  const today = ctx.today()
  if (o.from < today) throw new ConflictError((m) => m.errors.leave.past(o.from, today), 'leave.past')
  return ctx.write((store) => {
    const overlap = store.leaves.list({ staff: me.id, from: o.from, to: o.to }).find((l) => l.status !== 'rejected')
    if (overlap) throw new ConflictError((m) => m.errors.leave.overlap(me.id, overlap.status, overlap.id, overlap.from, overlap.to, o.from, o.to), 'leave.overlap')
    const violations = leaveViolations(store, me.id, o.from, o.to)
    if (violations.length) throw new RuleViolationError(violations, refusal(violations))
    const l = store.leaves.insert({ staff: me.id, from: o.from, to: o.to, reason: o.reason ?? null, createdAt: ctx.now().toISOString() })
    ctx.audit('leave.request', `leave #${l.id}`, null, { leave: l })
    return l
  })
}

export interface LeaveDecision {
  leave: LeaveRecord
  /** For an approval: the person's shifts in the range, now uncovered. */
  removed: Assignment[]
}

/**
 * Approves or rejects pending leave (a lead or manager, not for their own
 * leave). Approval re-checks leave.holiday and swap.leave and removes the
 * person's shifts in the range in the same transaction; the audit keeps them.
 */
export function runLeaveDecision(ctx: Ctx, id: number, action: 'approve' | 'reject'): LeaveDecision {
  const actor = ctx.actor()
  return ctx.write((store) => {
    const leave = store.leaves.find(id)
    if (!leave) throw new NotFoundError((t) => t.errors.noLeave(id))
    ctx.lead(`${action} leave`)
    if (leave.staff === actor.id) throw new ConflictError((t) => t.errors.ownLeave(actor.id, action), 'permission')
    if (!LEAVE_TRANSITIONS[action].from.includes(leave.status)) throw new ConflictError((t) => t.errors.leaveState(id, leave.status, action === 'approve'), 'leave.state')
    let removed: Assignment[] = []
    if (action === 'approve') {
      const violations = leaveViolations(store, leave.staff, leave.from, leave.to)
      if (violations.length) throw new RuleViolationError(violations, refusal(violations))
      removed = store.assignments.find(leave.from, leave.to, leave.staff)
      store.assignments.deleteInRange(leave.from, leave.to, leave.staff)
    }
    store.leaves.decide(id, LEAVE_TRANSITIONS[action].to as 'approved' | 'rejected', actor.id)
    const after = store.leaves.find(id)!
    ctx.audit(`leave.${action}`, `leave #${id}`, { leave, ...(removed.length ? { assignments: removed } : {}) }, { leave: after })
    return { leave: after, removed }
  })
}

function renderDecision(r: LeaveDecision, t: Messages): string {
  const l = r.leave
  if (l.status === 'rejected') return t.leave.rejected(l.id, l.staff, l.from, l.to)
  return t.leave.approved(l.id, l.staff, l.from, l.to, r.removed.map((a) => `${a.date} ${a.shift}`))
}

function renderLeaveList(list: readonly LeaveRecord[], color: boolean, t: Messages): string {
  if (!list.length) return t.leave.none
  return renderTable({
    head: [t.leave.id, t.leave.staff, t.leave.from, t.leave.to, t.leave.days, t.leave.status, t.leave.reason],
    rows: list.map((l) => [String(l.id), l.staff, l.from, l.to, String(diffDays(l.from, l.to) + 1), t.leaveStatus[l.status], l.reason ?? '']),
    color,
    numeric: [0, 4],
  })
}
