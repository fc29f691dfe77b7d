// roster staff add|list|remove

import type { Command } from 'commander'
import { ROLES, type Role, type Staff } from '../../../domain/types.js'
import { nameProblem, staffIdProblem } from '../../../domain/validate.js'
import { ConflictError, UsageError } from '../../../errors.js'
import { deleteAssignmentsInRange, findAssignments } from '../../../store/assignments.js'
import { findAllStaff, findStaff, insertStaff, updateStaff } from '../../../store/staff.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../program.js'
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
      const list = findAllStaff(ctx.db(), { includeInactive: !!raw.all })
      ctx.out({ staff: list }, () => renderStaffList(ctx, list))
    }))
  staff
    .command('remove <id>')
    .description('take a person off the team (their history stays; their shifts from today on become open)')
    .action(app.action((ctx, [id]) => {
      const r = runStaffRemove(ctx, id!)
      ctx.out({ staff: r.staff, uncovered: r.uncovered }, () => ctx.t.staff.removed(r.staff.id, r.uncovered.length, ctx.today()))
    }))
}

export function parseStaffAdd(id: string, raw: Record<string, unknown>): Staff {
  const problem = staffIdProblem(id) ?? nameProblem(String(raw.name ?? ''))
  if (problem) throw new UsageError(problem)
  const role = String(raw.role ?? 'agent') as Role
  if (!ROLES.includes(role)) throw new UsageError(`--role must be agent, lead or manager, not "${String(raw.role)}".`)
  return { id, name: String(raw.name).trim(), role, rotation: !raw.offRotation, active: true }
}

export function runStaffAdd(ctx: Ctx, s: Staff): Staff {
  // A team without any lead yet lets its first lead or manager be added by anyone.
  if (ctx.hasLead() || s.role === 'agent') ctx.lead('add staff')
  return ctx.write((db) => {
    const existing = findStaff(db, s.id)
    if (existing?.active) throw new ConflictError(`There is already a staff member with id ${s.id}.`, 'duplicate')
    if (existing) updateStaff(db, s)
    else insertStaff(db, s, ctx.now().toISOString())
    ctx.audit('staff.add', s.id, existing ?? null, s)
    return s
  })
}

export function runStaffRemove(ctx: Ctx, id: string): { staff: Staff; uncovered: { date: string; shift: string }[] } {
  const actor = ctx.lead('remove staff')
  return ctx.write((db) => {
    const person = ctx.staff(id)
    if (!person.active) throw new ConflictError(`${id} was already removed.`, 'conflict')
    if (person.id === actor.id) throw new ConflictError('You cannot remove yourself; ask another lead.', 'conflict')
    const from = ctx.today()
    const gone = findAssignments(db, from, '9999-12-31', id)
    deleteAssignmentsInRange(db, from, '9999-12-31', id)
    const after = { ...person, active: false }
    updateStaff(db, after)
    ctx.audit('staff.remove', id, { staff: person, assignments: gone }, { staff: after })
    return { staff: after, uncovered: gone.map((a) => ({ date: a.date, shift: a.shift })) }
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
