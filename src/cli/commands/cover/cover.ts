// roster cover <date> <shift> [--assign <staff-id>]: who could take that shift
// without breaking a rule, best first, with what it costs each and why the
// others cannot; --assign puts one of them on it (a lead's change, like assign).

import type { Command } from 'commander'
import type { CoverCandidate, CoverCost } from '../../../domain/cover/candidates.js'
import type { Messages } from '../../../i18n/index.js'
import type { App } from '../../app.js'
import type { Ctx } from '../../context.js'
import { renderTable } from '../../render/table.js'
import { dayLabel } from '../swap/render.js'
import { runAssign } from '../assign/assign.js'
import { coverReport, type CoverReport } from './load.js'
import { en } from '../../../i18n/index.js'

export interface CoverOptions {
  date: string
  shift: string
  assign?: string
}

export function registerCover(program: Command, app: App): void {
  program
    .command('cover <date> <shift>')
    .description('who could take that shift without breaking a rule, best first, and why the others cannot')
    .option('--assign <staff-id>', 'put that person on the shift (a lead; rule-checked like assign)')
    .action(app.action((ctx, [date, shift], raw) => {
      const opts: CoverOptions = { date: ctx.date(date!, 'The date'), shift: shift! }
      if (raw.assign !== undefined) opts.assign = String(raw.assign)
      if (opts.assign !== undefined) {
        // A lead's manual change: the same checks, audit and output as `roster assign`.
        ctx.lead('change the roster')
        const r = runAssign(ctx, { date: opts.date, shift: opts.shift, staff: opts.assign })
        ctx.out({ assignment: r.added, replaced: null, headcount: r.headcount }, () => {
          const over = r.headcount.have > r.headcount.need ? ctx.t.assign.over(r.added.shift, r.headcount.have, r.headcount.need) : ''
          return ctx.t.assign.isOn(r.added.staff, r.added.shift, r.added.date) + over
        })
        return
      }
      const report = coverReport(ctx, opts.date, opts.shift)
      ctx.out(coverJson(report), () => renderCover(report, ctx.t, ctx.color))
    }))
}

/** A cost in the interface language. */
export function sayCost(c: CoverCost, t: Messages): string {
  switch (c.kind) {
    case 'long-run': return t.cover.longRun(c.days, c.limit)
    case 'day-off': return t.cover.dayOff(c.before, c.after)
    case 'wish': return c.granted ? t.cover.wishFor(c.wish, c.text) : t.cover.wishAgainst(c.wish, c.text)
  }
}

/** One candidate's reasons: the rules it would break (id and sentence), or what taking it costs. */
export function candidateReasons(c: CoverCandidate) {
  return c.ok
    ? c.costs.map((x) => ({ cost: x.kind, message: sayCost(x, en) }))
    : c.violations.map((v) => ({ rule: v.rule, message: v.message, ...(v.date ? { date: v.date } : {}) }))
}

/** SPEC 11: {date, shift, candidates: [{staff, ok, reasons, shifts}]}, plus the headcount. */
export function coverJson(r: CoverReport) {
  return {
    date: r.date,
    shift: r.shift.code,
    headcount: { have: r.have, need: r.shift.headcount },
    candidates: r.candidates.map((c) => ({ staff: c.staff, ok: c.ok, reasons: candidateReasons(c), shifts: c.shifts })),
  }
}

export function renderCover(r: CoverReport, t: Messages, color: boolean): string {
  const head = t.cover.title(r.shift.code, dayLabel(r.date, t), r.have, r.shift.headcount)
  if (!r.candidates.length) return `${head}\n${t.cover.nobody}`
  const rows = r.candidates.map((c) => [
    c.staff,
    c.ok ? t.cover.yes : t.cover.no,
    String(c.shifts),
    c.ok ? c.costs.map((x) => sayCost(x, t)).join('; ') : c.violations.map((v) => `${v.rule}: ${t.violation(v)}`).join('; '),
  ])
  const table = renderTable({ head: [t.cover.staff, t.cover.can, t.cover.shifts, t.cover.why], rows, color, numeric: [2] })
  const first = r.candidates[0]!
  return `${head}\n${table}\n${first.ok ? t.cover.next(r.date, r.shift.code, first.staff) : t.cover.none}`
}
