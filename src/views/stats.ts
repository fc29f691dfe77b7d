// A month's load per person, as data: the terminal (src/cli/render/stats.ts)
// and the CSV and Markdown reports (src/export/reports.ts) both show it.

import type { IsoDate } from '../domain/types.js'

export interface StaffStats {
  id: string
  name: string
  shifts: Record<string, number>
  total: number
  weekend: number
  holiday: number
  /** Active swaps taken part in whose date falls in the month. */
  swaps: number
}

export interface StatsReport {
  month: string
  from: IsoDate
  to: IsoDate
  /** Shift codes, in roster order: the columns. */
  shifts: string[]
  /** swap.max-per-month */
  swapLimit: number
  staff: StaffStats[]
}
