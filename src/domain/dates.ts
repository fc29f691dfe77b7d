// Calendar arithmetic on ISO dates. Dates carry no time zone: they are
// civil dates, computed in UTC so that DST never shifts a day.

import type { IsoDate } from './types.js'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toUtc(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(d) + n * DAY_MS)
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS)
}

/** Every date from `from` to `to`, both included; empty when reversed. */
export function dayRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let t = toUtc(from), end = toUtc(to); t <= end; t += DAY_MS) out.push(fromUtc(t))
  return out
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(d: IsoDate): number {
  return (new Date(toUtc(d)).getUTCDay() + 6) % 7
}

export function isWeekend(d: IsoDate): boolean {
  return weekdayIndex(d) >= 5
}

/** The Monday of the week containing `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -weekdayIndex(d))
}

/** The first Monday strictly after `d`. */
export function nextMonday(d: IsoDate): IsoDate {
  return addDays(d, 7 - weekdayIndex(d))
}

/** `YYYY-MM` of a date. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7)
}

export function isMonth(s: string): boolean {
  return /^\d{4}-\d{2}$/.test(s) && isIsoDate(`${s}-01`)
}

export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` }
}

/** The civil date of an instant in the local time zone of the runtime. */
export function localDate(now: Date): IsoDate {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/**
 * Reads a user's date word: ISO, `today`, `tomorrow`, `yesterday`, or a weekday
 * name (`mon`..`sun` or in full) meaning the next such day after today;
 * `next-mon` is the same as `mon`. Any of these may be followed by an offset
 * in days or weeks (`mon+1`, `mon+2w`, `tomorrow-1`), so a tour or a script
 * can name the days of a roster that starts next Monday on any day it runs.
 * Returns null when the word is not a date.
 */
export function resolveDateWord(word: string, today: IsoDate): IsoDate | null {
  const m = /^(.+?)([+-])(\d{1,3})(d|w)?$/.exec(word.trim().toLowerCase())
  if (m && !isIsoDate(word.trim())) {
    const base = baseDateWord(m[1]!, today)
    if (!base) return null
    const n = Number(m[3]) * (m[4] === 'w' ? 7 : 1) * (m[2] === '-' ? -1 : 1)
    const d = addDays(base, n)
    return isIsoDate(d) ? d : null
  }
  return baseDateWord(word, today)
}

function baseDateWord(word: string, today: IsoDate): IsoDate | null {
  let w = word.trim().toLowerCase()
  if (isIsoDate(w)) return w
  if (w === 'today') return today
  if (w === 'tomorrow') return addDays(today, 1)
  if (w === 'yesterday') return addDays(today, -1)
  if (w.startsWith('next-')) w = w.slice(5)
  const i = WEEKDAYS.findIndex((name) => w === name || w === name.slice(0, 3))
  if (i < 0) return null
  const delta = (i - weekdayIndex(today) + 7) % 7 || 7
  return addDays(today, delta)
}
