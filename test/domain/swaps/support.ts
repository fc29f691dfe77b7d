// Keyed helper and builders for the swap rule tests.
// verifySwapRule(rule).given(input).violates(n) runs exactly one swap rule and
// fails if any violation carries another rule's id.

import { expect } from 'vitest'
import { addDays } from '../../../src/domain/dates.js'
import type { RosterState } from '../../../src/domain/roster.js'
import type { SwapCheckInput, SwapProposal, SwapRule } from '../../../src/domain/swaps/types.js'
import type { Assignment, Swap, Violation } from '../../../src/domain/types.js'
import { aRoster } from '../../support/builders.js'

export function verifySwapRule(rule: SwapRule) {
  return {
    given(input: SwapCheckInput) {
      const api = {
        violations(): Violation[] {
          const out = rule.check(input)
          for (const v of out) {
            expect(v.rule, `a violation from another rule inside ${rule.id}'s test`).toBe(rule.id)
            // Every sentence carries its params, so it can be said in Chinese too.
            expect(v.params, `${rule.id} says "${v.message}" without params`).toBeDefined()
          }
          return out
        },
        violates(n: number): Violation[] {
          const out = api.violations()
          expect(out, JSON.stringify(out)).toHaveLength(n)
          return out
        },
        passes(): void {
          api.violates(0)
          // A passing rule still says why, for `swap check`.
          const note = rule.explain(input)
          expect(note.message).toMatch(/\S/)
          expect(note.params.key.startsWith(rule.id), `${rule.id} explains itself with ${note.params.key}`).toBe(true)
        },
      }
      return api
    },
  }
}

/** Today in every swap test: before the roster's first day. */
export const TODAY = '2027-01-01'

/**
 * A roster written as a grid: one string per person, one token per day from
 * `start` ("A", "B", "C", or "-" for a day off).
 * weekGrid('2027-01-04', { ana: 'A A - B B C -' })
 */
export function grid(start: string, rows: Record<string, string>): Assignment[] {
  const out: Assignment[] = []
  for (const [staff, line] of Object.entries(rows)) {
    line.trim().split(/\s+/).forEach((tok, i) => {
      if (tok !== '-') out.push({ date: addDays(start, i), shift: tok, staff })
    })
  }
  return out
}

export function aProposal(over: Partial<SwapProposal> = {}): SwapProposal {
  return { requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: null, ...over }
}

let nextId = 100
export function aSwap(over: Partial<Swap> = {}): Swap {
  return { id: nextId++, requester: 'ana', counterpart: 'chen', date: '2027-01-12', payback: null, status: 'pending', reason: null, ...over }
}

export function anInput(over: { swap?: Partial<SwapProposal>; roster?: Partial<RosterState>; swaps?: Swap[]; today?: string; actor?: SwapCheckInput['actor'] } = {}): SwapCheckInput {
  const input: SwapCheckInput = {
    swap: aProposal(over.swap),
    roster: aRoster(over.roster),
    swaps: over.swaps ?? [],
    today: over.today ?? TODAY,
  }
  if (over.actor) input.actor = over.actor
  return input
}

/**
 * The standard week (Mon 2027-01-04 .. Sun 2027-01-10): everyone works 3
 * shifts a day in rotation, one person off; no one works more than 3 days in a row.
 *        Mon Tue Wed Thu Fri Sat Sun
 *  ana    A   C   -   A   B   C   -
 *  ben    B   -   A   C   -   A   B
 *  chen   C   A   B   -   A   B   C
 *  dev    -   B   C   B   C   -   A
 */
export const WEEK = grid('2027-01-04', {
  ana: 'A C - A B C -',
  ben: 'B - A C - A B',
  chen: 'C A B - A B C',
  dev: '- B C B C - A',
})
