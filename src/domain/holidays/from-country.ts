// Turns a country's calendar (as the date-holidays library computes it) into
// the holidays a service desk observes: whole-day public holidays.

import { addDays, dayRange, isIsoDate } from '../dates.js'
import { HolidayCollector, tidyName, tooManyHolidays, type HolidayParse } from './collect.js'

/** One entry as date-holidays returns it: `date` is the local "YYYY-MM-DD HH:mm:ss" of `start`. */
export interface CalendarEntry {
  date: string
  start: Date
  end: Date
  name: string
  type: string
}

const DAY_MS = 86_400_000

/**
 * Keeps the public holidays that last whole days, one holiday per date
 * (names on a shared date joined), sorted. Public holidays that start at
 * midday (China's Women's Day or Army Day, for the groups they concern) are
 * left out and named in a warning, since the desk still works those days.
 */
export function publicHolidays(entries: readonly CalendarEntry[]): HolidayParse {
  const collector = new HolidayCollector()
  const partial: string[] = []
  for (const entry of entries) {
    if (entry.type !== 'public') continue
    const name = tidyName(entry.name)
    const first = entry.date.slice(0, 10)
    if (!isIsoDate(first)) return { error: `the holiday calendar gave "${entry.date}" for ${name}, which is not a date` }
    if (!/ 00:00(:00)?$/.test(entry.date)) {
      if (!partial.includes(name)) partial.push(name)
      continue
    }
    // Rounded, so that a day made 23 or 25 hours long by a DST change still counts as one.
    const days = Math.max(1, Math.round((entry.end.getTime() - entry.start.getTime()) / DAY_MS))
    for (const day of dayRange(first, addDays(first, days - 1))) {
      if (!collector.add(day, name)) return { error: tooManyHolidays() }
    }
  }
  const warnings = partial.length
    ? [`left out ${partial.length} public holiday${partial.length === 1 ? '' : 's'} that last only part of a day: ${partial.join(', ')}`]
    : []
  return { holidays: collector.holidays(), warnings }
}
