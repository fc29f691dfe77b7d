// generate --cyclic [--repeat N] [--rotate-lines] and extend: draw (or take the
// stored) repeating pattern, lay it on the range with leave winning (and wishes
// honoured on the days the pattern goes against them), and keep
// the pattern for extend. Runs inside the caller's write transaction.

import { addDays } from '../../../domain/dates.js'
import { drawPattern, fitRotation, type FitInput, type FitResult, type Rotation } from '../../../domain/rotation.js'
import { RuleViolationError } from '../../../errors.js'
import type { Ctx } from '../../context.js'

/** What --json adds: `"pattern":{"weeks":n,"repeat":n,"rotate":bool}`. */
export interface PatternSummary {
  weeks: number
  repeat: number
  rotate: boolean
}

/** What laying a pattern needs: fitRotation's input without the pattern, which the caller draws or takes from the store. */
export type LayInput = Omit<FitInput, 'rotation'>

/** A pattern laid: fitRotation's success without its flag. */
export type Laid = Omit<Extract<FitResult, { ok: true }>, 'ok'>

/** Draws a new pattern for `staff` (one cycle from dates[0]), keeps it in the store and lays it on every date. */
export function drawAndLay(ctx: Ctx, input: LayInput & { staff: string[]; weeks: number; rotate: boolean }): Laid & { rotation: Rotation } {
  const from = input.dates[0]!
  const drawn = drawPattern({ start: from, days: input.weeks * 7, staff: input.staff, shifts: input.shifts, config: input.config, rotate: input.rotate, holidays: [], seed: input.seed })
  if (!drawn.ok) {
    const violations = drawn.violations
    throw new RuleViolationError(violations, (t) => t.errors.cannotGenerate(from, addDays(from, input.weeks * 7 - 1), violations[0]))
  }
  const rotation: Rotation = { ...drawn.pattern, start: from, order: input.staff }
  const laid = layOn(rotation, input)
  ctx.store().rotations.insert(rotation, ctx.now().toISOString())
  return { ...laid, rotation }
}

/** Lays `rotation` on the dates with leave, swaps and the roster before winning; refuses with the rules when it cannot. */
export function layOn(rotation: Rotation, input: LayInput): Laid {
  const fit = fitRotation({ rotation, ...input })
  if (!fit.ok) {
    const violations = fit.violations
    const from = input.dates[0]!
    const to = input.dates[input.dates.length - 1]!
    throw new RuleViolationError(violations, (t) => t.errors.cannotGenerate(from, to, violations[0]))
  }
  return { assignments: fit.assignments, fairness: fit.fairness, resolved: fit.resolved, ...(fit.wishes ? { wishes: fit.wishes } : {}) }
}

