// roster assign <date> <shift> <staff-id> [--replace <staff-id>]: a lead's manual change, rule-checked.
// roster assign <date> <shift> --unassign <staff-id>: takes someone off a shift, leaving it open (roster open list).

import type { Command } from 'commander'
import { addDays } from '../../../domain/dates.js'
import { applyAssignments, type RosterState } from '../../../domain/roster.js'
import { PERSONAL_RULES, checkRules } from '../../../domain/rules/index.js'
import type { Assignment, IsoDate } from '../../../domain/types.js'
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'

export interface AssignOptions {
  date: IsoDate
  shift: string
  staff: string
  replace?: string
}

export interface AssignResult {
  added: Assignment
  removed: Assignment | null
  headcount: { have: number; need: number }
}

export function registerAssign(program: Command, app: App): void {
  program
    .command('assign <date> <shift> [staff-id]')
    .description("put someone on a shift (a lead's manual change), checked against the roster rules")
    .option('--replace <staff-id>', 'who they take the shift over from')
    .option('--unassign <staff-id>', 'take that person off the shift instead: it becomes an open shift (roster open list)')
    .action(app.action((ctx, [date, shift, staff], raw) => {
      if (raw.unassign !== undefined) {
        if (staff !== undefined) throw new UsageError((t) => t.errors.open.assignWithUnassign)
        if (raw.replace !== undefined) throw new UsageError((t) => t.errors.open.replaceWithUnassign)
        const u = runUnassign(ctx, { date: ctx.date(date!, 'The date'), shift: shift!, staff: String(raw.unassign) })
        ctx.out({ unassigned: u.removed, headcount: u.headcount }, () => ctx.t.open.unassigned(u.removed.staff, u.removed.shift, u.removed.date, u.headcount.have, u.headcount.need))
        return
      }
      if (staff === undefined) throw new UsageError((t) => t.errors.open.assignWhom)
      const opts: AssignOptions = { date: ctx.date(date!, 'The date'), shift: shift!, staff: staff }
      if (raw.replace !== undefined) opts.replace = String(raw.replace)
      const r = runAssign(ctx, opts)
      ctx.out({ assignment: r.added, replaced: r.removed?.staff ?? null, headcount: r.headcount }, () => {
        const { t } = ctx
        const what = r.removed ? t.assign.takesOver(r.added.staff, r.added.shift, r.added.date, r.removed.staff) : t.assign.isOn(r.added.staff, r.added.shift, r.added.date)
        const over = r.headcount.have > r.headcount.need ? t.assign.over(r.added.shift, r.headcount.have, r.headcount.need) : ''
        return what + over
      })
    }))
}

export function runAssign(ctx: Ctx, o: AssignOptions): AssignResult {
  ctx.lead('change the roster')
  const store = ctx.store()
  // The shift and the person are looked up inside the transaction too: a
  // shift retired or a person removed meanwhile is not assigned.
  return ctx.write(() => {
    const shift = store.shifts.find(o.shift)
    if (!shift || !shift.active) throw new NotFoundError((t) => t.errors.unknownShift(o.shift))
    const person = ctx.staff(o.staff)
    if (!person.active) throw new ConflictError((m) => m.errors.assign.notOnTeam(person.id), 'conflict')
    if (o.replace !== undefined) ctx.staff(o.replace)
    const config = ctx.config()
    const margin = config.maxConsecutiveDays + 1
    const from = addDays(o.date, -margin)
    const to = addDays(o.date, margin)
    const assignments = store.assignments.find(from, to)
    const added: Assignment = { date: o.date, shift: o.shift, staff: o.staff }
    let removed: Assignment | null = null
    if (o.replace !== undefined) {
      const replaced = o.replace
      removed = assignments.find((a) => a.date === o.date && a.shift === o.shift && a.staff === replaced) ?? null
      if (!removed) throw new ConflictError((m) => m.errors.assign.nothingToTakeOver(replaced, o.shift, o.date), 'conflict')
    }
    if (assignments.some((a) => a.date === o.date && a.shift === o.shift && a.staff === o.staff)) {
      throw new ConflictError((m) => m.errors.assign.alreadyOn(o.staff, o.shift, o.date), 'conflict')
    }
    const state: RosterState = {
      shifts: store.shifts.active(),
      assignments,
      leaves: store.leaves.list({ from, to }),
      holidays: store.holidays.list(from, to),
      config,
    }
    const after = applyAssignments(state, removed ? [removed] : [], [added])
    const violations = checkRules(PERSONAL_RULES, after, { from: addDays(o.date, -margin + 1), to: addDays(o.date, margin - 1), staff: new Set([o.staff]) })
    if (violations.length) throw new RuleViolationError(violations)
    if (removed) store.assignments.delete(removed)
    store.assignments.insert(added)
    ctx.audit('roster.assign', `${o.date} ${o.shift}`, removed, added)
    const have = after.assignments.filter((a) => a.date === o.date && a.shift === o.shift).length
    return { added, removed, headcount: { have, need: shift.headcount } }
  })
}

export interface UnassignOptions {
  date: IsoDate
  shift: string
  staff: string
}

/** Takes `staff` off `shift` on `date` (a lead's change, audited): the shift may become open. No rule can break by it but coverage. */
export function runUnassign(ctx: Ctx, o: UnassignOptions): { removed: Assignment; headcount: { have: number; need: number } } {
  ctx.lead('change the roster')
    return ctx.write(() => {
    const shift = ctx.store().shifts.find(o.shift)
    if (!shift) throw new NotFoundError((t) => t.errors.unknownShift(o.shift))
    ctx.staff(o.staff)
    const removed: Assignment = { date: o.date, shift: o.shift, staff: o.staff }
    if (ctx.store().assignments.delete(removed) !== 1) throw new ConflictError((m) => m.errors.open.notOn(o.staff, o.shift, o.date), 'conflict')
    ctx.audit('roster.unassign', `${o.date} ${o.shift}`, removed, null)
    const have = ctx.store().assignments.find(o.date, o.date).filter((a) => a.shift === o.shift).length
    return { removed, headcount: { have, need: shift.headcount } }
  })
}
