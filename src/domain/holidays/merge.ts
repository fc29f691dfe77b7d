// How an import changes the holiday list: which dates are new, which get a
// new name, which are already as the import says.

import type { Holiday } from '../types.js'

export interface HolidayImportPlan {
  added: Holiday[]
  updated: { before: Holiday; after: Holiday }[]
  unchanged: Holiday[]
}

/**
 * Compares imported holidays with the ones already stored (any superset of
 * the imported dates will do). Importing the same holidays twice plans no
 * change the second time.
 */
export function planHolidayImport(stored: readonly Holiday[], imported: readonly Holiday[]): HolidayImportPlan {
  const byDate = new Map(stored.map((h) => [h.date, h]))
  const plan: HolidayImportPlan = { added: [], updated: [], unchanged: [] }
  for (const h of imported) {
    const before = byDate.get(h.date)
    if (!before) plan.added.push(h)
    else if (before.name !== h.name) plan.updated.push({ before, after: h })
    else plan.unchanged.push(h)
  }
  return plan
}
