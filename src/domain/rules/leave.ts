import { inScope, type RosterRule } from '../roster.js'
import { params } from '../messages.js'
import type { Violation } from '../types.js'

/** roster.leave: nobody is assigned on a day of their approved leave. */
export const onLeave: RosterRule = {
  id: 'roster.leave',
  title: 'nobody works on approved leave',
  check(state, scope) {
    const out: Violation[] = []
    const approved = state.leaves.filter((l) => l.status === 'approved')
    if (!approved.length) return out
    for (const a of state.assignments) {
      if (!inScope(scope, a.date, a.staff)) continue
      const leave = approved.find((l) => l.staff === a.staff && l.from <= a.date && a.date <= l.to)
      if (leave) out.push({ rule: this.id, staff: a.staff, date: a.date, message: `${a.staff} is on approved leave on ${a.date} but assigned to ${a.shift}`, params: params('leave', { staff: a.staff, date: a.date, shift: a.shift }) })
    }
    return out
  },
}
