// roster stats [--month YYYY-MM]: per person, shifts by type, weekend and
// holiday shifts, and swaps used against the monthly limit.

import type { Command } from 'commander'
import { dayRange, monthOf, monthRange } from '../../../domain/dates.js'
import { computeFairness } from '../../../domain/fairness.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { shiftColumns } from '../../../views/roster.js'
import { renderStats } from '../../render/stats.js'
import type { StatsReport } from '../../../views/stats.js'
import { parseReportOutput, printReport, reportOptions } from '../../report-output.js'
import { compareText } from '../../../domain/compare.js'

export interface StatsOptions {
  /** `YYYY-MM`; absent: the current month by the injected clock. */
  month?: string
}

export function registerStats(program: Command, app: App): void {
  const cmd = program
    .command('stats')
    .description('per person: shifts by type, weekend and holiday shifts, swaps used of the monthly limit')
    .option('--month <YYYY-MM>', 'the month (default: this month)')
  reportOptions(cmd).action(app.action(async (ctx, _args, raw) => {
    const opts = parseStatsOptions(ctx, raw)
    const out = parseReportOutput(ctx, raw)
    const report = runStats(ctx, opts)
    await printReport(ctx, out, {
      json: () => statsJson(report),
      text: () => renderStats(report, ctx),
      csv: async () => (await import('../../../export/reports.js')).statsCsv(report),
      md: async () => (await import('../../../export/reports.js')).statsMarkdown(report, ctx.t),
      what: ctx.t.export.statsWhat(report.month),
    })
  }))
}

export function parseStatsOptions(ctx: Ctx, raw: Record<string, unknown>): StatsOptions {
  return raw.month === undefined ? {} : { month: ctx.month(String(raw.month)) }
}

/**
 * Counts the month for everyone on the rotation and anyone else who worked in
 * it (a lead who covered a shift, someone since removed), sorted by id.
 */
export function runStats(ctx: Ctx, opts: StatsOptions): StatsReport {
  const store = ctx.store()
  const month = opts.month ?? monthOf(ctx.today())
  const { from, to } = monthRange(month)
  const assignments = store.assignments.find(from, to)
  const worked = new Set(assignments.map((a) => a.staff))
  const people = store.staff.all({ includeInactive: true })
    .filter((s) => worked.has(s.id) || (s.active && s.rotation))
    .sort((a, b) => compareText(a.id, b.id))
  const shifts = shiftColumns(store.shifts.all(), store.shifts.active(), assignments)
  const fairness = computeFairness(assignments, people.map((p) => p.id), shifts, dayRange(from, to), store.holidays.list(from, to), store.holidays.workdayDates(from, to))
  const swaps = store.swaps.countActiveByStaff(from, to)
  return {
    month,
    from,
    to,
    shifts: shifts.map((s) => s.code),
    swapLimit: ctx.config().maxSwapsPerMonth,
    staff: fairness.staff.map((f, i) => ({
      id: f.id,
      name: people[i]!.name,
      shifts: f.shifts,
      total: f.total,
      weekend: f.weekend,
      holiday: f.holiday,
      swaps: swaps.get(f.id) ?? 0,
    })),
  }
}

/** The SPEC's `stats` shape. */
export function statsJson(r: StatsReport) {
  return { staff: r.staff.map(({ id, shifts, total, weekend, holiday, swaps }) => ({ id, shifts, total, weekend, holiday, swaps })) }
}
