// roster check [--from <date>] [--to <date>]: coverage gaps against the
// service hours, every roster rule, and how fairly the load is shared.
//
// Exit status: 0 when the check ran, whatever it found: the findings are the
// output (and `ok` in --json). With --strict it exits 1 when it finds a gap or
// a broken rule, like a linter, so scripts can gate on it; stderr then gets
// the one-line verdict.

import type { Command } from 'commander'
import { formatHhmm } from '../../../domain/clock.js'
import { findCoverageGaps, staffingGaps, uncoverableHours } from '../../../domain/coverage-gaps.js'
import { addDays, dayRange, mondayOf, monthRange } from '../../../domain/dates.js'
import type { RosterState } from '../../../domain/roster.js'
import { computeFairness } from '../../../domain/fairness.js'
import { checkRules, ROSTER_RULES } from '../../../domain/rules/index.js'
import type { IsoDate } from '../../../domain/types.js'
import { wishesNotGranted } from '../../../domain/wishes/wish.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { renderCheck } from '../../render/check.js'
import type { CheckReport } from '../../../views/check.js'
import { shiftColumns } from '../../../views/roster.js'
import { parseReportOutput, printReport, reportOptions } from '../../report-output.js'
import { checkRangeLength, parseBetween } from '../show/range.js'
import { en, type Messages } from '../../../i18n/index.js'

export interface CheckOptions {
  from?: IsoDate
  to?: IsoDate
}

export function registerCheck(program: Command, app: App): void {
  const cmd = program
    .command('check')
    .description('report service-hour gaps, broken roster rules and the fairness of the load')
    .option('--from <date>', 'first day (default: today, or the start of a roster that is all in the past)')
    .option('--to <date>', 'last day (default: the last assigned day)')
    .option('--weeks <n>', 'how many weeks from --from (alone: from this week\'s Monday)')
    .option('--month <YYYY-MM>', 'a calendar month')
    .option('--strict', 'exit 1 when anything is wrong (for scripts)')
  reportOptions(cmd).action(app.action(async (ctx, _args, raw) => {
    const opts = parseCheckOptions(ctx, raw)
    const out = parseReportOutput(ctx, raw)
    const report = runCheck(ctx, opts)
    await printReport(ctx, out, {
      json: () => checkJson(report),
      text: () => renderCheck(report, ctx),
      csv: async () => (await import('../../../export/reports.js')).checkCsv(report),
      md: async () => (await import('../../../export/reports.js')).checkMarkdown(report, ctx.t),
      what: ctx.t.export.checkWhat(report.from, report.to),
    })
    if (!report.ok && raw.strict) {
      const { gaps, violations, from, to } = report
      throw new ConflictError((t) => t.check.strictFailed(gaps.length, violations.length, String(from), String(to)), 'check-failed')
    }
  }))
}

export function parseCheckOptions(ctx: Ctx, raw: Record<string, unknown>): CheckOptions {
  if (raw.month !== undefined) {
    if (raw.from !== undefined || raw.to !== undefined || raw.weeks !== undefined) throw new UsageError((m) => m.errors.usage.monthWithRange)
    return monthRange(ctx.month(String(raw.month)))
  }
  const r = parseBetween(ctx, raw)
  // --weeks alone: that many weeks from this week's Monday.
  if (r.weeks !== undefined) return { from: mondayOf(ctx.today()), to: addDays(mondayOf(ctx.today()), r.weeks * 7 - 1) }
  return r
}

/**
 * The dates to check. Without flags: from today to the last assigned day, or
 * the whole roster when it lies entirely in the past; null when there is no
 * roster at all. --from alone runs to the last assigned day (or one cycle when
 * the roster ends before it); --to alone starts today (or at the roster's
 * first day when --to is in the past).
 */
