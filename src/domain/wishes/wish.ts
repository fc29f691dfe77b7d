// What a wish is (SPEC 9): a day off, a shift wanted or a shift not wanted, on
// one date, a span of dates or every such weekday, with a weight 1-10. Pure:
// the parser of `wish add` calls validateWish, generate and check call
// wishOccurrences.

import { dayRange, diffDays, isIsoDate, weekdayIndex } from '../dates.js'
import type { IsoDate } from '../types.js'

export type WishKind = 'off' | 'shift' | 'not'
export const WISH_KINDS: readonly WishKind[] = ['off', 'shift', 'not']

/** Monday first, as weekdayIndex counts. */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

export const MIN_WEIGHT = 1
export const MAX_WEIGHT = 10
export const DEFAULT_WEIGHT = 5
/** Longest span one dated wish may cover. */
export const MAX_WISH_DAYS = 366

/** A wish as the user gives it, before it has an id. */
export interface WishDraft {
  staff: string
  /** First day of a dated wish (null for a weekly one). */
  date: IsoDate | null
  /** Last day of a dated wish (equal to date for one day; null for a weekly one). */
  to: IsoDate | null
  /** 0 = Monday .. 6 = Sunday for a weekly wish (null for a dated one). */
  weekday: number | null
  kind: WishKind
  /** The shift code for kind shift / not (null for off). */
  shift: string | null
  weight: number
  reason: string | null
}

export interface Wish extends WishDraft {
  id: number
  createdAt: string
}

/** One day a wish speaks of, within a range. */
export interface WishOccurrence {
  wish: Wish
  date: IsoDate
}

/** What is wrong with a draft, as a stable code the CLI turns into a sentence. */
export type WishProblem =
  | { code: 'no-when' }
  | { code: 'both-when' }
  | { code: 'no-kind' }
  | { code: 'two-kinds' }
  | { code: 'bad-weight'; raw: string }
  | { code: 'bad-weekday'; raw: string }
  | { code: 'bad-span'; raw: string }
  | { code: 'span-order'; from: IsoDate; to: IsoDate }
  | { code: 'span-long'; from: IsoDate; to: IsoDate; days: number }
  | { code: 'unknown-shift'; shift: string; known: readonly string[] }

/** The weekday index of `mon`..`sun` (also full English names), any case; null otherwise. */
export function parseWeekday(raw: string): number | null {
  const t = raw.trim().toLowerCase()
  const full = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
  const i = WEEKDAY_NAMES.findIndex((w, k) => t === w || t === full[k])
  return i < 0 ? null : i
}

/** The weight: a whole number 1-10, else null. */
export function parseWeight(raw: string): number | null {
  const t = raw.trim()
  if (!/^\d{1,2}$/.test(t)) return null
  const n = Number(t)
  return n >= MIN_WEIGHT && n <= MAX_WEIGHT ? n : null
}

/**
 * Splits `d` or `d1..d2` into its ends with `resolve` (which reads date words
 * like today); a problem when either end is no date, the span runs backwards
 * or covers more than MAX_WISH_DAYS.
 */
export function parseSpan(raw: string, resolve: (word: string) => IsoDate | null): { from: IsoDate; to: IsoDate } | WishProblem {
  const parts = raw.split('..')
  if (parts.length > 2) return { code: 'bad-span', raw }
  const from = resolve(parts[0]!.trim())
  const to = parts.length === 2 ? resolve(parts[1]!.trim()) : from
  if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) return { code: 'bad-span', raw }
  if (from > to) return { code: 'span-order', from, to }
  const days = diffDays(from, to) + 1
  if (days > MAX_WISH_DAYS) return { code: 'span-long', from, to, days }
  return { from, to }
}

/** A draft's problem with the shift codes the team has, or null when it is a wish the store may keep. */
export function validateWish(w: WishDraft, shiftCodes: readonly string[]): WishProblem | null {
  if ((w.date === null) === (w.weekday === null)) return { code: w.date === null ? 'no-when' : 'both-when' }
  if (w.weight < MIN_WEIGHT || w.weight > MAX_WEIGHT || !Number.isInteger(w.weight)) return { code: 'bad-weight', raw: String(w.weight) }
  if (w.kind === 'off' ? w.shift !== null : w.shift === null) return { code: 'no-kind' }
  if (w.shift !== null && !shiftCodes.includes(w.shift)) return { code: 'unknown-shift', shift: w.shift, known: shiftCodes }
  if (w.date !== null && (w.to === null || w.to < w.date)) return { code: 'span-order', from: w.date, to: w.to ?? w.date }
  return null
}

/** Whether the wish speaks of `date`. */
export function wishOn(w: WishDraft, date: IsoDate): boolean {
  if (w.weekday !== null) return weekdayIndex(date) === w.weekday
  return w.date! <= date && date <= w.to!
}

/** Every day of `dates` each wish speaks of, in the order of the wishes, then of the dates. */
export function wishOccurrences(wishes: readonly Wish[], dates: readonly IsoDate[]): WishOccurrence[] {
  const out: WishOccurrence[] = []
  for (const wish of wishes) for (const date of dates) if (wishOn(wish, date)) out.push({ wish, date })
  return out
}

/** Whether a person's day (their shift code, or null off) grants the wish. */
export function grants(w: WishDraft, shift: string | null): boolean {
  if (w.kind === 'off') return shift === null
  if (w.kind === 'shift') return shift === w.shift
  return shift !== w.shift
}

/** Whether a dated wish overlaps [from, to]; a weekly one always does (it holds every week). */
export function wishInRange(w: WishDraft, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  if (w.weekday !== null) return true
  if (from !== undefined && w.to! < from) return false
  if (to !== undefined && w.date! > to) return false
  return true
}

/** The days of a dated wish (a weekly one: none). */
export function wishDays(w: WishDraft): IsoDate[] {
  return w.date === null ? [] : dayRange(w.date, w.to!)
}

/** A day a wish speaks of that the roster does not grant (check: information, never a violation). */
export interface WishNotGranted {
  wish: number
  staff: string
  date: IsoDate
  kind: WishKind
  shift: string | null
  /** What the person has that day: their shift codes, or [] for a day off. */
  has: string[]
}

/**
 * The days of `dates` on which the roster (`assignments`) does not grant a
 * wish, by date then wish id; and how many wish days there were in all. A day
 * with two shifts (a broken roster) grants an off wish never and a shift wish
 * when one of them is the shift.
 */
export function wishesNotGranted(wishes: readonly Wish[], assignments: readonly { date: IsoDate; shift: string; staff: string }[], dates: readonly IsoDate[]): { total: number; notGranted: WishNotGranted[] } {
  const has = new Map<string, string[]>()
  for (const a of assignments) {
    const k = `${a.staff}|${a.date}`
    has.set(k, [...(has.get(k) ?? []), a.shift])
  }
  const out: WishNotGranted[] = []
  const occ = wishOccurrences(wishes, dates)
  for (const { wish, date } of occ) {
    const shifts = has.get(`${wish.staff}|${date}`) ?? []
    const ok = wish.kind === 'off' ? shifts.length === 0 : wish.kind === 'shift' ? shifts.includes(wish.shift!) : !shifts.includes(wish.shift!)
    if (!ok) out.push({ wish: wish.id, staff: wish.staff, date, kind: wish.kind, shift: wish.shift, has: shifts })
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.wish - b.wish))
  return { total: occ.length, notGranted: out }
}
