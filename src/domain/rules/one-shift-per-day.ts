import { byStaff, inScope, type RosterRule } from '../roster.js'
import { params } from '../messages.js'
import type { Violation } from '../types.js'

/** roster.one-shift-per-day: nobody works two shifts on one date. */
export const oneShiftPerDay: RosterRule = {
  id: 'roster.one-shift-per-day',
  title: 'one shift per person per day',
  check(state, scope) {
    const out: Violation[] = []
    for (const [staff, list] of byStaff(state)) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!
        const cur = list[i]!
        if (prev.date !== cur.date || !inScope(scope, cur.date, staff)) continue
        out.push({ rule: this.id, staff, date: cur.date, message: `${staff} works both ${prev.shift} and ${cur.shift} on ${cur.date}`, params: params('one-shift-per-day', { staff, date: cur.date, first: prev.shift, second: cur.shift }) })
      }
    }
    return out
  },
}
