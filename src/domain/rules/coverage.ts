import { dayRange } from '../dates.js'
import type { RosterRule } from '../roster.js'
import { params } from '../messages.js'
import type { Violation } from '../types.js'

/** roster.coverage: every shift type has its headcount on every day of the scope. */
export const coverage: RosterRule = {
  id: 'roster.coverage',
  title: 'every shift has its headcount every day',
  check(state, scope) {
    const count = new Map<string, number>()
    for (const a of state.assignments) {
      if (a.date < scope.from || a.date > scope.to) continue
      const k = `${a.date}|${a.shift}`
      count.set(k, (count.get(k) ?? 0) + 1)
    }
    const out: Violation[] = []
    for (const date of dayRange(scope.from, scope.to)) {
      for (const s of state.shifts) {
        const have = count.get(`${date}|${s.code}`) ?? 0
        if (have < s.headcount) {
          out.push({
            rule: this.id,
            date,
            message: `shift ${s.code} on ${date} has ${have} of ${s.headcount} ${s.headcount === 1 ? 'person' : 'people'}`,
            params: params('coverage.short', { shift: s.code, date, have, need: s.headcount }),
          })
        }
      }
    }
    return out
  },
}
