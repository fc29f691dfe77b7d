// What every holiday source (ICS, CSV, a country's calendar) produces, and
// the one-holiday-per-date collection they share.

import type { Holiday, IsoDate } from '../types.js'

/** An import file may hold at most this many holidays (distinct dates). */
export const MAX_HOLIDAYS = 1000

/** The outcome of reading a holiday source: the holidays, or one error phrase (no file name, no final period). */
export type HolidayParse = { holidays: Holiday[]; warnings: string[] } | { error: string }

const MAX_NAME = 100

/**
 * Collects holidays one per date, in date order. Two different names on one
 * date are joined ("A / B"); the same name twice counts once.
 */
export class HolidayCollector {
  private readonly byDate = new Map<IsoDate, string[]>()

  /** Adds a holiday; returns false when that would pass MAX_HOLIDAYS dates. */
  add(date: IsoDate, name: string): boolean {
    const names = this.byDate.get(date)
    if (names) {
      if (!names.includes(name)) names.push(name)
      return true
    }
    if (this.byDate.size >= MAX_HOLIDAYS) return false
    this.byDate.set(date, [name])
    return true
  }

  has(date: IsoDate): boolean {
    return this.byDate.has(date)
  }

  get size(): number {
    return this.byDate.size
  }

  holidays(): Holiday[] {
    return [...this.byDate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, names]) => ({ date, name: joinNames(names) }))
  }
}

function joinNames(names: string[]): string {
  const joined = names.join(' / ')
  const chars = [...joined]
  return chars.length <= MAX_NAME ? joined : `${chars.slice(0, MAX_NAME - 1).join('')}…`
}

/** The error phrase for a source with more than MAX_HOLIDAYS dates. */
export function tooManyHolidays(): string {
  return `it holds more than ${MAX_HOLIDAYS} holidays; split it into smaller files`
}

/** Folds runs of white space (line breaks and tabs included) into single spaces. */
export function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').trim()
}

/** A validation sentence ("The name is too long.") as a phrase for the middle of a sentence. */
export function asPhrase(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '')
}
