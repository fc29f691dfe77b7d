// The text `roster solve` prints: the objective first, then where it comes from.
// (English only for now: the benchmark and its terms are English; the line on
// the lower bound comes from the catalogue, as generate's quality line does.)

import type { Messages } from '../../../i18n/en.js'
import type { SolveOutcome } from './outcome.js'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** How far the objective can be from the best: optimal when it meets the bound, else within (objective - bound) / objective. */
export function renderBound(o: SolveOutcome, t: Messages): string {
  const objective = o.verdict.objective
  if (o.lowerBound === null) return t.solve.noBound
  if (o.lowerBound >= objective) return t.solve.optimal(objective)
  return t.solve.within((((objective - o.lowerBound) / objective) * 100).toFixed(1), o.lowerBound)
}

export function renderSolved(o: SolveOutcome, t: Messages): string {
  const v = o.verdict
  return [
    `${o.instance}: objective ${v.objective}`,
    `${plural(o.staff, 'person', 'people')}, ${plural(o.days, 'day', 'days')}, ${plural(o.shifts, 'shift type', 'shift types')}; every hard rule holds.`,
    `Cover: ${plural(v.under, 'person', 'people')} missing (costs ${v.underCost}), ${v.over} too many (costs ${v.overCost}).`,
    `Requests not granted: ${v.onRequestsMissed} to work a shift, ${v.offRequestsMissed} to be off one (costs ${v.onRequestCost + v.offRequestCost}).`,
    `Searched ${o.seconds.toFixed(1)} s on ${plural(o.threads, 'thread', 'threads')} from seed ${o.seed}.`,
    renderBound(o, t),
  ].join('\n')
}
