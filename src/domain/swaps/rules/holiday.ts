import { params } from '../../messages.js'
import type { Violation } from '../../types.js'
import { swapDates } from '../plan.js'
import type { SwapRule } from '../types.js'

/** swap.holiday: no swap moves a holiday shift: neither D1 nor D2 may be a holiday. */
export const holiday: SwapRule = {
  id: 'swap.holiday',
  title: 'holiday shifts cannot be swapped',
  check(input) {
    const out: Violation[] = []
    for (const d of swapDates(input.swap)) {
      const h = input.roster.holidays.find((x) => x.date === d)
      if (h) out.push({ rule: this.id, date: d, message: `${d} is a holiday (${h.name}): whoever is on duty on a holiday may not swap`, params: params('swap.holiday', { date: d, holiday: h.nameZh ?? h.name }) })
    }
    return out
  },
  explain(input) {
    const dates = swapDates(input.swap)
    return { message: `${dates.join(' and ')} ${input.swap.payback ? 'are not holidays' : 'is not a holiday'}`, params: params('swap.holiday.ok', { dates }) }
  },
}
