// What `roster check` found, as data: the terminal (src/cli/render/check.ts)
// and the CSV and Markdown reports (src/export/reports.ts) both show it.

import type { CoverageGap, Interval } from '../domain/coverage-gaps.js'
import { compareText } from '../domain/compare.js'
import { addDays } from '../domain/dates.js'
import type { FairnessSummary } from '../domain/fairness.js'
import type { IsoDate, ServiceHours, Violation } from '../domain/types.js'
import type { WishNotGranted } from '../domain/wishes/wish.js'

export interface CheckReport {
  /** Null when there is no roster to check. */
  from: IsoDate | null
  to: IsoDate | null
  /** How the range was chosen, for the first line. */
  scope: string
  ok: boolean
  serviceHours: ServiceHours
  /** Service hours no shift type covers at all: a setup finding, reported once. */
  uncoverable: Interval[]
  /** Hours missing because people are missing (the uncoverable hours taken out). */
  gaps: CoverageGap[]
  violations: Violation[]
  /** A lead who could generate the roster, named in the hint when there is none. */
  lead?: string
  /** How evenly the checked dates share the work among the rotation; null without a roster. */
  fairness: FairnessSummary | null
  /** Wish days in the range and those the roster does not grant: information, never a violation (ok ignores them). */
  wishes?: { total: number; notGranted: WishNotGranted[] }
}

/** Identical gaps on consecutive days, folded into one line each. */
export function gapRuns(gaps: readonly CoverageGap[]): { from: number; to: number; first: IsoDate; last: IsoDate }[] {
  const runs: { from: number; to: number; first: IsoDate; last: IsoDate }[] = []
  const open = new Map<string, (typeof runs)[number]>()
  for (const g of [...gaps].sort((a, b) => compareText(a.date, b.date) || a.from - b.from)) {
    const key = `${g.from}-${g.to}`
    const run = open.get(key)
    if (run && addDays(run.last, 1) === g.date) run.last = g.date
    else {
      const fresh = { from: g.from, to: g.to, first: g.date, last: g.date }
      runs.push(fresh)
      open.set(key, fresh)
    }
  }
  return runs.sort((a, b) => compareText(a.first, b.first) || a.from - b.from)
}
