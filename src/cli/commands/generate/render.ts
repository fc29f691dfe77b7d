// Text and JSON for a freshly generated roster: the cycle sheet (people down,
// dates across) and the fairness table, as `show --across` and `check` print them.

import { addDays } from '../../../domain/dates.js'
import type { Assignment, IsoDate } from '../../../domain/types.js'
import type { Ctx } from '../../context.js'
import { renderFairness } from '../../render/check.js'
import { rosterEntries, shiftColumns } from '../../../views/roster.js'
import { renderGrid, renderSheet, type RosterView } from '../../render/show.js'
import { displayWidth } from '../../render/width.js'
import type { Quality } from '../../../domain/generate.js'
import { describeKind } from '../wish/wish.js'
import type { GenerateOutcome } from './outcome.js'

/** What generate --cyclic and extend add to the JSON: the pattern laid and the days solved again. */
export function patternJson(o: GenerateOutcome): { pattern?: { weeks: number; repeat: number; rotate: boolean }; resolved?: IsoDate[] } {
  return o.pattern ? { pattern: o.pattern, resolved: o.resolved ?? [] } : {}
}

/** The SPEC's show shape. */
export function rosterJson(ctx: Ctx, from: IsoDate, to: IsoDate, assignments: readonly Assignment[]) {
  const store = ctx.store()
  return { from, to, assignments: rosterEntries(assignments, store.shifts.all(), store.holidays.list(from, to, ctx.lang)) }
}

export function renderGenerated(ctx: Ctx, o: GenerateOutcome): string {
  const store = ctx.store()
  const shifts = shiftColumns(store.shifts.all(), store.shifts.active(), o.assignments)
  const view: RosterView = { from: o.from, to: o.to, shifts, assignments: o.assignments, holidays: store.holidays.list(o.from, o.to, ctx.lang), people: o.staff, bounds: null }
  const lines: string[] = []
  if (o.createdDemo) lines.push(ctx.t.generate.createdDemo(ctx.dbPath()))
  if (o.keptDemo) lines.push(ctx.t.generate.keptDemo(ctx.dbPath(), o.from, o.to))
  else if (o.extended !== undefined) lines.push(ctx.t.extend.title(o.from, o.to, o.extended))
  else {
    lines.push(ctx.t.generate.title(o.from, o.to, o.seed, o.replaced))
    if (o.keptSwaps.length) lines.push(ctx.t.generate.keptSwaps(o.keptSwaps))
  }
  if (o.pattern) lines.push(ctx.t.generate.pattern(o.pattern.weeks, o.pattern.repeat, o.pattern.rotate))
  if (o.resolved?.length) lines.push(ctx.t.generate.resolved(o.resolved))
  lines.push(renderSheets(ctx, view, o.pattern?.weeks), '', renderFairness(o.fairness, ctx))
  if (o.wishes && o.wishes.total > 0) lines.push('', renderWishReport(ctx, o))
  if (o.quality) lines.push('', renderQuality(ctx, o.quality))
  return lines.join('\n')
}

/** generate --json's additions (SPEC 9): the wishes granted per person, and the quality against the lower bound. */
export function wishesJson(o: GenerateOutcome) {
  return {
    ...(o.wishes ? { wishes: o.wishes } : {}),
    ...(o.quality ? { quality: { objective: o.quality.objective, lowerBound: o.quality.lowerBound, gap: 'gap' in o.quality ? o.quality.gap : null, ...('why' in o.quality ? { why: o.quality.why } : {}) } } : {}),
  }
}

function renderWishReport(ctx: Ctx, o: GenerateOutcome): string {
  const t = ctx.t
  const r = o.wishes!
  const byId = new Map((o.wishList ?? []).map((w) => [w.id, w]))
  const lines = [t.wish.granted(r.granted, r.total)]
  for (const p of r.staff) {
    lines.push(t.wish.person(p.id, p.granted, p.total))
    for (const d of p.denied) {
      const w = byId.get(d.wish)
      lines.push(t.wish.denied(d.wish, d.date, w ? describeKind(w, t) : '', t.wish.why[d.reason ?? 'weighed'] ?? d.reason ?? ''))
    }
  }
  return lines.join('\n')
}

function renderQuality(ctx: Ctx, q: Quality): string {
  if (q.lowerBound === null) return ctx.t.wish.noBound(q.why)
  if (q.gap === 0) return ctx.t.wish.optimal(q.objective)
  if (q.lowerBound <= 0) return ctx.t.wish.zeroBound(q.objective)
  return ctx.t.wish.within((q.gap * 100).toFixed(1), String(q.lowerBound), q.objective)
}

/**
 * The cycle sheet, one table per cycle (cycle.weeks) when the roster is
 * longer: each fits a printed page, and the table's layout time grows with
 * the square of its cells (a year for 200 people in one table: some 24 s).
 * When the terminal is too narrow for a sheet, dates down the page instead.
 */
function renderSheets(ctx: Ctx, view: RosterView, patternWeeks?: number): string {
  // A repeating pattern: one sheet per cycle of the pattern.
  const days = (patternWeeks ?? ctx.config().cycleWeeks) * 7
  const sheets: string[] = []
  for (let first = view.from; first <= view.to; first = addDays(first, days)) {
    const last = addDays(first, days - 1) < view.to ? addDays(first, days - 1) : view.to
    const part = first === view.from && last === view.to ? view : { ...view, from: first, to: last, assignments: view.assignments.filter((a) => a.date >= first && a.date <= last) }
    const sheet = renderSheet(part, ctx)
    const columns = ctx.deps.stdout.columns
    // The first sheet is the widest (a later one may be shorter): it decides.
    if (!sheets.length && columns && displayWidth(sheet.split('\n')[0] ?? '') > columns) return renderGrid(view, ctx)
    sheets.push(sheet)
  }
  return sheets.join('\n\n')
}
