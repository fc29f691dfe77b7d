// What a roster shows, whoever shows it: the SPEC's JSON entries, the shift
// columns, day labels and shift hours. The terminal renderers (src/cli/render)
// and the exporters (src/export) both build on these; pure, everything comes in
// as arguments.

import { formatHhmm } from '../domain/clock.js'
import { compareText } from '../domain/compare.js'
import { isWeekend, weekdayIndex } from '../domain/dates.js'
import type { Assignment, Holiday, IsoDate, ShiftType } from '../domain/types.js'
import { en, type Messages } from '../i18n/index.js'

/** English weekday names, for data that stays English whatever the language (CSV). */
export const WEEKDAYS = en.weekdays

/** One assignment as `show --json` and `export --format json` print it (SPEC section 6). */
export interface RosterEntry {
  date: IsoDate
  shift: string
  staff: string
  start: string
  end: string
  remote: boolean
  holiday: boolean
}

/**
 * The assignments as SPEC entries, sorted by date, then shift start, then
 * shift code, then staff. An end of `00:00` is midnight (the shift crosses it).
 */
export function rosterEntries(assignments: readonly Assignment[], shifts: readonly ShiftType[], holidays: readonly Holiday[]): RosterEntry[] {
  const byCode = new Map(shifts.map((s) => [s.code, s]))
  const holidayDates = new Set(holidays.map((h) => h.date))
  const start = (a: Assignment) => byCode.get(a.shift)?.start ?? 0
  return [...assignments]
    .sort((x, y) => compareText(x.date, y.date) || start(x) - start(y) || compareText(x.shift, y.shift) || compareText(x.staff, y.staff))
    .map((a) => {
      const s = byCode.get(a.shift)
      return {
        date: a.date,
        shift: a.shift,
        staff: a.staff,
        start: formatHhmm(s?.start ?? 0),
        end: formatHhmm(s?.end ?? 0),
        remote: !!s?.remote,
        holiday: holidayDates.has(a.date),
      }
    })
}

/**
 * The shift types to show as columns: those in use today, and retired ones
 * that `assignments` still hold, in the order of `all`.
 */
export function shiftColumns(all: readonly ShiftType[], current: readonly ShiftType[], assignments: readonly Assignment[]): ShiftType[] {
  const wanted = new Set([...current.map((s) => s.code), ...assignments.map((a) => a.shift)])
  return all.filter((s) => wanted.has(s.code))
}

/** `Mon`, or `Sat*` on a weekend (`周一`, `周六*` in Chinese). */
export function dayLabel(date: IsoDate, t: Messages = en): string {
  return `${t.weekdays[weekdayIndex(date)]}${isWeekend(date) ? '*' : ''}`
}

/** `09:00-17:00` */
export function shiftHours(s: ShiftType): string {
  return `${formatHhmm(s.start)}-${formatHhmm(s.end)}`
}
