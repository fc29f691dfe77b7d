// The wish model (parsing and validation the `wish add` parser calls), the
// fairness of granted wishes in generate, and the quality's lower bound.

import { describe, expect, it } from 'vitest'
import { addDays, dayRange } from '../../src/domain/dates.js'
import { buildModel, generateRoster, type GenerateInput } from '../../src/domain/generate.js'
import { lowerBound } from '../../src/domain/solver/bound.js'
import { parseSpan, parseWeekday, parseWeight, validateWish, wishesNotGranted, wishOccurrences, type Wish, type WishDraft } from '../../src/domain/wishes/wish.js'
import type { ShiftType } from '../../src/domain/types.js'
import { aConfig } from '../support/builders.js'

const iso = (w: string) => (/^\d{4}-\d\d-\d\d$/.test(w) ? w : null)
const draft = (o: Partial<WishDraft> = {}): WishDraft => ({ staff: 'ana', date: '2026-12-16', to: '2026-12-16', weekday: null, kind: 'off', shift: null, weight: 5, reason: null, ...o })
const wish = (id: number, o: Partial<WishDraft> = {}): Wish => ({ ...draft(o), id, createdAt: '2026-12-01T00:00:00.000Z' })

const DEMO_SHIFTS: ShiftType[] = [
  { code: 'A', name: 'Day', start: 540, end: 1020, remote: false, headcount: 1 },
  { code: 'B', name: 'Late', start: 720, end: 1200, remote: false, headcount: 1 },
  { code: 'C', name: 'Evening', start: 1200, end: 1320, remote: true, headcount: 1 },
]
const demo = (o: Partial<GenerateInput> = {}): GenerateInput => ({
  dates: dayRange('2026-12-07', '2026-12-27'),
  staff: ['ana', 'ben', 'chen', 'dev'],
  shifts: DEMO_SHIFTS,
  config: aConfig({}),
  unavailable: new Map(),
  history: [],
  holidays: [],
  seed: 1,
  ...o,
})

