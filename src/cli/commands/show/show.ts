// roster show [--week <date> | --month YYYY-MM | --from <date> --to <date>] [--staff <id>] [--across]

import type { Command } from 'commander'
import { UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { rosterEntries, shiftColumns } from '../../../views/roster.js'
import { renderShow, type RosterView, type ShowLayout } from '../../render/show.js'
import { parseRange, resolveRange, type RangeRequest } from './range.js'

export interface ShowOptions {
  range: RangeRequest
  /** A staff id, or `me` for the acting person. */
  staff?: string
  layout: ShowLayout
}

export function registerShow(program: Command, app: App): void {
  program
    .command('show')
    .description('print the roster (default: the cycle that holds today, else the next one generated)')
    .option('--week <date>', 'the week (Monday to Sunday) that holds this date')
    .option('--month <YYYY-MM>', 'a calendar month')
    .option('--from <date>', 'first day (alone: one cycle from this day)')
    .option('--to <date>', 'last day (alone: from this week\'s Monday)')
    .option('--weeks <n>', 'how many weeks from --from (alone: from this week\'s Monday)')
    .option('--staff <id>', 'only this person\'s shifts ("me": the acting person)')
    .option('--across', 'people down and dates across, one shift code per cell (the cycle sheet)')
    .action(app.action((ctx, _args, raw) => {
      const opts = parseShowOptions(ctx, raw)
      const view = runShow(ctx, opts)
      ctx.out({ from: view.from, to: view.to, assignments: rosterEntries(view.assignments, view.shifts, view.holidays) }, () => renderShow(view, opts.layout, ctx))
    }))
}

export function parseShowOptions(ctx: Ctx, raw: Record<string, unknown>): ShowOptions {
  const given = (['week', 'month', 'from', 'to', 'weeks'] as const).filter((k) => raw[k] !== undefined)
  if (given.includes('week') && given.length > 1) throw new UsageError((m) => m.errors.usage.weekWithOthers)
  if (given.includes('month') && given.length > 1) throw new UsageError((m) => m.errors.usage.monthWithOthers)
  const opts: ShowOptions = { range: parseRange(ctx, raw), layout: raw.across ? 'across' : 'grid' }
  if (raw.staff !== undefined) opts.staff = String(raw.staff)
  return opts
}

export function runShow(ctx: Ctx, opts: ShowOptions): RosterView {
  const store = ctx.store()
  const { from, to, caption } = resolveRange(opts.range, ctx.today(), ctx.config().cycleWeeks, ctx.t, store.assignments.firstDateFrom(ctx.today()))
  const person = opts.staff === undefined ? undefined : opts.staff === 'me' ? ctx.actor() : ctx.staff(opts.staff)
  const assignments = store.assignments.find(from, to, person?.id)
  const everyone = store.staff.all({ includeInactive: true })
  const assigned = new Set(assignments.map((a) => a.staff))
  const shifts = shiftColumns(store.shifts.all(), store.shifts.active(), assignments)
  const view: RosterView = {
    from,
    to,
    shifts,
    assignments,
    holidays: store.holidays.list(from, to, ctx.lang),
    people: person ? [person] : everyone.filter((s) => assigned.has(s.id) || (s.active && s.rotation)),
    bounds: store.assignments.bounds(),
  }
  if (caption) view.caption = caption
  const lead = everyone.find((s) => s.active && (s.role === 'lead' || s.role === 'manager'))
  if (lead) view.lead = lead.id
  if (person) view.person = person
  return view
}
