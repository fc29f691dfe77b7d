// roster staff add|list|remove

import type { Command } from 'commander'
import { ROLES, type Role, type Staff } from '../../../domain/types.js'
import { nameProblem, staffIdProblem } from '../../../domain/validate.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { renderTable } from '../../render/table.js'

export function registerStaff(program: Command, app: App): void {
  const staff = program.command('staff').description('the team: add, list and remove people')
  staff
    .command('add <id>')
    .description('add a person to the team')
    .requiredOption('--name <name>', 'their name (any script)')
    .option('--role <role>', 'agent, lead or manager', 'agent')
    .option('--off-rotation', 'never given shifts by generate (leads usually)')
    .action(app.action((ctx, [id], raw) => {
      const s = runStaffAdd(ctx, parseStaffAdd(id!, raw))
      ctx.out({ staff: s }, () => ctx.t.staff.added(s.id, s.name, ctx.t.roles[s.role], s.rotation))
    }))
  staff
    .command('list')
    .description('list the team')
    .option('--all', 'include people who were removed')
    .action(app.action((ctx, _args, raw) => {
      const list = ctx.store().staff.all({ includeInactive: !!raw.all })
      ctx.out({ staff: list }, () => renderStaffList(ctx, list))
    }))
  staff
    .command('remove <id>')
    .description('take a person off the team (their history stays; their shifts from today on become open)')
    .action(app.action((ctx, [id]) => {
      const r = runStaffRemove(ctx, id!)
      ctx.out({ staff: r.staff, uncovered: r.uncovered, cancelledSwaps: r.cancelledSwaps, rejectedLeaves: r.rejectedLeaves }, () => {
        const lines = [ctx.t.staff.removed(r.staff.id, r.uncovered.length, ctx.today())]
        if (r.cancelledSwaps.length || r.rejectedLeaves.length) lines.push(ctx.t.staff.closedRequests(r.cancelledSwaps, r.rejectedLeaves))
        return lines.join('\n')
      })
    }))
}

export function parseStaffAdd(id: string, raw: Record<string, unknown>): Staff {
  const problem = staffIdProblem(id) ?? nameProblem(String(raw.name ?? ''))
  if (problem) throw new UsageError(problem)
  const role = String(raw.role ?? 'agent') as Role
  if (!ROLES.includes(role)) throw new UsageError((m) => m.errors.staff.badRole(String(raw.role)))
  return { id, name: String(raw.name).trim(), role, rotation: !raw.offRotation, active: true }
}

export function runStaffAdd(ctx: Ctx, s: Staff): Staff {
  // A team without any lead yet lets its first lead or manager be added by anyone.
  if (ctx.hasLead() || s.role === 'agent') ctx.lead('add staff')
  return ctx.write((store) => {
    const existing = store.staff.find(s.id)
    if (existing?.active) throw new ConflictError((m) => m.errors.staff.duplicate(s.id), 'duplicate')
    if (existing) store.staff.update(s)
    else store.staff.insert(s, ctx.now().toISOString())
    ctx.audit('staff.add', s.id, existing ?? null, s)
    return s
  })
}

export interface StaffRemoval {
  staff: Staff
  uncovered: { date: string; shift: string }[]
  /** Their pending and accepted swaps (undo requests included), now cancelled. */
  cancelledSwaps: number[]
  /** Their pending leave requests, now rejected. */
  rejectedLeaves: number[]
}

/**
 * Takes a person off the team in one transaction: their shifts from today on
 * become open, their swaps still in progress are cancelled and their pending
 * leave requests rejected (each audited), so none counts towards anyone's limit.
 */
export function runStaffRemove(ctx: Ctx, id: string): StaffRemoval {
  const actor = ctx.lead('remove staff')
  return ctx.write((store) => {
    const person = ctx.staff(id)
    if (!person.active) throw new ConflictError((m) => m.errors.staff.alreadyRemoved(id), 'conflict')
    if (person.id === actor.id) throw new ConflictError((m) => m.errors.staff.removeSelf, 'conflict')
    const from = ctx.today()
    const gone = store.assignments.find(from, '9999-12-31', id)
    store.assignments.deleteInRange(from, '9999-12-31', id)
    const cancelledSwaps: number[] = []
    for (const s of store.swaps.list({ staff: id })) {
      if (s.status !== 'pending' && s.status !== 'accepted') continue
      store.swaps.updateStatus(s.id, s.status, 'cancelled', actor.id, `${id} left the team`)
      ctx.audit('swap.cancel', `swap #${s.id}`, { swap: s }, { swap: store.swaps.find(s.id), why: 'staff.remove' })
      cancelledSwaps.push(s.id)
    }
    const rejectedLeaves: number[] = []
    for (const l of store.leaves.list({ staff: id, status: 'pending' })) {
      store.leaves.decide(l.id, 'rejected', actor.id)
      ctx.audit('leave.reject', `leave #${l.id}`, { leave: l }, { leave: store.leaves.find(l.id), why: 'staff.remove' })
      rejectedLeaves.push(l.id)
    }
    const after = { ...person, active: false }
    store.staff.update(after)
    ctx.audit('staff.remove', id, { staff: person, assignments: gone }, { staff: after, cancelledSwaps, rejectedLeaves })
    return { staff: after, uncovered: gone.map((a) => ({ date: a.date, shift: a.shift })), cancelledSwaps, rejectedLeaves }
  })
}

function renderStaffList(ctx: Ctx, list: Staff[]): string {
  const { t } = ctx
  if (!list.length) return t.staff.empty
  return renderTable({
    head: [t.staff.id, t.staff.name, t.staff.role, t.staff.rotation, t.staff.active],
    rows: list.map((s) => [s.id, s.name, t.roles[s.role], s.rotation ? t.yes : t.no, s.active ? t.yes : t.no]),
    color: ctx.color,
  })
}
