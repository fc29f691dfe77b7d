import { addDays } from '../dates.js'
import { byStaff, type RosterRule } from '../roster.js'
import { params } from '../messages.js'
import type { Violation } from '../types.js'

/**
 * roster.max-consecutive-days: nobody works more than N days in a row. Runs
 * are counted over every assignment given, so a run that starts before the
 * scope still counts; a too-long run that touches the scope is reported once,
 * dated on its first day past the limit.
 */
export const maxConsecutiveDays: RosterRule = {
  id: 'roster.max-consecutive-days',
  title: 'maximum consecutive working days',
  check(state, scope) {
    const limit = state.config.maxConsecutiveDays
    const out: Violation[] = []
    for (const [staff, list] of byStaff(state)) {
      if (scope.staff && !scope.staff.has(staff)) continue
      const days = [...new Set(list.map((a) => a.date))]
      for (let start = 0; start < days.length; ) {
        let end = start
        while (end + 1 < days.length && addDays(days[end]!, 1) === days[end + 1]) end++
        const first = days[start]!
        const last = days[end]!
        const length = end - start + 1
        if (length > limit && first <= scope.to && last >= scope.from) {
          out.push({
            rule: this.id,
            staff,
            date: days[start + limit]!,
            dates: [first, last],
            message: `${staff} works ${length} days in a row from ${first} to ${last}; at most ${limit} are allowed`,
            params: params('max-consecutive-days', { staff, days: length, first, last, limit }),
          })
        }
        start = end + 1
      }
    }
    return out
  },
}
