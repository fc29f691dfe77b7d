// verifyRule(rule).given(state).in(scope).violates(n): runs exactly one rule
// and fails if any violation carries another rule's id.

import { expect } from 'vitest'
import type { RosterRule, RosterState, RuleScope } from '../../src/domain/roster.js'
import type { Violation } from '../../src/domain/types.js'

export function verifyRule(rule: RosterRule) {
  return {
    given(state: RosterState) {
      let scope: RuleScope = { from: '0000-01-01', to: '9999-12-31' }
      const api = {
        in(s: RuleScope) {
          scope = s
          return api
        },
        violations(): Violation[] {
          const out = rule.check(state, scope)
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
        },
      }
      return api
    },
  }
}