describe('wish parsing and validation', () => {
  it('reads weekdays mon..sun and their full names in any case, nothing else', () => {
    expect(['mon', 'Tue', 'WED', 'thursday', 'fri', 'sat', 'Sunday'].map(parseWeekday)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(parseWeekday('mo')).toBeNull()
    expect(parseWeekday('8')).toBeNull()
  })

  it('takes weights 1 to 10 only', () => {
    expect(['1', '5', '10', ' 7 '].map(parseWeight)).toEqual([1, 5, 10, 7])
    for (const bad of ['0', '11', '-1', '5.5', 'x', '']) expect(parseWeight(bad), bad).toBeNull()
  })

  it('reads one day or a span d1..d2, refusing a backwards, overlong or malformed one', () => {
    expect(parseSpan('2026-12-16', iso)).toEqual({ from: '2026-12-16', to: '2026-12-16' })
    expect(parseSpan('2026-12-16..2026-12-18', iso)).toEqual({ from: '2026-12-16', to: '2026-12-18' })
    expect(parseSpan('2026-12-18..2026-12-16', iso)).toEqual({ code: 'span-order', from: '2026-12-18', to: '2026-12-16' })
    expect(parseSpan('2026-01-01..2027-01-02', iso)).toMatchObject({ code: 'span-long', days: 367 })
    expect(parseSpan('2026-01-01..2026-12-31', iso)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(parseSpan('2026-12-16..', iso)).toMatchObject({ code: 'bad-span' })
    expect(parseSpan('a..b..c', iso)).toMatchObject({ code: 'bad-span' })
  })

  it('validates a draft against the shift codes: one of date or weekday, a kind that fits, a known shift', () => {
    const codes = ['A', 'B', 'C']
    expect(validateWish(draft(), codes)).toBeNull()
    expect(validateWish(draft({ kind: 'shift', shift: 'A' }), codes)).toBeNull()
    expect(validateWish(draft({ date: null, to: null, weekday: 6 }), codes)).toBeNull()
    expect(validateWish(draft({ date: null, to: null }), codes)).toEqual({ code: 'no-when' })
    expect(validateWish(draft({ weekday: 1 }), codes)).toEqual({ code: 'both-when' })
    expect(validateWish(draft({ shift: 'A' }), codes)).toEqual({ code: 'no-kind' })
    expect(validateWish(draft({ kind: 'not' }), codes)).toEqual({ code: 'no-kind' })
    expect(validateWish(draft({ kind: 'shift', shift: 'Z' }), codes)).toEqual({ code: 'unknown-shift', shift: 'Z', known: codes })
    expect(validateWish(draft({ weight: 0 }), codes)).toMatchObject({ code: 'bad-weight' })
    expect(validateWish(draft({ weight: 11 }), codes)).toMatchObject({ code: 'bad-weight' })
  })

  it('places a weekly wish on every such weekday of the range, a span on its days within it', () => {
    const dates = dayRange('2026-12-07', '2026-12-27')
    expect(wishOccurrences([wish(1, { date: null, to: null, weekday: 6 })], dates).map((o) => o.date)).toEqual(['2026-12-13', '2026-12-20', '2026-12-27'])
    expect(wishOccurrences([wish(2, { date: '2026-12-05', to: '2026-12-08' })], dates).map((o) => o.date)).toEqual(['2026-12-07', '2026-12-08'])
  })

  it('finds the wish days a roster does not grant, with what the person has', () => {
    const dates = ['2026-12-16', '2026-12-17']
    const wishes = [wish(1, { date: '2026-12-16', to: '2026-12-17' }), wish(2, { staff: 'ben', kind: 'not', shift: 'C', date: null, to: null, weekday: 2 }), wish(3, { staff: 'dev', kind: 'shift', shift: 'A' })]
    const roster = [{ date: '2026-12-16', shift: 'B', staff: 'ana' }, { date: '2026-12-16', shift: 'C', staff: 'ben' }, { date: '2026-12-16', shift: 'A', staff: 'dev' }]
    expect(wishesNotGranted(wishes, roster, dates)).toEqual({
      total: 4,
      notGranted: [
        { wish: 1, staff: 'ana', date: '2026-12-16', kind: 'off', shift: null, has: ['B'] },
        { wish: 2, staff: 'ben', date: '2026-12-16', kind: 'not', shift: 'C', has: ['C'] },
      ],
    })
  })
})

describe('granted wishes are spread fairly', () => {
  it('two people wishing the same six days off each get about half, not one all and the other none', () => {
    // Three shifts, four people: one person off a day. ana and ben both wish 12-07..12-12 off;
    // ana's weigh 6 and ben's 5, so granting all of ana's would cost least without the spreading.
    const wishes = [wish(1, { staff: 'ana', date: '2026-12-07', to: '2026-12-12', weight: 6 }), wish(2, { staff: 'ben', date: '2026-12-07', to: '2026-12-12' })]
    for (const seed of [1, 2, 3]) {
      const r = generateRoster(demo({ wishes, seed }))
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const got = Object.fromEntries(r.wishes!.staff.map((s) => [s.id, s.granted]))
      expect(Math.abs(got.ana! - got.ben!), `seed ${seed}: ${JSON.stringify(got)}`).toBeLessThanOrEqual(1)
      expect(got.ana! + got.ben!).toBeGreaterThanOrEqual(4)
      // The denials are coverage's doing: ana and ben cannot both be off.
      for (const s of r.wishes!.staff) for (const d of s.denied) expect(d.reason).toBe('roster.coverage')
    }
  })
})

describe('the quality line: a lower bound from the relaxation', () => {
  it('is never above the cost of the roster it judges', () => {
    for (const seed of [1, 2]) {
      const r = generateRoster(demo({ seed, wishes: [wish(1, { staff: 'dev', date: null, to: null, weekday: 6 })], quality: { now: () => Date.now(), budgetMs: 20_000 } }))
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const q = r.quality!
      expect(q.lowerBound).not.toBeNull()
      if (q.lowerBound === null) return
      expect(q.lowerBound).toBeGreaterThanOrEqual(0)
      expect(q.lowerBound).toBeLessThanOrEqual(q.objective)
      expect(q.gap).toBeCloseTo(q.objective === 0 ? 0 : (q.objective - q.lowerBound) / q.objective, 2)
    }
  })

  it('gives the bound as long as the search took, up to three times its least budget', () => {
    // A clock that reads 0 as generate starts, 5000 once the search is done (twice: the time it
    // took, the bound's start), then `after` for good: the bound's deadline is 5000 plus its
    // budget, so it prices only where `after` comes before that.
    const bound = (after: number) => {
      let looks = 0
      const now = () => (looks++ === 0 ? 0 : looks <= 3 ? 5000 : after)
      const r = generateRoster(demo({ wishes: [wish(1, { kind: 'shift', shift: 'A', date: '2026-12-07', to: '2026-12-27', weight: 10 })], quality: { now, budgetMs: 600 } }))
      if (!r.ok || r.quality!.lowerBound === null) throw new Error('no bound')
      return r.quality!.lowerBound
    }
    // 1700 ms past the search: within 3 x 600 ms, so the relaxation is priced (the run limit forces 300 or more).
    expect(bound(5000 + 1700)).toBeGreaterThanOrEqual(300)
    // 1900 ms past it: the budget (1800 ms at most) is gone before anyone is priced.
    expect(bound(5000 + 1900)).toBe(0)
  })

  it('bounds a cost the rules force: a wish for shift A every day cannot be granted on the days off the run limit needs', () => {
    // At most 6 days in a row: of 21 days ana works at most 18, so 3 or more of her weight-10 wishes are denied (100 each).
    const r = generateRoster(demo({ wishes: [wish(1, { kind: 'shift', shift: 'A', date: '2026-12-07', to: '2026-12-27', weight: 10 })], quality: { now: () => Date.now(), budgetMs: 20_000 } }))
    expect(r.ok).toBe(true)
    if (!r.ok || r.quality!.lowerBound === null) throw new Error('no bound')
    expect(r.quality!.lowerBound).toBeGreaterThanOrEqual(300)
    expect(r.quality!.lowerBound).toBeLessThanOrEqual(r.quality!.objective)
    expect(r.quality!.gap).toBeLessThan(1)
  })

  it('says no bound rather than inventing one when the relaxation is over the dense simplex\'s row limit', () => {
    const staff = Array.from({ length: 50 }, (_, i) => `p${i}`)
    const input = demo({ staff, dates: dayRange('2027-01-04', addDays('2027-01-04', 52 * 7 - 1)) })
    const unavailable = staff.map(() => input.dates.map(() => false))
    const model = buildModel(input, unavailable, staff.map(() => new Set<number>()), [], [])
    expect(lowerBound(model, () => 0, 1000)).toEqual({ ok: false, why: 'too-large' })
  })

  it('gives the bound of 0 when the relaxation has no time at all', () => {
    const input = demo()
    const model = buildModel(input, input.staff.map(() => input.dates.map(() => false)), input.staff.map(() => new Set<number>()), [], [])
    let t = 0
    // A clock that jumps a second at every look: the budget of 1 ms is gone at once.
    expect(lowerBound(model, () => (t += 1000), 1)).toEqual({ ok: true, bound: 0 })
  })
})
