// Property: approved swaps are fixed points for drawing the roster up again.
// Any sequence of swaps the swap rules allow, applied to a generated roster,
// then a new roster over the same days with another seed: every swap's days
// stay as the swap made them and no roster rule breaks.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayRange } from '../../src/domain/dates.js'
import { generateRoster, type GenerateInput } from '../../src/domain/generate.js'
import type { RosterState } from '../../src/domain/roster.js'
import { checkRules, ROSTER_RULES } from '../../src/domain/rules/index.js'
import { swapFixedCells } from '../../src/domain/swaps/fixed.js'
import { checkSwap } from '../../src/domain/swaps/index.js'
import { applySwap } from '../../src/domain/swaps/plan.js'
import type { SwapProposal } from '../../src/domain/swaps/types.js'
import type { Assignment, Swap } from '../../src/domain/types.js'
import { aConfig, DEMO_SHIFTS, MON } from '../support/builders.js'

const TEAM = ['ana', 'ben', 'chen', 'dev', 'eli']
const DATES = dayRange(MON, '2027-01-17')

/** A short search (some 40k moves; the shipped one makes 600k at least): swaps and rules must hold whatever the effort. */
function baseInput(seed: number): GenerateInput {
  return { dates: DATES, staff: TEAM, shifts: DEMO_SHIFTS, config: aConfig(), unavailable: new Map(), history: [], holidays: [], seed, effort: 0.07 }
}

const swapWish = fc.record({ r: fc.nat(TEAM.length - 1), p: fc.nat(TEAM.length - 1), day: fc.nat(DATES.length - 1), payback: fc.option(fc.nat(DATES.length - 1), { nil: null }) })

/** Applies every wish the swap rules allow, in order, as approved swaps. */
function approveAll(assignments: Assignment[], wishes: { r: number; p: number; day: number; payback: number | null }[]): { state: RosterState; swaps: Swap[] } {
  let state: RosterState = { shifts: DEMO_SHIFTS, assignments, leaves: [], holidays: [], config: aConfig() }
  const swaps: Swap[] = []
  for (const w of wishes) {
    // Aim the wish at the roster: a requester who works D1; an exchange when the counterpart
    // works too, else a cover paid back on a day the requester is off and the counterpart works.
    const date = DATES[w.day]!
    const on = (who: string, d: string) => state.assignments.some((a) => a.staff === who && a.date === d)
    const workers = TEAM.filter((t) => on(t, date))
    const requester = workers[w.r % workers.length]!
    const others = TEAM.filter((t) => t !== requester)
    const counterpart = others[w.p % others.length]!
    let payback: string | null = null
    if (!on(counterpart, date)) {
      const days = DATES.filter((d) => d !== date && !on(requester, d) && on(counterpart, d))
      if (!days.length) continue
      payback = days[(w.payback ?? 0) % days.length]!
    }
    const proposal: SwapProposal = { id: swaps.length + 1, requester, counterpart, date, payback }
    const violations = checkSwap({ swap: proposal, roster: state, swaps, today: MON, actor: { staff: { id: 'mei', role: 'lead' }, action: 'approve' } })
    if (violations.length) continue
    const after = applySwap(state, proposal)
    if (!after) continue
    state = after
    swaps.push({ ...proposal, id: proposal.id!, status: 'approved', reason: null })
  }
  return { state, swaps }
}

describe('generate with approved swaps as fixed points', () => {
  it('keeps every approved swap and breaks no roster rule', () => {
    let approvedSeen = 0
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(swapWish, { minLength: 1, maxLength: 8 }), (seed, wishes) => {
        const first = generateRoster(baseInput(seed))
        if (!first.ok) throw new Error('the base roster must exist')
        const { state, swaps } = approveAll(first.assignments, wishes)
        approvedSeen += swaps.length
        const fixed = swapFixedCells(state.assignments, swaps, DATES[0]!, DATES[DATES.length - 1]!)
        const again = generateRoster({ ...baseInput(seed + 1), fixed })
        expect(again.ok, again.ok ? '' : again.violations.map((v) => v.message).join('; ')).toBe(true)
        if (!again.ok) return
        for (const s of swaps) {
          for (const date of [s.date, ...(s.payback ? [s.payback] : [])]) {
            for (const who of [s.requester, s.counterpart]) {
              const was = state.assignments.filter((a) => a.staff === who && a.date === date).map((a) => a.shift)
              const now = again.assignments.filter((a) => a.staff === who && a.date === date).map((a) => a.shift)
              expect(now, `swap #${s.id}: ${who} on ${date}`).toEqual(was)
            }
          }
        }
        const rosterAfter: RosterState = { ...state, assignments: again.assignments }
        expect(checkRules(ROSTER_RULES, rosterAfter, { from: DATES[0]!, to: DATES[DATES.length - 1]! })).toEqual([])
      }),
      { numRuns: 25 },
    )
    // The property says something only if swaps were approved along the way.
    expect(approvedSeen).toBeGreaterThan(10)
  }, 120_000)

  it('names the swaps when their days cannot all be kept', () => {
    // Two "approved" swaps that give ana two shifts on one day: impossible to keep both.
    const fixed = [
      { staff: 'ana', date: '2027-01-05', shift: 'A', swap: 3 },
      { staff: 'ana', date: '2027-01-05', shift: 'C', swap: 4 },
    ]
    const r = generateRoster({ ...baseInput(1), fixed })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.violations[0]).toMatchObject({ rule: 'roster.one-shift-per-day', staff: 'ana', params: { key: 'generate.fixed-swap', swaps: [3, 4] } })
    expect(r.violations[0]!.message).toMatch(/^approved swaps #3, #4 must stay in the roster, but /)
  })

  it('keeps a fixed shift of someone outside the team on top of the team', () => {
    const fixed = [{ staff: 'mei', date: '2027-01-06', shift: 'B', swap: 9 }]
    const r = generateRoster({ ...baseInput(2), fixed })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.assignments.filter((a) => a.date === '2027-01-06' && a.shift === 'B')).toEqual([{ date: '2027-01-06', shift: 'B', staff: 'mei' }])
  })
})
