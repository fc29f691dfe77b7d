// Text for `roster who`.

import { weekdayIndex } from '../../domain/dates.js'
import type { IsoDate } from '../../domain/types.js'
import { WEEKDAYS, type RenderStyle } from './roster.js'
import { renderTable } from './table.js'

export interface OnDuty {
  staff: string
  name: string
  shift: string
  start: string
  end: string
  remote: boolean
  /** The date of the shift: the day before for a shift running past midnight. */
  date: IsoDate
}

export interface WhoResult {
  /** `YYYY-MM-DDTHH:MM` */
  at: string
  date: IsoDate
  minute: number
  onDuty: OnDuty[]
  /** The shifts that start next later that day, if any. */
  next: OnDuty[]
  /** Whether the moment falls within service.hours (nobody on duty then is a gap). */
  inServiceHours: boolean
}

export function renderWho(r: WhoResult, style: RenderStyle): string {
  const when = `${r.at.replace('T', ' ')} (${WEEKDAYS[weekdayIndex(r.date)]})`
  const lines: string[] = []
  if (!r.onDuty.length) {
    lines.push(`Nobody is on duty at ${when}.`)
    if (r.inServiceHours) lines.push(`${style.color ? style.c.red('That is within the service hours') : 'That is within the service hours'}: see "roster check" for the gaps.`)
  } else {
    lines.push(`On duty at ${when}:`)
    lines.push(renderTable({
      head: ['staff', 'name', 'shift', 'hours', 'where'],
      rows: r.onDuty.map((d) => [d.staff, d.name, d.shift, `${d.start}-${d.end}${d.date !== r.date ? ` (since ${d.date})` : ''}`, d.remote ? 'remote' : 'office']),
      color: style.color,
    }))
  }
  if (r.next.length) lines.push(`Next: ${r.next.map((d) => `${d.staff} on ${d.shift}`).join(', ')} from ${r.next[0]!.start}.`)
  return lines.join('\n')
}
