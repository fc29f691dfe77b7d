// Text and JSON for a freshly generated roster: the cycle sheet (people down,
// dates across) and the fairness table, as `show --across` and `check` print them.

import type { Assignment, IsoDate } from '../../../domain/types.js'
import { findHolidays } from '../../../store/holidays.js'
import { findAllShiftTypes, findShiftTypes } from '../../../store/shifts.js'
import type { Ctx } from '../../context.js'
import { renderFairness } from '../../render/check.js'
import { rosterEntries, shiftColumns } from '../../render/roster.js'
import { renderGrid, renderSheet, type RosterView } from '../../render/show.js'
import { displayWidth } from '../../render/width.js'
import type { GenerateOutcome } from './generate.js'

/** The SPEC's show shape. */
export function rosterJson(ctx: Ctx, from: IsoDate, to: IsoDate, assignments: readonly Assignment[]) {
  const db = ctx.db()
  return { from, to, assignments: rosterEntries(assignments, findAllShiftTypes(db), findHolidays(db, from, to)) }
}

export function renderGenerated(ctx: Ctx, o: GenerateOutcome): string {
  const db = ctx.db()
  const shifts = shiftColumns(findAllShiftTypes(db), findShiftTypes(db), o.assignments)
  const view: RosterView = { from: o.from, to: o.to, shifts, assignments: o.assignments, holidays: findHolidays(db, o.from, o.to), people: o.staff, bounds: null }
  // The cycle sheet when the terminal is wide enough for it, else dates down the page.
  let sheet = renderSheet(view, ctx)
  const columns = ctx.deps.stdout.columns
  if (columns && displayWidth(sheet.split('\n')[0] ?? '') > columns) sheet = renderGrid(view, ctx)
  const lines: string[] = []
  if (o.createdDemo) lines.push(ctx.t.generate.createdDemo(ctx.dbPath()))
  lines.push(ctx.t.generate.title(o.from, o.to, o.seed, o.replaced))
  lines.push(sheet, '', renderFairness(o.fairness, ctx))
  return lines.join('\n')
}
