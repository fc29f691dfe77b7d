// Text for `roster who`.

import { weekdayIndex } from '../../domain/dates.js'
import type { IsoDate } from '../../domain/types.js'
import type { RenderStyle } from './roster.js'
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
  const { t } = style
  const when = t.who.when(r.at.replace('T', ' '), t.weekdays[weekdayIndex(r.date)]!)
  const lines: string[] = []
  if (!r.onDuty.length) {
    lines.push(t.who.nobody(when))
    if (r.inServiceHours) lines.push(t.who.inServiceHours((s) => (style.color ? style.c.red(s) : s)))
  } else {
    lines.push(t.who.onDuty(when))
    lines.push(renderTable({
      head: [t.who.staff, t.who.name, t.who.shift, t.who.hours, t.who.where],
      rows: r.onDuty.map((d) => [d.staff, d.name, d.shift, `${d.start}-${d.end}${d.date !== r.date ? t.who.since(d.date) : ''}`, d.remote ? t.remote : t.office]),
      color: style.color,
    }))
  }
  if (r.next.length) lines.push(t.who.next(r.next, r.next[0]!.start))
  return lines.join('\n')
}
