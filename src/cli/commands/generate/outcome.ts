// What `roster generate` did, as data: runGenerate returns it, render.ts shows it.

import type { FairnessSummary } from '../../../domain/fairness.js'
import type { Quality } from '../../../domain/generate.js'
import type { WishReport } from '../../../domain/wishes/plan.js'
import type { Wish } from '../../../domain/wishes/wish.js'
import type { Assignment, IsoDate, Staff } from '../../../domain/types.js'

export interface GenerateOutcome {
  from: IsoDate
  to: IsoDate
  seed: number
  replaced: number
  assignments: Assignment[]
  staff: Staff[]
  fairness: FairnessSummary
  createdDemo: boolean
  /** Approved swaps in the range whose days were kept as they are (generate --replace). */
  keptSwaps: number[]
  /** True when --demo found the database already there and kept it: nothing was generated. */
  keptDemo: boolean
  /** generate --cyclic and extend: the repeating pattern laid (SPEC 10). */
  pattern?: { weeks: number; repeat: number; rotate: boolean }
  /** Days solved again because leave, a swap or the roster before fell on the pattern. */
  resolved?: IsoDate[]
  /** extend: how many cycles it added (the title says so). */
  extended?: number
  /** The wishes in the range, what the roster granted of them, and how good the roster is (a fresh roster only). */
  wishList?: Wish[]
  wishes?: WishReport
  quality?: Quality
}