export function checkRange(opts: CheckOptions, today: IsoDate, bounds: { from: IsoDate; to: IsoDate } | null, cycleWeeks: number, t: Messages = en): { from: IsoDate; to: IsoDate; scope: string } | null {
  const scope = t.check.scope
  if (opts.from && opts.to) return { from: opts.from, to: opts.to, scope: scope.asked }
  if (opts.from) {
    if (bounds && bounds.to >= opts.from) return { from: opts.from, to: bounds.to, scope: scope.toLast }
    return { from: opts.from, to: addDays(opts.from, cycleWeeks * 7 - 1), scope: scope.oneCycle(cycleWeeks) }
  }
  if (opts.to) {
    if (today <= opts.to) return { from: today, to: opts.to, scope: scope.fromToday }
    const from = bounds && bounds.from <= opts.to ? bounds.from : opts.to
    return { from, to: opts.to, scope: scope.fromFirst }
  }
  if (!bounds) return null
  if (bounds.to >= today) {
    const from = bounds.from > today ? bounds.from : today
    return { from, to: bounds.to, scope: from === today ? scope.todayToLast : scope.startsLater }
  }
  return { ...bounds, scope: scope.ended(bounds.to) }
}

export function runCheck(ctx: Ctx, opts: CheckOptions): CheckReport {
  const store = ctx.store()
  const config = ctx.config()
  const range = checkRange(opts, ctx.today(), store.assignments.bounds(), config.cycleWeeks, ctx.t)
  if (!range) {
    const lead = store.staff.all().find((s) => s.role === 'lead' || s.role === 'manager')
    return { from: null, to: null, scope: ctx.t.check.scope.none, ok: true, serviceHours: config.serviceHours, uncoverable: uncoverableHours(store.shifts.active(), config.serviceHours), gaps: [], violations: [], fairness: null, ...(lead ? { lead: lead.id } : {}) }
  }
  const { from, to, scope } = range
  checkRangeLength(from, to)
  // Earlier days carry over: a run of working days or a short rest that began before `from`.
  const carry = Math.max(7, config.maxConsecutiveDays + 1)
  const assignments = store.assignments.find(addDays(from, -carry), to)
  const current = store.shifts.active()
  const state: RosterState = {
    // Coverage is owed only on the shift types in use today; retired ones still count as cover below.
    shifts: current,
    assignments,
    leaves: store.leaves.list({ from: addDays(from, -carry), to }),
    holidays: store.holidays.list(from, to),
    config,
  }
  const violations = checkRules(ROSTER_RULES, state, { from, to })
  const dates = dayRange(from, to)
  const allShifts = store.shifts.all()
  // Hours no shift type covers at all are one setup finding, not a gap a day.
  const uncoverable = uncoverableHours(current, config.serviceHours)
  const gaps = staffingGaps(findCoverageGaps(dates, assignments, allShifts, config.serviceHours), uncoverable)
  // Fairness compares the people on the rotation today, over the checked dates only.
  const team = store.staff.all().filter((s) => s.rotation).map((s) => s.id)
  const columns = shiftColumns(allShifts, current, assignments.filter((a) => a.date >= from))
  const fairness = computeFairness(assignments, team, columns, dates, state.holidays, store.holidays.workdayDates(from, to))
  // Wishes the roster does not grant (after swaps and manual changes): information, not violations.
  const wishes = wishesNotGranted(store.wishes.list({ from, to }), assignments, dates)
  return { from, to, scope, ok: !gaps.length && !violations.length, serviceHours: config.serviceHours, uncoverable, gaps, violations, fairness, wishes }
}

/** The SPEC's `check` shape. */
export function checkJson(r: CheckReport) {
  return {
    ok: r.ok,
    from: r.from,
    to: r.to,
    uncoverable: r.uncoverable.map((u) => ({ from: formatHhmm(u.from), to: formatHhmm(u.to) })),
    gaps: r.gaps.map((g) => ({ date: g.date, from: formatHhmm(g.from), to: formatHhmm(g.to) })),
    violations: r.violations.map((v) => ({ rule: v.rule, date: v.date ?? null, staff: v.staff ?? null, message: v.message })),
    fairness: r.fairness,
    wishes: (r.wishes?.notGranted ?? []).map((w) => ({ wish: w.wish, staff: w.staff, date: w.date, kind: w.kind, shift: w.shift, has: w.has })),
  }
}
