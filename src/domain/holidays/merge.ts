// How an import changes the holiday list: which dates are new, which get a
// new name, which are already as the import says, and which go (statutory
// dates an official schedule replaces, make-up days it no longer has).

import type { Holiday, HolidayRecord, IsoDate, Workday } from '../types.js'

export interface ImportPlan<T> {
  added: T[]
  updated: { before: T; after: T }[]
  unchanged: T[]
  removed: T[]
}

export type HolidayImportPlan = ImportPlan<HolidayRecord>

export interface HolidayImportOptions {
  /**
   * Stored holidays this import answers for: those among them it does not
   * hold are removed (an official year over the statutory dates put in
   * before it). None by default: a file only adds and renames.
   */
  replaces?: (stored: HolidayRecord) => boolean
}

/** A holiday read from a file or a calendar that has one name only. */
export function plainHoliday(h: Holiday): HolidayRecord {
  return { date: h.date, name: h.name, nameZh: null, statutory: false }
}

/**
 * Compares imported holidays with the ones already stored (any superset of
 * the imported dates will do). Importing the same holidays twice plans no
 * change the second time. A name given without a Chinese twin keeps the
 * stored Chinese name when the name itself is unchanged; statutory dates
 * never replace a holiday that is not statutory (an official or a team's own).
 */
export function planHolidayImport(stored: readonly HolidayRecord[], imported: readonly HolidayRecord[], o: HolidayImportOptions = {}): HolidayImportPlan {
  const byDate = new Map(stored.map((h) => [h.date, h]))
  const plan: HolidayImportPlan = { added: [], updated: [], unchanged: [], removed: [] }
  const importedDates = new Set<IsoDate>()
  for (const given of imported) {
    importedDates.add(given.date)
    const before = byDate.get(given.date)
    if (!before) {
      plan.added.push(given)
      continue
    }
    if (given.statutory && !before.statutory) {
      plan.unchanged.push(before)
      continue
    }
    const after = given.nameZh === null && before.name === given.name ? { ...given, nameZh: before.nameZh } : given
    if (before.name === after.name && before.nameZh === after.nameZh && before.statutory === after.statutory) plan.unchanged.push(before)
    else plan.updated.push({ before, after })
  }
  if (o.replaces) {
    for (const h of stored) if (!importedDates.has(h.date) && o.replaces(h)) plan.removed.push(h)
  }
  return plan
}

/**
 * The same for make-up working days of an official schedule: the stored ones
 * given (those of the year imported) that the schedule does not hold go.
 */
export function planWorkdayImport(stored: readonly Workday[], imported: readonly Workday[]): ImportPlan<Workday> {
  const byDate = new Map(stored.map((w) => [w.date, w]))
  const plan: ImportPlan<Workday> = { added: [], updated: [], unchanged: [], removed: [] }
  const importedDates = new Set(imported.map((w) => w.date))
  for (const w of imported) {
    const before = byDate.get(w.date)
    if (!before) plan.added.push(w)
    else if (before.name === w.name && before.nameZh === w.nameZh) plan.unchanged.push(before)
    else plan.updated.push({ before, after: w })
  }
  for (const w of stored) if (!importedDates.has(w.date)) plan.removed.push(w)
  return plan
}
