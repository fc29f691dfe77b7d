// generate --cyclic [--repeat N] [--rotate-lines] and extend: draw (or take the
// stored) repeating pattern, lay it on the range with leave winning, and keep
// the pattern for extend. Runs inside the caller's write transaction.

import { addDays } from '../../../domain/dates.js'
import { drawPattern, fitRotation, type Rotation } from '../../../domain/rotation.js'
import type { FairnessSummary } from '../../../domain/fairness.js'
import type { FixedCell } from '../../../domain/generate.js'
import type { Assignment, Holiday, IsoDate, RosterConfig, ShiftType } from '../../../domain/types.js'
import { RuleViolationError } from '../../../errors.js'
import type { Ctx } from '../../context.js'

/** What --json adds: `"pattern":{"weeks":n,"repeat":n,"rotate":bool}`. */
export interface PatternSummary {
  weeks: number
  repeat: number
  rotate: boolean
}

export interface LayInput {
  dates: IsoDate[]
  shifts: ShiftType[]
  config: RosterConfig
  unavailable: ReadonlyMap<string, ReadonlySet<IsoDate>>
  history: Assignment[]
  holidays: Holiday[]
  workdays: IsoDate[]
  swaps?: readonly FixedCell[]
  seed: number
}

export interface Laid {
  assignments: Assignment[]
  fairness: FairnessSummary
  resolved: IsoDate[]
}

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
  return { assignments: fit.assignments, fairness: fit.fairness, resolved: fit.resolved }
}

