// A hand-made export model: the demo shifts over one week from Monday
// 2027-01-04, with a holiday and one approved swap. Tests override parts.

import type { ExportModel } from '../../src/export/model.js'
import { aStaff, DEMO_SHIFTS, FRI, MON, SUN, TUE } from '../support/builders.js'

export const GENERATED_AT = new Date('2027-01-06T09:30:00Z')

export const ANA = aStaff({ id: 'ana', name: 'Ana Souza' })
export const CHEN = aStaff({ id: 'chen', name: 'Chen Jie 陈杰' })

export function aModel(over: Partial<ExportModel> = {}): ExportModel {
  return {
    from: MON,
    to: SUN,
    generatedAt: GENERATED_AT,
    revision: 42,
    cycleWeeks: 3,
    shifts: DEMO_SHIFTS,
    entries: [
      { date: MON, shift: 'A', staff: 'ana', start: '09:00', end: '17:00', remote: false, holiday: false },
      { date: MON, shift: 'C', staff: 'chen', start: '20:00', end: '22:00', remote: true, holiday: false },
      { date: TUE, shift: 'B', staff: 'chen', start: '12:00', end: '20:00', remote: false, holiday: false },
      { date: FRI, shift: 'A', staff: 'chen', start: '09:00', end: '17:00', remote: false, holiday: true },
    ],
    holidays: [{ date: FRI, name: 'Founders Day 建厂日' }],
    people: [ANA, CHEN],
    staff: [ANA, CHEN],
    swaps: [{ id: 7, requester: 'ana', counterpart: 'chen', date: TUE, payback: null }],
    ...over,
  }
}

/** The hostile names the exports must render inert. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  hyperlink: '=HYPERLINK("http://x","y")',
  plus: '+1',
  at: '@SUM(A1)',
} as const
