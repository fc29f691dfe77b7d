// export --format ics: one VEVENT per assignment, built as components with
// ical.js (which escapes text, folds long lines and writes CRLF).
//
// Times are UTC instants computed for the team's time zone, so every
// calendar shows them right without a VTIMEZONE, across DST changes too;
// a shift that crosses midnight ends on the next day.
//
// UID = `<date>-<shift>-<staff>@roster`: one per assignment (date, shift,
// person). Exporting again updates the same events instead of adding copies.
// When a swap or `assign --replace` moves a shift to someone else, that shift
// gets the new person's UID: the new person's calendar gains an event, and
// the old person's UID is no longer exported (a subscribed calendar drops it;
// after a one-off import it has to be deleted by hand). Keeping the person in
// the UID also lets each person import their own export into a calendar of
// their own without two calendars holding one UID.
//
// SEQUENCE = the roster revision (it only grows), DTSTAMP = the export time,
// so a later export always wins over an earlier one.

import ICAL from 'ical.js'
import type { RosterEntry } from '../cli/render/roster.js'
import { parseHhmm } from '../domain/clock.js'
import { nameOf, type ExportModel } from './model.js'
import { shiftInstants } from './zone.js'

export interface IcsOptions {
  /** IANA zone the shift times are wall-clock times in. */
  timeZone: string
}

export const PRODID = '-//roster//roster export//EN'
export const REMOTE_LOCATION = 'Remote (from home)'
export const OFFICE_LOCATION = 'Office'

/** The stable UID of one assignment. */
export function eventUid(e: Pick<RosterEntry, 'date' | 'shift' | 'staff'>): string {
  return `${e.date}-${e.shift}-${e.staff}@roster`
}

export function toIcs(model: ExportModel, options: IcsOptions): string {
  const cal = new ICAL.Component('vcalendar')
  cal.addPropertyWithValue('version', '2.0')
  cal.addPropertyWithValue('prodid', PRODID)
  cal.addPropertyWithValue('calscale', 'GREGORIAN')
  cal.addPropertyWithValue('method', 'PUBLISH')
  const who = model.person ? ` for ${model.person.name} (${model.person.id})` : ''
  cal.addPropertyWithValue('x-wr-calname', `Roster ${model.from} to ${model.to}${who}`)
  const stamp = ICAL.Time.fromJSDate(new Date(Math.floor(model.generatedAt.getTime() / 1000) * 1000), true)
  const holidays = new Map(model.holidays.map((h) => [h.date, h.name]))
  const shifts = new Map(model.shifts.map((s) => [s.code, s]))
  for (const e of model.entries) {
    const shift = shifts.get(e.shift)
    const start = shift?.start ?? parseHhmm(e.start) ?? 0
    const end = shift?.end ?? parseHhmm(e.end) ?? 0
    const at = shiftInstants(e.date, start, end, options.timeZone)
    const ev = new ICAL.Component('vevent')
    ev.addPropertyWithValue('uid', eventUid(e))
    ev.addPropertyWithValue('dtstamp', stamp)
    ev.addPropertyWithValue('sequence', model.revision)
    ev.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(new Date(at.start), true))
    ev.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(at.end), true))
    ev.addPropertyWithValue('summary', `${e.shift} ${e.start}-${e.end} ${e.staff}`)
    const holiday = holidays.get(e.date)
    const lines = [
      `Shift ${e.shift}${shift?.name ? `, ${shift.name}` : ''}: ${e.start}-${e.end} ${options.timeZone} time${end <= start ? ', ending the next day' : ''}.`,
      `${nameOf(model, e.staff)} (${e.staff}), ${e.remote ? 'on duty from home' : 'in the office'}.`,
    ]
    if (holiday !== undefined) lines.push(`Holiday: ${holiday}.`)
    ev.addPropertyWithValue('description', lines.join('\n'))
    ev.addPropertyWithValue('location', e.remote ? REMOTE_LOCATION : OFFICE_LOCATION)
    const categories = new ICAL.Property('categories')
    categories.setValues([`Shift ${e.shift}`, e.remote ? 'Remote' : 'Office', ...(holiday !== undefined ? ['Holiday'] : [])])
    ev.addProperty(categories)
    ev.addPropertyWithValue('status', 'CONFIRMED')
    ev.addPropertyWithValue('transp', 'OPAQUE')
    cal.addSubcomponent(ev)
  }
  return `${cal.toString()}\r\n`
}
