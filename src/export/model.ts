// What every export format is made from: the roster of a date range as plain
// data. The command builds it from the database; tests build it by hand.

import type { RosterEntry } from '../views/roster.js'
import { addDays, dayRange } from '../domain/dates.js'
import type { Holiday, IsoDate, ShiftType, Staff } from '../domain/types.js'
import type { ApprovedSwap } from '../store/swaps.js'

export type { ApprovedSwap } from '../store/swaps.js'

export interface ExportModel {
  from: IsoDate
  to: IsoDate
  /** When the export was made (the injected clock). */
  generatedAt: Date
  /** Grows with every change to the roster: tells two printouts apart. */
  revision: number
  /** Weeks per roster cycle: the printed sheet breaks the range into cycles. */
  cycleWeeks: number
  /** Shift types in roster order, every one the entries use included. */
  shifts: readonly ShiftType[]
  /** The assignments as `show --json` prints them, sorted the same way. */
  entries: readonly RosterEntry[]
  /** Holidays within [from, to]. */
  holidays: readonly Holiday[]
  /** The rows of a people-by-dates sheet, in order. */
  people: readonly Staff[]
  /** Everyone the entries and swaps name (inactive people included), for their names. */
  staff: readonly Staff[]
  /** Set by --staff: the export holds only this person's shifts. */
  person?: Staff
  /** Approved swaps touching the range. */
  swaps: readonly ApprovedSwap[]
}

/** A display name for a staff id; the id itself when nobody by that id is known. */
export function nameOf(model: Pick<ExportModel, 'staff'>, id: string): string {
  return model.staff.find((s) => s.id === id)?.name ?? id
}

/**
 * The range cut into cycles of `weeks` weeks from its first day; the last one
 * is shorter when the range does not end on a cycle boundary.
 */
export function cycles(from: IsoDate, to: IsoDate, weeks: number): { from: IsoDate; to: IsoDate }[] {
  const out: { from: IsoDate; to: IsoDate }[] = []
  const days = Math.max(1, weeks) * 7
  for (let start = from; start <= to; start = addDays(start, days)) {
    const end = addDays(start, days - 1)
    out.push({ from: start, to: end < to ? end : to })
  }
  return out
}

/** Entries grouped by a key, in their order. */
export function groupEntries(entries: readonly RosterEntry[], key: (e: RosterEntry) => string): Map<string, RosterEntry[]> {
  const out = new Map<string, RosterEntry[]>()
  for (const e of entries) {
    const k = key(e)
    const list = out.get(k)
    if (list) list.push(e)
    else out.set(k, [e])
  }
  return out
}

/** For each date and shift, how many places nobody fills (only positive counts). */
export function openPlaces(model: Pick<ExportModel, 'shifts' | 'entries'>, from: IsoDate, to: IsoDate): Map<string, number> {
  const filled = groupEntries(model.entries, (e) => `${e.date}|${e.shift}`)
  const out = new Map<string, number>()
  for (const date of dayRange(from, to)) {
    for (const s of model.shifts) {
      const missing = s.headcount - (filled.get(`${date}|${s.code}`)?.length ?? 0)
      if (missing > 0) out.set(`${date}|${s.code}`, missing)
    }
  }
  return out
}
