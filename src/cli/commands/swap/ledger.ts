// roster swap ledger [--month YYYY-MM] [--staff id] [--format csv|md] [-o file]:
// who swapped with whom (approved swaps), how often, and which covers are
// still to be paid back, by the injected clock.

import type { Command } from 'commander'
import { formatHhmm } from '../../../domain/clock.js'
import { localDate } from '../../../domain/dates.js'
import { swapLedger, type Moment, type SwapLedger } from '../../../domain/swaps/ledger.js'
import type { ShiftType } from '../../../domain/types.js'
import type { SwapFilter } from '../../../store/swaps.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { renderLedger } from '../../render/ledger.js'
import { parseReportOutput, printReport, reportOptions } from '../../report-output.js'

export interface SwapLedgerOptions {
  /** `YYYY-MM`: swaps with D1 or D2 in that month (as `swap list --month`). */
  month?: string
  /** Only swaps this person takes part in. */
  staff?: string
}

export interface SwapLedgerReport extends SwapLedger {
  /** The moment the owed paybacks are judged at. */
  asOf: Moment
  month: string | null
  staff: string | null
}

export function registerSwapLedger(swap: Command, app: App): void {
  const cmd = swap
    .command('ledger')
    .description('who swapped with whom (approved swaps), how often, and who still owes a payback')
    .option('--month <YYYY-MM>', 'only swaps with a swap or payback date in this month')
    .option('--staff <id>', 'only swaps this person takes part in')
  reportOptions(cmd).action(app.action(async (ctx, _args, raw) => {
    const opts = parseSwapLedger(ctx, raw)
    const out = parseReportOutput(ctx, raw)
    const report = runSwapLedger(ctx, opts)
    await printReport(ctx, out, {
      json: () => ledgerJson(report),
      text: () => renderLedger(report, ctx),
      csv: async () => (await import('../../../export/reports.js')).ledgerCsv(report),
      md: async () => (await import('../../../export/reports.js')).ledgerMarkdown(report, ctx.t),
      what: ctx.t.export.ledgerWhat,
    })
  }))
}

export function parseSwapLedger(ctx: Ctx, raw: Record<string, unknown>): SwapLedgerOptions {
  const o: SwapLedgerOptions = {}
  if (raw.month !== undefined) o.month = ctx.month(String(raw.month))
  if (raw.staff !== undefined) o.staff = ctx.staff(String(raw.staff)).id
  return o
}

/** The approved swaps matching the options, with each cover's payback shift as the roster holds it now. */
export function runSwapLedger(ctx: Ctx, o: SwapLedgerOptions): SwapLedgerReport {
  const store = ctx.store()
  const filter: SwapFilter = { status: 'approved' }
  if (o.month) filter.month = o.month
  if (o.staff) filter.staff = o.staff
  const swaps = store.swaps.list(filter)
  const undone = store.swaps.list({ ...filter, status: 'undone' })
  const types = new Map(store.shifts.all().map((s) => [s.code, s]))
  const paybackShifts = new Map<number, ShiftType>()
  // After approval the requester works the counterpart's shift on D2; a later change may have moved it.
  const covers = swaps.filter((s) => s.payback !== null)
  const worked = store.assignments.firstShifts(covers.map((s) => ({ date: s.payback!, staff: s.requester })))
  covers.forEach((s, i) => {
    const shift = types.get(worked.get(i) ?? '')
    if (shift) paybackShifts.set(s.id, shift)
  })
  const now = ctx.now()
  const asOf = { date: localDate(now), minute: now.getHours() * 60 + now.getMinutes() }
  return { ...swapLedger([...swaps, ...undone], paybackShifts, asOf), asOf, month: o.month ?? null, staff: o.staff ?? null }
}

/** `YYYY-MM-DDTHH:MM` */
export function formatMoment(m: Moment): string {
  return `${m.date}T${formatHhmm(m.minute)}`
}

/** The ledger as --json prints it (English keys whatever the language). */
export function ledgerJson(r: SwapLedgerReport) {
  return {
    asOf: formatMoment(r.asOf),
    month: r.month,
    staff: r.staff,
    swaps: r.swaps,
    pairs: r.pairs,
    owed: r.owed.map((o) => ({ ...o, due: formatMoment(o.due) })),
    undone: r.undone,
  }
}
