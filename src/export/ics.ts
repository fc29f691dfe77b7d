// export --format ics: one VEVENT per assignment, built as components with
// ical.js (which escapes text and writes CRLF); lines are folded here at 75
// octets (RFC 5545 3.1: ical.js lets a continuation line reach 76 with its
// leading space), never inside a UTF-8 character.
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
import type { RosterEntry } from '../views/roster.js'
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
  // ical.js folds at 76 octets: unfolded (RFC 5545 3.1: a CRLF followed by a
  // space goes) and folded again by foldLine at 75. Escaped text never holds a
  // raw CRLF, so unfolding gives back exactly the lines ical.js built.
  const lines = cal.toString().replace(/\r\n[ \t]/g, '').split('\r\n')
  // RFC 5545 3.3.11: text holds no control characters but the tab (a name from an edited database might).
  return `${lines.map((l) => foldLine(l.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''))).join('\r\n')}\r\n`
}

/** Octets of one content line at most, the CRLF not counted; a continuation line's leading space counts. */
export const ICS_LINE_OCTETS = 75

/**
 * Folds one content line (RFC 5545 3.1): no line longer than 75 octets,
 * continuation lines start with a space, and a fold never splits a UTF-8
 * character (a code point is kept whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8')
    if (octets + size > ICS_LINE_OCTETS) {
      parts.push(current)
      current = ' '
      octets = 1
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n')
}
