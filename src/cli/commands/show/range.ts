// The dates `show` and `check` report on: what the user asked for, and the
// defaults when they did not say.

import { addDays, diffDays, mondayOf, monthRange } from '../../../domain/dates.js'
import type { IsoDate } from '../../../domain/types.js'
import { UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { intOption } from '../../app.js'
import { en, type Messages } from '../../../i18n/index.js'

/** Longest range one show (or check) prints: two years of days. */
export const MAX_RANGE_DAYS = 731

/** Which dates the user asked for; `between` with neither end is the default. */
export type RangeRequest =
  | { kind: 'week'; date: IsoDate }
  | { kind: 'month'; month: string }
  | { kind: 'between'; from?: IsoDate; to?: IsoDate; weeks?: number }

export function parseRange(ctx: Ctx, raw: Record<string, unknown>): RangeRequest {
  if (raw.week !== undefined) return { kind: 'week', date: ctx.date(String(raw.week), '--week') }
  if (raw.month !== undefined) return { kind: 'month', month: ctx.month(String(raw.month)) }
  return { kind: 'between', ...parseBetween(ctx, raw) }
}

/** Longest --weeks a range takes: two years. */
export const MAX_RANGE_WEEKS = 104

/**
 * --from with --to or --weeks N (either alone too); a usage error when --to is
 * before --from or both --to and --weeks are given. `--from D --weeks N` is
 * N weeks from D; `--weeks N` alone is N weeks from this week's Monday.
 */
export function parseBetween(ctx: Ctx, raw: Record<string, unknown>): { from?: IsoDate; to?: IsoDate; weeks?: number } {
  const r: { from?: IsoDate; to?: IsoDate; weeks?: number } = {}
  if (raw.from !== undefined) r.from = ctx.date(String(raw.from), '--from')
  if (raw.to !== undefined) r.to = ctx.date(String(raw.to), '--to')
  if (raw.weeks !== undefined) {
    if (r.to) throw new UsageError((m) => m.errors.usage.weeksWithTo, 'bad-range')
    const n = intOption(raw.weeks, '--weeks', 1, MAX_RANGE_WEEKS)
    if (r.from) r.to = addDays(r.from, n * 7 - 1)
    else r.weeks = n
  }
  const { from, to } = r
  if (from && to && to < from) throw new UsageError((m) => m.errors.usage.toBeforeFrom(to, from), 'bad-range')
  return r
}

/**
 * Resolves a range request to dates; the caption says how a range the user did
 * not spell out was chosen. `firstAssigned` is the first date on or after today
 * that has an assignment: when it is later than today (a roster generated on a
 * Sunday for the next Monday), the default range is the cycle that starts then,
 * not a week of open days before it.
 */
export function resolveRange(r: RangeRequest, today: IsoDate, cycleWeeks: number, t: Messages = en, firstAssigned: IsoDate | null = null): { from: IsoDate; to: IsoDate; caption?: string } {
  const cycle = t.range.cycle(cycleWeeks)
  let out: { from: IsoDate; to: IsoDate; caption?: string }
  if (r.kind === 'week') out = { from: mondayOf(r.date), to: addDays(mondayOf(r.date), 6), caption: t.range.weekOf(r.date) }
  else if (r.kind === 'month') out = { ...monthRange(r.month), caption: r.month }
  else if (r.from && r.to) out = { from: r.from, to: r.to }
  else if (r.from) out = { from: r.from, to: addDays(r.from, cycleWeeks * 7 - 1), caption: cycle }
  // --to alone starts on this week's Monday, or on the Monday of --to's week when that is earlier.
  else if (r.to) out = { from: mondayOf(today) <= r.to ? mondayOf(today) : mondayOf(r.to), to: r.to }
  else if (r.weeks !== undefined) out = { from: mondayOf(today), to: addDays(mondayOf(today), r.weeks * 7 - 1) }
  else if (firstAssigned && firstAssigned > today) out = { from: firstAssigned, to: addDays(firstAssigned, cycleWeeks * 7 - 1), caption: t.range.nextCycle(cycleWeeks) }
  else out = { from: mondayOf(today), to: addDays(mondayOf(today), cycleWeeks * 7 - 1), caption: t.range.thisWeek(cycleWeeks) }
  checkRangeLength(out.from, out.to)
  return out
}

/** A usage error for a range longer than MAX_RANGE_DAYS. */
export function checkRangeLength(from: IsoDate, to: IsoDate): void {
  if (diffDays(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new UsageError((m) => m.errors.usage.rangeTooLong(from, to, MAX_RANGE_DAYS), 'bad-range')
  }
}

