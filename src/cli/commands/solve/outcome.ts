// What `roster solve` found, as data: runSolve returns it, render.ts shows it.

import type { CurtoisAssignment, CurtoisVerdict } from '../../../domain/solver/curtois-evaluate.js'

export interface SolveOutcome {
  instance: string
  staff: number
  days: number
  shifts: number
  seed: number
  threads: number
  seconds: number
  verdict: CurtoisVerdict
  assignments: CurtoisAssignment[]
  /** The best lower bound the relaxation proved (whole, at most the objective); null when none was. */
  lowerBound: number | null
}
