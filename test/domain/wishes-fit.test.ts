// Wishes where a repeating pattern is laid (SPEC 10): which days a laid
// pattern goes against a wish, and how those days alone are mended.

import { describe, expect, it } from 'vitest'
import { addDays, dayRange } from '../../src/domain/dates.js'
import { drawPattern, fitRotation, layRotation, type Rotation } from '../../src/domain/rotation.js'
import { checkRules, ROSTER_RULES } from '../../src/domain/rules/index.js'
import type { Assignment } from '../../src/domain/types.js'
import { honourWishes, wishAffectedDays } from '../../src/domain/wishes/fit.js'
import type { Wish, WishDraft } from '../../src/domain/wishes/wish.js'
import { aConfig, DEMO_SHIFTS, MON } from '../support/builders.js'

const TEAM = ['ana', 'ben', 'chen', 'dai']
const wish = (id: number, o: Partial<WishDraft> = {}): Wish => ({ staff: 'ana', date: MON, to: MON, weekday: null, kind: 'off', shift: null, weight: 5, reason: null, ...o, id, createdAt: '2026-12-01T00:00:00.000Z' })

describe('wishAffectedDays', () => {
  const TUE = addDays(MON, 1)
  const WED = addDays(MON, 2)
  const dates = [MON, TUE, WED]
  const laid: Assignment[] = [
    { date: MON, shift: 'A', staff: 'ana' },
    { date: TUE, shift: 'B', staff: 'ana' },
    { date: MON, shift: 'C', staff: 'ben' },
  ]
  it('a day off wished on a day the pattern works is affected; on a day it is off, not', () => {
    expect(wishAffectedDays([wish(1, { date: MON, to: MON })], laid, TEAM, dates)).toEqual([MON])
    expect(wishAffectedDays([wish(1, { date: WED, to: WED })], laid, TEAM, dates)).toEqual([])
  })
  it('--not X is affected where the pattern has X, and only there', () => {
    expect(wishAffectedDays([wish(1, { kind: 'not', shift: 'B', date: MON, to: WED })], laid, TEAM, dates)).toEqual([TUE])
  })
  it('--shift X is affected where the pattern has another shift or none', () => {
    expect(wishAffectedDays([wish(1, { kind: 'shift', shift: 'A', date: MON, to: WED })], laid, TEAM, dates)).toEqual([TUE, WED])
  })
  it('weekly wishes count on their weekday; wishes of people outside the rotation and outside the dates do not', () => {
    expect(wishAffectedDays([wish(1, { date: null, to: null, weekday: 0, staff: 'ben' })], laid, TEAM, dates)).toEqual([MON])
    expect(wishAffectedDays([wish(1, { staff: 'zoe' })], laid, TEAM, dates)).toEqual([])
    expect(wishAffectedDays([wish(1, { date: addDays(MON, 9), to: addDays(MON, 9) })], laid, TEAM, dates)).toEqual([])
  })
})

describe('honourWishes and fitRotation with wishes', () => {
  const config = aConfig()
  const drawn = drawPattern({ start: MON, days: 21, staff: TEAM, shifts: DEMO_SHIFTS, config, rotate: false, holidays: [], seed: 1 })
  if (!drawn.ok) throw new Error('no pattern')
  const rotation: Rotation = { ...drawn.pattern, start: MON, order: TEAM }
  const dates = dayRange(addDays(MON, 21), addDays(MON, 41))
  const history = layRotation(rotation, dayRange(MON, addDays(MON, 20)))
  const laid = layRotation(rotation, dates)
  const base = { rotation, dates, shifts: DEMO_SHIFTS, config, unavailable: new Map(), history, holidays: [], seed: 1 }
  const key = (a: Assignment) => `${a.date}|${a.staff}|${a.shift}`
  const worksOn = (id: string) => dates.filter((d) => laid.some((a) => a.staff === id && a.date === d))

  it('no wishes: exactly the pattern, an empty report', () => {
    const fit = fitRotation({ ...base, wishes: [] })
    expect(fit.ok && fit.assignments.map(key).sort()).toEqual(laid.map(key).sort())
    expect(fit.ok && fit.wishes).toEqual({ granted: 0, total: 0, staff: [] })
    expect(fit.ok && fit.resolved).toEqual([])
  })

  it('only days with a wish against them change; every rule holds; what is granted is reported', () => {
    const wishes = worksOn('ben').slice(0, 10).map((d, i) => wish(i + 1, { staff: 'ben', date: d, to: d }))
    const fit = fitRotation({ ...base, wishes })
    if (!fit.ok) throw new Error('fit failed')
    const wished = new Set(wishes.map((w) => w.date!))
    for (const d of fit.resolved) expect(wished.has(d)).toBe(true)
    for (const d of dates) {
      if (fit.resolved.includes(d)) continue
      expect(fit.assignments.filter((a) => a.date === d).map(key).sort(), d).toEqual(laid.filter((a) => a.date === d).map(key).sort())
    }
    expect(fit.wishes!.total).toBe(10)
    expect(fit.wishes!.granted).toBe(fit.resolved.length)
    expect(fit.wishes!.granted).toBeGreaterThan(0)
    for (const d of fit.resolved) expect(fit.assignments.some((a) => a.staff === 'ben' && a.date === d)).toBe(false)
    const state = { shifts: DEMO_SHIFTS, assignments: [...history, ...fit.assignments], leaves: [], holidays: [], config }
    expect(checkRules(ROSTER_RULES, state, { from: dates[0]!, to: dates[20]! })).toEqual([])
  })

  it('a wish no exchange can grant without breaking coverage stays denied and the day stays the pattern', () => {
    const d = dates[5]!
    const wishes = TEAM.map((id, i) => wish(i + 1, { staff: id, date: d, to: d }))
    const r = honourWishes({ dates, staff: TEAM, shifts: DEMO_SHIFTS, config, unavailable: new Map(), history, holidays: [], wishes, assignments: laid })
    expect(r.changed).toEqual([])
    expect(r.assignments.map(key).sort()).toEqual(laid.map(key).sort())
    expect(r.report.granted).toBe(1)
    expect(r.report.staff.flatMap((s) => s.denied).map((x) => x.reason)).toEqual(['roster.coverage', 'roster.coverage', 'roster.coverage'])
  })

  it('a person on leave or a shift type gone is not mended for, and says why', () => {
    const d = worksOn('ana')[3]!
    const wishes = [wish(1, { staff: 'ana', kind: 'shift', shift: 'Z', date: d, to: d })]
    const r = honourWishes({ dates, staff: TEAM, shifts: DEMO_SHIFTS, config, unavailable: new Map(), history, holidays: [], wishes, assignments: laid })
    expect(r.changed).toEqual([])
    expect(r.report.staff[0]!.denied).toEqual([{ wish: 1, date: d, reason: 'shift.removed' }])
    const leave = new Map([['ana', new Set([d])]])
    const fit = fitRotation({ ...base, unavailable: leave, wishes: [wish(2, { staff: 'ana', kind: 'shift', shift: 'A', date: d, to: d })] })
    expect(fit.ok && fit.wishes!.staff[0]!.denied).toEqual([{ wish: 2, date: d, reason: 'roster.leave' }])
  })
})
