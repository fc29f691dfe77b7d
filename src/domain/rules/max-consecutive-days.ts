import { addDays } from '../dates.js'
import { byStaff, inScope, type RosterRule } from '../roster.js'
import type { Violation } from '../types.js'

/**
 * roster.max-consecutive-days: nobody works more than N days in a row. Runs
 * are counted over every assignment given, so a run that starts before the
 * scope still counts; it is reported once, on the first day past the limit.
 */
export const maxConsecutiveDays: RosterRule = {
  id: 'roster.max-consecutive-days',
  title: 'maximum consecutive working days',
  check(state, scope) {
    const limit = state.config.maxConsecutiveDays
    const out: Violation[] = []
    for (const [staff, list] of byStaff(state)) {
      const days = [...new Set(list.map((a) => a.date))]
      let runStart = 0
      for (let i = 0; i < days.length; i++) {
        if (i > 0 && addDays(days[i - 1]!, 1) !== days[i]) runStart = i
        const length = i - runStart + 1
        if (length === limit + 1 && inScopeRun(scope, staff, days[runStart]!, days[i]!)) {
          let end = i
          while (end + 1 < days.length && addDays(days[end]!, 1) === days[end + 1]) end++
          out.push({
            rule: this.id,
            staff,
            date: days[i]!,
            dates: [days[runStart]!, days[end]!],
            message: `${staff} works ${end - runStart + 1} days in a row from ${days[runStart]} to ${days[end]}; at most ${limit} are allowed`,
          })
        }
      }
    }
    return out
  },
}

function inScopeRun(scope: Parameters<typeof inScope>[0], staff: string, first: string, last: string): boolean {
  return inScope(scope, last, staff) || inScope(scope, first, staff) || (first < scope.from && last > scope.to && (!scope.staff || scope.staff.has(staff)))
}
