// roster init [--demo] [--lead <id> --name <name>]: create the database.

import type { Command } from 'commander'
import demoTeam from '../../../../fixtures/demo-team.json' with { type: 'json' }
import { parseHhmm } from '../../../domain/clock.js'
import type { ShiftType, Staff } from '../../../domain/types.js'
import { nameProblem, staffIdProblem } from '../../../domain/validate.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'

export interface InitOptions {
  demo: boolean
  lead?: { id: string; name: string }
}

export interface InitResult {
  path: string
  staff: Staff[]
  shifts: ShiftType[]
  /** The lead the new database acts as for the rest of this command. */
  actingLead: Staff | undefined
}

export function registerInit(program: Command, app: App): void {
  program
    .command('init')
    .description('create the roster database (with --demo: four agents, one lead, shifts A/B/C)')
    .option('--demo', 'add the demo team')
    .option('--lead <id>', 'the team lead to create')
    .option('--name <name>', "the lead's name")
    .action(app.action((ctx, _args, raw) => {
      const result = runInit(ctx, parseInitOptions(raw))
      ctx.out({ database: result.path, staff: result.staff, shifts: result.shifts.map((s) => s.code) }, () => renderInit(ctx, result))
    }))
}

export function parseInitOptions(raw: Record<string, unknown>): InitOptions {
  const opts: InitOptions = { demo: !!raw.demo }
  if (raw.lead !== undefined || raw.name !== undefined) {
    if (typeof raw.lead !== 'string' || typeof raw.name !== 'string') throw new UsageError((m) => m.errors.init.leadAndName)
    const problem = staffIdProblem(raw.lead) ?? nameProblem(raw.name)
    if (problem) throw new UsageError(problem)
    opts.lead = { id: raw.lead, name: raw.name.trim() }
  }
  return opts
}

export const DEFAULT_SHIFTS: ShiftType[] = demoTeam.shifts.map((s) => ({
  code: s.code,
  name: s.name,
  start: parseHhmm(s.start)!,
  end: parseHhmm(s.end)!,
  remote: s.remote,
  headcount: s.headcount,
}))

/** Creates the database with the default shifts, and the demo team or the named lead. */
export function runInit(ctx: Ctx, opts: InitOptions): InitResult {
  const path = ctx.dbPath()
  const store = ctx.store({ create: true })
  const at = ctx.now().toISOString()
  const people: Staff[] = []
  if (opts.demo) {
    people.push({ ...demoTeam.lead, role: 'lead', rotation: false, active: true })
    for (const a of demoTeam.agents) people.push({ ...a, role: 'agent', rotation: true, active: true })
  }
  if (opts.lead && !people.some((p) => p.id === opts.lead!.id)) {
    people.push({ id: opts.lead.id, name: opts.lead.name, role: 'lead', rotation: false, active: true })
  }
  const actingLead = opts.lead ? people.find((p) => p.id === opts.lead!.id) : people.find((p) => p.role === 'lead')
  if (actingLead) ctx.actAs(actingLead)
  ctx.write(() => {
    // Checked in the transaction that writes: two inits at once cannot both pass.
    if (store.shifts.active().length > 0 || store.staff.all({ includeInactive: true }).length > 0) {
      throw new ConflictError((m) => m.errors.init.alreadyRoster(path), 'already-initialised')
    }
    for (const s of DEFAULT_SHIFTS) store.shifts.upsert(s)
    for (const p of people) store.staff.insert(p, at)
    ctx.audit('init', path, null, { demo: opts.demo, staff: people.map((p) => p.id), shifts: DEFAULT_SHIFTS.map((s) => s.code) })
  })
  return { path, staff: people, shifts: DEFAULT_SHIFTS, actingLead }
}

function renderInit(ctx: Ctx, r: InitResult): string {
  const { t } = ctx
  const lines = [t.init.created(r.path, t.list(r.shifts.map((s) => s.code)))]
  if (r.staff.length) lines.push(t.init.team(t.list(r.staff.map((s) => t.init.member(s.id, t.roles[s.role])))))
  // Every hint is a command that works as printed at this moment: generate
  // only once someone is on the rotation.
  if (r.actingLead) lines.push(r.staff.some((s) => s.rotation) ? t.init.nextGenerate(r.actingLead.id) : t.init.nextStaff(r.actingLead.id))
  else lines.push(t.init.nextLead)
  return lines.join('\n')
}
