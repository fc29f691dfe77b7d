// roster extend [--cycles N]: continue the repeating pattern generate --cyclic
// drew, after the last assigned day (SPEC 10).

import type { Command } from 'commander'
import { addDays, dayRange } from '../../../domain/dates.js'
import type { IsoDate } from '../../../domain/types.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { layOn } from '../generate/cyclic.js'
import { MAX_WEEKS } from '../generate/generate.js'
import type { GenerateOutcome } from '../generate/outcome.js'
import { patternJson, renderGenerated, rosterJson } from '../generate/render.js'

export interface ExtendOptions {
  cycles: number
  seed: number
}

export function registerExtend(program: Command, app: App): void {
  program
    .command('extend')
    .description('continue the repeating pattern (generate --cyclic) after the last assigned day, lines kept or rotated as drawn; leave in the new days is honoured')
    .option('--cycles <n>', 'how many cycles of the pattern to add (default 1)', '1')
    .option('--seed <n>', 'seed for the days solved again around leave', '1')
    .action(app.action((ctx, _args, raw) => {
      const outcome = runExtend(ctx, parseExtendOptions(raw))
      ctx.out({ ...rosterJson(ctx, outcome.from, outcome.to, outcome.assignments), seed: outcome.seed, replaced: 0, keptSwaps: [], fairness: outcome.fairness, ...patternJson(outcome) }, () => renderGenerated(ctx, outcome))
    }))
}

export function parseExtendOptions(raw: Record<string, unknown>): ExtendOptions {
  return {
    cycles: intOption(raw.cycles ?? '1', '--cycles', 1, MAX_WEEKS),
    seed: intOption(raw.seed ?? '1', '--seed', 0, 2 ** 31 - 1),
  }
}

export function runExtend(ctx: Ctx, opts: ExtendOptions): GenerateOutcome {
  return ctx.write((store) => {
    ctx.lead('generate the roster')
    const rotation = store.rotations.current()
    if (!rotation) throw new ConflictError((m) => m.errors.extend.noPattern, 'rotation.none')
    const weeks = rotation.days / 7
    if (weeks * opts.cycles > MAX_WEEKS) throw new UsageError((m) => m.errors.generate.tooLong(weeks * opts.cycles, MAX_WEEKS), 'bad-number')

    // The people of the lines must still be on the rotation, and the pattern's shifts still shift types.
    const everyone = store.staff.all()
    for (const id of rotation.order) {
      if (!everyone.some((s) => s.id === id && s.rotation)) throw new ConflictError((m) => m.errors.extend.lineGone(id), 'rotation.staff')
    }
    const shifts = store.shifts.active()
    for (const line of rotation.lines) {
      for (const code of line) if (code && !shifts.some((s) => s.code === code)) throw new ConflictError((m) => m.errors.extend.shiftGone(code), 'rotation.shift')
    }

    const last = store.assignments.bounds()?.to
    const from = last ? addDays(last, 1) : rotation.start
    const to = addDays(from, rotation.days * opts.cycles - 1)
    const config = ctx.config()
    const unavailable = new Map<string, Set<IsoDate>>()
    for (const l of store.leaves.list({ from, to, status: 'approved' })) {
      const days = unavailable.get(l.staff) ?? new Set<IsoDate>()
      for (const d of dayRange(l.from < from ? from : l.from, l.to > to ? to : l.to)) days.add(d)
      unavailable.set(l.staff, days)
    }
    const history = store.assignments.find(addDays(from, -(config.maxConsecutiveDays + 1)), addDays(from, -1)).filter((a) => rotation.order.includes(a.staff))
    const laid = layOn(rotation, {
      dates: dayRange(from, to),
      shifts,
      config,
      unavailable,
      history,
      holidays: store.holidays.list(from, to),
      workdays: store.holidays.workdayDates(from, to),
      seed: opts.seed,
    })
    store.assignments.insertMany(laid.assignments)
    const pattern = { weeks, repeat: opts.cycles, rotate: rotation.rotate }
    ctx.audit('roster.extend', `${from}..${to}`, null, { rotation: rotation.id, cycles: opts.cycles, seed: opts.seed, assignments: laid.assignments, resolved: laid.resolved })
    const staff = everyone.filter((s) => rotation.order.includes(s.id))
    return { from, to, seed: opts.seed, replaced: 0, assignments: laid.assignments, staff, fairness: laid.fairness, keptSwaps: [], createdDemo: false, keptDemo: false, pattern, resolved: laid.resolved, extended: opts.cycles }
  })
}
