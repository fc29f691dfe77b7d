// Wall-clock times in a named time zone (IANA, e.g. Europe/Berlin) turned
// into instants, with the runtime's time-zone database (Intl). Pure: the zone
// is always an argument, never the machine's own. The rest rules count
// elapsed hours with it; the calendar exports place shifts with it.
//
// DST edges follow RFC 5545 section 3.3.5 (and Temporal's "compatible"
// choice): a wall time that happens twice (autumn, clocks go back) means the
// first of the two; a wall time that never happens (spring, clocks jump
// forward) is read with the offset in force before the jump, so 02:30 on the
// spring-forward night in Berlin is 03:30 summer time.

import { absoluteEnd } from './clock.js'
import { addDays, diffDays } from './dates.js'
import type { IsoDate } from './types.js'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
    formatters.set(zone, f)
  }
  return f
}

/** The wall-clock reading of `ms` in `zone`, as fields. */
export function wallClock(ms: number, zone: string): { date: IsoDate; hour: number; minute: number; second: number } {
  const parts: Record<string, string> = {}
  for (const p of formatter(zone).formatToParts(new Date(ms))) parts[p.type] = p.value
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** `zone`'s offset from UTC at the instant `ms`, in milliseconds (east positive). */
export function zoneOffset(ms: number, zone: string): number {
  const w = wallClock(ms, zone)
  const asUtc = Date.UTC(Number(w.date.slice(0, 4)), Number(w.date.slice(5, 7)) - 1, Number(w.date.slice(8, 10)), w.hour, w.minute, w.second)
  return asUtc - Math.floor(ms / 1000) * 1000
}

/**
 * The instant (ms since the epoch) at which clocks in `zone` show `minutes`
 * past the midnight that starts `date`; `minutes` may pass 1440 (the next
 * day). Ambiguous and skipped wall times as in the header comment.
 */
export function zonedInstant(date: IsoDate, minutes: number, zone: string): number {
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * MINUTE_MS
  // The offsets in force a day either side bracket any transition near this wall time.
  const before = zoneOffset(wall - DAY_MS, zone)
  const after = zoneOffset(wall + DAY_MS, zone)
  const valid = [before, after].map((o) => wall - o).filter((t) => zoneOffset(t, zone) === wall - t)
  if (valid.length) return Math.min(...valid)
  // Skipped by a jump forward: read it with the offset from before the jump.
  return wall - before
}

/** Start and end instants of a shift on `date` ending the next day when it crosses midnight. */
export function shiftInstants(date: IsoDate, start: number, end: number, zone: string): { start: number; end: number } {
  return { start: zonedInstant(date, start, zone), end: zonedInstant(date, absoluteEnd(start, end), zone) }
}

/** `2027-01-06 10:30` as clocks in `zone` show the instant. */
export function formatWallClock(at: Date, zone: string): string {
  const w = wallClock(at.getTime(), zone)
  return `${w.date} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

// The offset at noon UTC of each date, per zone: enough to see whether a
// few days hold a clock change, asked again and again by the rest rules.
const noonOffsets = new Map<string, number>()

function noonOffset(date: IsoDate, zone: string): number {
  const key = `${zone}|${date}`
  let o = noonOffsets.get(key)
  if (o === undefined) {
    if (noonOffsets.size > 50_000) noonOffsets.clear()
    o = zoneOffset(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12), zone)
    noonOffsets.set(key, o)
  }
  return o
}

/**
 * Minutes that really pass in `zone` from the wall-clock time `fromMinutes`
 * past the midnight starting `from` to `toMinutes` past the midnight starting
 * `to` (either may pass 1440): an hour less than the clocks say across the
 * night they go forward, an hour more across the night they go back. Without
 * a clock change in those days (checked first, cheaply), the clocks' count.
 */
export function elapsedMinutes(from: IsoDate, fromMinutes: number, to: IsoDate, toMinutes: number, zone: string): number {
  const steady = steadyBetween(from, to, zone)
  if (steady !== null) return steady * 1440 + toMinutes - fromMinutes
  return (zonedInstant(to, toMinutes, zone) - zonedInstant(from, fromMinutes, zone)) / MINUTE_MS
}

// Per zone and pair of dates: the days between them when the clocks do not change
// from the day before `from` to two days after `to`, else null. A year's roster
// asks about a few thousand pairs, tens of thousands of times.
const steadyPairs = new Map<string, number | null>()

function steadyBetween(from: IsoDate, to: IsoDate, zone: string): number | null {
  const key = `${zone}|${from}|${to}`
  let days = steadyPairs.get(key)
  if (days === undefined) {
    if (steadyPairs.size > 50_000) steadyPairs.clear()
    days = noonOffset(addDays(from, -1), zone) === noonOffset(addDays(to, 2), zone) ? diffDays(from, to) : null
    steadyPairs.set(key, days)
  }
  return days
}

/** Of the nights from `from` to `to`, the most minutes one loses to clocks going forward (0 when none does). */
export function mostMinutesLost(from: IsoDate, to: IsoDate, zone: string): number {
  let most = 0
  for (let d = from; d <= to; d = addDays(d, 1)) most = Math.max(most, 1440 - elapsedMinutes(d, 0, addDays(d, 1), 0, zone))
  return most
}
