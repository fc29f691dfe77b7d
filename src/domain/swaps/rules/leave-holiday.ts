import { params } from '../../messages.js'
import type { Assignment, Holiday, IsoDate, Violation } from '../../types.js'

/**
 * leave.holiday (节假日当班人员不允许请假): nobody may take leave over a date on
 * which they work a holiday shift. `assignments` are the person's own.
 */
export function leaveHolidayViolations(staff: string, from: IsoDate, to: IsoDate, assignments: readonly Assignment[], holidays: readonly Holiday[]): Violation[] {
  const out: Violation[] = []
  for (const a of assignments) {
    if (a.staff !== staff || a.date < from || a.date > to) continue
    const h = holidays.find((x) => x.date === a.date)
    if (h) out.push({ rule: 'leave.holiday', staff, date: a.date, message: `${staff} is on duty (${a.shift}) on ${a.date}, a holiday (${h.name}); whoever works a holiday shift may not take leave on it`, params: params('leave.holiday', { staff, shift: a.shift, date: a.date, holiday: h.nameZh ?? h.name }) })
  }
  return out
}
