// The generator's rest model and the night clocks go forward: the model holds
// every night of such a range to the rest that night needs in real hours, so
// what it draws up keeps roster.min-rest, which counts real hours.

import { describe, expect, it } from 'vitest'
import { dayRange } from '../../src/domain/dates.js'
import { buildModel, type GenerateInput } from '../../src/domain/generate.js'
import { aConfig, DEMO_SHIFTS } from '../support/builders.js'

const C_THEN_A = 2 * DEMO_SHIFTS.length + 0 // forbidden1[C * S + A]

function model(from: string, to: string, timezone: string | null) {
  const dates = dayRange(from, to)
  const staff = ['ana', 'ben', 'chen', 'dev']
  const input: GenerateInput = { dates, staff, shifts: DEMO_SHIFTS, config: aConfig({ timezone }), unavailable: new Map(), history: [], holidays: [], seed: 1 }
  return buildModel(input, staff.map(() => dates.map(() => false)), staff.map(() => new Set<number>()), [], [])
}

describe('generate: rest in real hours', () => {
  it('forbids C then A (11 h by the clocks) in a range holding the Berlin spring night (10 h)', () => {
    expect(model('2027-03-22', '2027-04-04', 'Europe/Berlin').forbidden1[C_THEN_A]).toBe(1)
    // The night before the range counts too: history may end with C on Saturday.
    expect(model('2027-03-28', '2027-04-10', 'Europe/Berlin').forbidden1[C_THEN_A]).toBe(1)
  })

  it('near miss: allows it a week earlier, in the autumn, and where the zone has no change', () => {
    expect(model('2027-03-08', '2027-03-21', 'Europe/Berlin').forbidden1[C_THEN_A]).toBe(0)
    expect(model('2027-10-25', '2027-11-07', 'Europe/Berlin').forbidden1[C_THEN_A]).toBe(0)
    expect(model('2027-03-22', '2027-04-04', 'Asia/Shanghai').forbidden1[C_THEN_A]).toBe(0)
    expect(model('2027-03-22', '2027-04-04', null).forbidden1[C_THEN_A]).toBe(0)
  })
})
