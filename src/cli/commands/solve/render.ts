// The text `roster solve` prints: the objective first, then where it comes from.
// (English only for now: the benchmark and its terms are English.)

import type { SolveOutcome } from './outcome.js'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function renderSolved(o: SolveOutcome): string {
  const v = o.verdict
  return [
    `${o.instance}: objective ${v.objective}`,
    `${plural(o.staff, 'person', 'people')}, ${plural(o.days, 'day', 'days')}, ${plural(o.shifts, 'shift type', 'shift types')}; every hard rule holds.`,
    `Cover: ${plural(v.under, 'person', 'people')} missing (costs ${v.underCost}), ${v.over} too many (costs ${v.overCost}).`,
    `Requests not granted: ${v.onRequestsMissed} to work a shift, ${v.offRequestsMissed} to be off one (costs ${v.onRequestCost + v.offRequestCost}).`,
    `Searched ${o.seconds.toFixed(1)} s on ${plural(o.threads, 'thread', 'threads')} from seed ${o.seed}.`,
  ].join('\n')
}
