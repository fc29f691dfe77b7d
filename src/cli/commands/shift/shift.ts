// roster shift list|add|remove

import type { Command } from 'commander'
import { formatHhmm, parseHhmm, shiftMinutes } from '../../../domain/clock.js'
import type { ShiftType } from '../../../domain/types.js'
import { nameProblem, shiftCodeProblem } from '../../../domain/validate.js'
import { ConflictError, NotFoundError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { renderTable } from '../../render/table.js'

export function registerShift(program: Command, app: App): void {
  const shift = program.command('shift').description('the shift types: list, add (or redefine) and remove')
  shift
    .command('list')
    .description('list the shift types')
    .action(app.action((ctx) => {
      const list = ctx.store().shifts.active()
      ctx.out({ shifts: list.map(shiftJson) }, () => renderShifts(ctx, list))
    }))
  shift
    .command('add <code>')
    .description('add a shift type, or redefine an existing one')
    .requiredOption('--start <HH:MM>', 'start time')
    .requiredOption('--end <HH:MM>', 'end time (at or before the start: crosses midnight)')
    .option('--name <name>', 'a descriptive name')
    .option('--remote', 'worked from home')
    .option('--headcount <n>', 'people needed every day', '1')
    .action(app.action((ctx, [code], raw) => {
      const r = runShiftAdd(ctx, parseShiftAdd(code!, raw))
      ctx.out({ shift: shiftJson(r.shift) }, () => ctx.t.shift.added(r.updated, r.shift.code, `${formatHhmm(r.shift.start)}-${formatHhmm(r.shift.end)}`, r.shift.remote, r.shift.headcount))
    }))
  shift
    .command('remove <code>')
    .description('retire a shift type (refused while it has shifts from today on)')
    .action(app.action((ctx, [code]) => {
      runShiftRemove(ctx, code!)
      ctx.out({ removed: code }, () => ctx.t.shift.removed(code!))
    }))
}

export function shiftJson(s: ShiftType) {
  return { code: s.code, name: s.name, start: formatHhmm(s.start), end: formatHhmm(s.end), remote: s.remote, headcount: s.headcount }
}

export function parseShiftAdd(code: string, raw: Record<string, unknown>): ShiftType {
  const problem = shiftCodeProblem(code)
  if (problem) throw new UsageError(problem)
  const start = parseHhmm(String(raw.start))
  const end = parseHhmm(String(raw.end))
  if (start === null || start >= 1440) throw new UsageError((m) => m.errors.shift.badStart(String(raw.start)))
  if (end === null) throw new UsageError((m) => m.errors.shift.badEnd(String(raw.end)))
  if (shiftMinutes(start, end) > 16 * 60) throw new UsageError((m) => m.errors.shift.tooLong(formatHhmm(start), formatHhmm(end)))
  const name = raw.name === undefined ? `Shift ${code}` : String(raw.name)
  const nameErr = nameProblem(name)
  if (nameErr) throw new UsageError(nameErr)
  const headcount = intOption(raw.headcount ?? '1', '--headcount', 0, 50)
  return { code, name: name.trim(), start, end: end === 1440 ? 0 : end, remote: !!raw.remote, headcount }
}

export function runShiftAdd(ctx: Ctx, s: ShiftType): { shift: ShiftType; updated: boolean } {
  ctx.lead('define shifts')
  return ctx.write((store) => {
    const before = store.shifts.find(s.code)
    store.shifts.upsert(s)
    ctx.audit(before ? 'shift.update' : 'shift.add', s.code, before ?? null, s)
    return { shift: s, updated: !!before?.active }
  })
}

export function runShiftRemove(ctx: Ctx, code: string): void {
  ctx.lead('remove shifts')
  ctx.write((store) => {
    const before = store.shifts.find(code)
    if (!before || !before.active) throw new NotFoundError((t) => t.errors.unknownShift(code))
    const future = store.assignments.countFutureOfShift(code, ctx.today())
    if (future > 0) throw new ConflictError((m) => m.errors.shift.stillAssigned(code, future, ctx.today()), 'conflict')
    store.shifts.deactivate(code)
    ctx.audit('shift.remove', code, before, null)
  })
}

function renderShifts(ctx: Ctx, list: ShiftType[]): string {
  const { t } = ctx
  if (!list.length) return t.shift.empty
  return renderTable({
    head: [t.shift.code, t.shift.name, t.shift.hours, t.shift.where, t.shift.headcount],
    rows: list.map((s) => [s.code, t.shiftName(s.name), `${formatHhmm(s.start)}-${formatHhmm(s.end)}`, s.remote ? t.remote : t.office, String(s.headcount)]),
    color: ctx.color,
    numeric: [4],
  })
}
