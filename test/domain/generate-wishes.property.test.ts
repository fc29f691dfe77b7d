// Properties of wishes in the generator (issue 14): over random teams and
// random wishes, no rule is ever broken for a wish (a roster with wishes keeps
// every roster rule and exact headcounts, and wishes never make a team the
// generator can roster unrosterable), the report counts what the roster
// grants, and a wish that can be granted on its own (the generator finds a
// roster with it made a hard rule) is granted when no other wish competes.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayRange, weekdayIndex } from '../../src/domain/dates.js'
import { generateRoster, type GenerateInput } from '../../src/domain/generate.js'
import { checkRules, ROSTER_RULES } from '../../src/domain/rules/index.js'
import type { Assignment, ShiftType } from '../../src/domain/types.js'
import { grants, type Wish, type WishKind } from '../../src/domain/wishes/wish.js'
import { aConfig } from '../support/builders.js'

/** Demo-like teams: day shifts between 09:00 and 21:00, at most 3/4 of the team needed a day. */
const team = fc
  .record({
    team: fc.integer({ min: 3, max: 9 }),
    shifts: fc.array(fc.record({ start: fc.integer({ min: 18, max: 26 }), hours: fc.integer({ min: 2, max: 8 }), two: fc.boolean() }), { minLength: 2, maxLength: 3 }),
    days: fc.integer({ min: 7, max: 21 }),
    startOffset: fc.integer({ min: 0, max: 400 }),
    maxConsecutiveDays: fc.integer({ min: 5, max: 7 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((r): GenerateInput => {
    const staff = Array.from({ length: r.team }, (_, i) => `p${i}`)
    let need = 0
    const shifts: ShiftType[] = []
    r.shifts.forEach((s, i) => {
      const headcount = s.two && need + 2 <= Math.floor((r.team * 3) / 4) ? 2 : 1
      if (shifts.length >= 2 && need + headcount > Math.floor((r.team * 3) / 4)) return
      need += headcount
      const start = s.start * 30
      shifts.push({ code: `S${i}`, name: `Shift ${i}`, start, end: start + s.hours * 60, remote: false, headcount })
    })
    const from = addDays('2027-01-01', r.startOffset)
    const dates = dayRange(from, addDays(from, r.days - 1))
    return { dates, staff, shifts, config: aConfig({ maxConsecutiveDays: r.maxConsecutiveDays }), unavailable: new Map(), history: [], holidays: [], seed: r.seed, effort: 0.05 }
  })

const wishDraft = fc.record({
  person: fc.nat(),
  day: fc.nat(),
  span: fc.integer({ min: 1, max: 3 }),
  weekly: fc.boolean(),
  kind: fc.constantFrom<WishKind>('off', 'shift', 'not'),
  shift: fc.nat(),
  weight: fc.integer({ min: 1, max: 10 }),
})

type Draft = { person: number; day: number; span: number; weekly: boolean; kind: WishKind; shift: number; weight: number }

function makeWish(input: GenerateInput, id: number, w: Draft): Wish {
  const date = input.dates[w.day % input.dates.length]!
  const last = input.dates[Math.min(input.dates.length - 1, (w.day % input.dates.length) + w.span - 1)]!
  return {
    id,
    staff: input.staff[w.person % input.staff.length]!,
    date: w.weekly ? null : date,
    to: w.weekly ? null : last,
    weekday: w.weekly ? weekdayIndex(date) : null,
    kind: w.kind,
    shift: w.kind === 'off' ? null : input.shifts[w.shift % input.shifts.length]!.code,
    weight: w.weight,
    reason: null,
    createdAt: '2026-12-01T00:00:00.000Z',
  }
}

/** Every roster rule and exact headcounts over the roster. */
function expectKeepsRules(input: GenerateInput, assignments: readonly Assignment[]): void {
  const state = { shifts: input.shifts, assignments: [...assignments], leaves: [], holidays: [], config: input.config }
  expect(checkRules(ROSTER_RULES, state, { from: input.dates[0]!, to: input.dates[input.dates.length - 1]! })).toEqual([])
  const count = new Map<string, number>()
  for (const a of assignments) count.set(`${a.date}|${a.shift}`, (count.get(`${a.date}|${a.shift}`) ?? 0) + 1)
  for (const d of input.dates) for (const s of input.shifts) expect(count.get(`${d}|${s.code}`) ?? 0).toBe(s.headcount)
}

/** Whether the roster grants the wish on `date`. */
function granted(assignments: readonly Assignment[], w: Wish, date: string): boolean {
  const mine = assignments.filter((a) => a.staff === w.staff && a.date === date)
  return grants(w, mine[0]?.shift ?? null)
}

describe('wishes in generate (property)', () => {
  it('never breaks a rule for a wish, never refuses a team for its wishes, and reports what the roster grants', () => {
    fc.assert(
      fc.property(team, fc.array(wishDraft, { maxLength: 8 }), (input, drafts) => {
        const wishes = drafts.map((d, i) => makeWish(input, i + 1, d))
        const plain = generateRoster(input)
        const withWishes = generateRoster({ ...input, wishes })
        if (!plain.ok) return
        expect(withWishes.ok, 'wishes made a rosterable team unrosterable').toBe(true)
        if (!withWishes.ok) return
        expectKeepsRules(input, withWishes.assignments)
        // The report against the roster, counted here from the assignments.
        let total = 0
        let yes = 0
        for (const w of wishes) for (const d of input.dates) {
          const on = w.weekday !== null ? weekdayIndex(d) === w.weekday : w.date! <= d && d <= w.to!
          if (!on) continue
          total++
          if (granted(withWishes.assignments, w, d)) yes++
        }
        expect(withWishes.wishes!.total).toBe(total)
        expect(withWishes.wishes!.granted).toBe(yes)
        for (const p of withWishes.wishes!.staff) expect(p.granted + p.denied.length).toBe(p.total)
      }),
      { numRuns: 25 },
    )
  }, 240_000)

  it('grants a lone wish that can be granted on its own', () => {
    fc.assert(
      fc.property(team, wishDraft, (input, draft) => {
        // One day, a day off or a shift: made a hard rule, does the generator find a roster?
        const w = makeWish(input, 1, { ...draft, weekly: false, span: 1, kind: draft.kind === 'not' ? 'off' : draft.kind })
        const date = w.date!
        const hard: GenerateInput = w.kind === 'off'
          ? { ...input, unavailable: new Map([[w.staff, new Set([date])]]) }
          : { ...input, fixed: [{ staff: w.staff, date, shift: w.shift, swap: 1 }] }
        const alone = generateRoster(hard)
        if (!alone.ok) return
        const r = generateRoster({ ...input, wishes: [w] })
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(granted(r.assignments, w, date), `${w.staff} ${w.kind} ${w.shift ?? ''} on ${date}`).toBe(true)
        expect(r.wishes).toEqual({ granted: 1, total: 1, staff: [{ id: w.staff, granted: 1, total: 1, denied: [] }] })
      }),
      { numRuns: 30 },
    )
  }, 240_000)
})
