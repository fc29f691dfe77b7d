// Reads holidays out of an iCalendar (.ics) file: every VEVENT becomes one
// holiday per day it covers, named by its SUMMARY.
//
// Two passes. A line scan first checks the structure and every date value
// with line numbers (ical.js accepts "20271301" as 2028-01-01 and reports a
// cut-short file without saying where), and repairs one common slip: an
// 8-digit DTSTART without VALUE=DATE. Then ical.js does the real parsing:
// escapes, parameters, durations and recurrences.
//
// ical.js is passed in rather than imported, so the CLI loads it only when a
// file is imported and this module stays free of start-up cost.

import type ICAL from 'ical.js'
import { addDays, dayRange, diffDays, isIsoDate } from '../dates.js'
import type { IsoDate } from '../types.js'
import { nameProblem, printable } from '../validate.js'
import { asPhrase, HolidayCollector, MAX_HOLIDAYS, tidyName, tooManyHolidays, type HolidayParse } from './collect.js'

export type IcalModule = typeof ICAL
type Time = ICAL.Time

interface ContentLine {
  /** 1-based line number of the first physical line. */
  no: number
  text: string
}

/** Properties whose values are dates or date-times, checked in the line scan. */
const DATE_PROPERTIES = new Set(['DTSTART', 'DTEND', 'RDATE', 'EXDATE', 'RECURRENCE-ID'])
/** A recurrence is expanded at most this far; past it the file is refused as too big. */
const MAX_OCCURRENCES = 10 * MAX_HOLIDAYS

/**
 * Parses iCalendar text into holidays, one per date, sorted. All-day events
 * cover DTSTART up to the day before DTEND (DTEND is exclusive); timed events
 * cover the dates of their wall-clock start and end as written in the file
 * (a UTC time keeps its UTC date). Cancelled events are skipped; a repeating
 * event without an end gives its first date and a warning. Any malformed part
 * rejects the whole file.
 */
export function parseIcs(text: string, ical: IcalModule): HolidayParse {
  const scanned = scanLines(text.replace(/^\uFEFF/, ''))
  if ('error' in scanned) return scanned

  let jcal: unknown[]
  try {
    jcal = ical.parse(scanned.text) as unknown[]
  } catch (e) {
    return { error: `it cannot be read as iCalendar (${plainMessage(e)})` }
  }
  // One calendar parses to one jCal array; several concatenated calendars to a list of them.
  const roots = typeof jcal[0] === 'string' ? [jcal] : jcal
  const collector = new HolidayCollector()
  const warnings: string[] = []
  let eventIndex = 0
  for (const root of roots) {
    const calendar = new ical.Component(root as unknown[])
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const line = scanned.eventLines[eventIndex++] ?? 0
      const problem = readEvent(ical, vevent, line, collector, warnings)
      if (problem) return { error: problem }
    }
  }
  if (collector.size === 0) return { error: 'it has no holidays to import: every event in it is cancelled' }
  return { holidays: collector.holidays(), warnings }
}

/** Adds one VEVENT's days to the collector; returns an error phrase or null. */
function readEvent(ical: IcalModule, vevent: ICAL.Component, line: number, collector: HolidayCollector, warnings: string[]): string | null {
  const where = `the event on line ${line}`
  try {
    const status = vevent.getFirstPropertyValue('status')
    if (typeof status === 'string' && status.toUpperCase() === 'CANCELLED') return null
    const event = new ical.Event(vevent)
    const name = tidyName(String(event.summary ?? ''))
    const problem = nameProblem(name, 'SUMMARY')
    if (problem) return `${where}: ${asPhrase(problem)}`

    const start = event.startDate
    const span = spanDays(start, event.endDate)
    if (span >= MAX_HOLIDAYS) return `${where} ("${name}") lasts more than ${MAX_HOLIDAYS} days`

    let starts: Time[] = [start]
    if (event.isRecurring()) {
      const endless = vevent.getAllProperties('rrule').some((p) => {
        const rule = p.getFirstValue() as ICAL.Recur
        return rule.count === null && rule.until === null
      })
      if (endless) {
        warnings.push(`${where} ("${name}") repeats without end; only its first date, ${isoOf(start)}, was imported`)
      } else {
        const excluded = new Set(vevent.getAllProperties('exdate').flatMap((p) => p.getValues().map((v) => isoOf(v as Time))))
        // ical.js leaves DTSTART out when only RDATEs are given, though it is always the first occurrence.
        starts = excluded.has(isoOf(start)) ? [] : [start]
        const it = event.iterator()
        for (let next = it.next(), n = 0; next; next = it.next(), n++) {
          if (n >= MAX_OCCURRENCES) return tooManyHolidays()
          starts.push(next)
        }
      }
    }
    for (const occurrence of starts) {
      const first = isoOf(occurrence)
      for (const day of dayRange(first, addDays(first, span))) {
        if (!isIsoDate(day)) return `${where} ("${name}") falls on ${day}, outside the years 1900 to 2999`
        if (!collector.add(day, name)) return tooManyHolidays()
      }
    }
    return null
  } catch (e) {
    return `${where} cannot be read (${plainMessage(e)})`
  }
}

/** Extra days an event covers after its first: DTEND is exclusive; a timed event ending at midnight ends the day before. */
function spanDays(start: Time, end: Time): number {
  const first = isoOf(start)
  let last = isoOf(end)
  const endsAtMidnight = end.isDate || (end.hour === 0 && end.minute === 0 && end.second === 0)
  if (endsAtMidnight) last = addDays(last, -1)
  return Math.max(0, diffDays(first, last))
}

/** The civil date of an ical.js time as written, without converting its time zone. */
function isoOf(t: Time): IsoDate {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------
// The line scan

interface Scanned {
  /** The unfolded, repaired text handed to ical.js. */
  text: string
  /** The line of each VEVENT's BEGIN, in file order. */
  eventLines: number[]
}

/** Checks the structure and date values of iCalendar text, line by line. */
function scanLines(text: string): Scanned | { error: string } {
  const lines = unfold(text)
  if (lines.length === 0) return { error: 'the file is empty' }
  if (!/^BEGIN:VCALENDAR$/i.test(lines[0]!.text.trim())) {
    return { error: 'it is not an iCalendar file: it does not begin with BEGIN:VCALENDAR' }
  }
  const open: { name: string; no: number }[] = []
  const eventLines: number[] = []
  const out: string[] = []
  let event: { no: number; dtstart: boolean; summary: boolean } | null = null
  for (const line of lines) {
    const parsed = splitLine(line.text)
    if (!parsed) return { error: `line ${line.no} is not an iCalendar line: "${printable(line.text)}"` }
    const { name, params, value } = parsed
    let textOut = line.text
    if (name === 'BEGIN') {
      const component = value.trim().toUpperCase()
      if (open.length === 0 && component !== 'VCALENDAR') return { error: `line ${line.no} begins ${component} outside any VCALENDAR` }
      open.push({ name: component, no: line.no })
      if (component === 'VEVENT') {
        event = { no: line.no, dtstart: false, summary: false }
        eventLines.push(line.no)
      }
    } else if (name === 'END') {
      const component = value.trim().toUpperCase()
      const top = open.pop()
      if (!top) return { error: `line ${line.no} ends ${component}, which was never begun` }
      if (top.name !== component) return { error: `line ${line.no} ends ${component}, but ${top.name} begun on line ${top.no} is still open` }
      if (component === 'VEVENT' && event) {
        if (!event.dtstart) return { error: `the event on line ${event.no} has no DTSTART (its date)` }
        if (!event.summary) return { error: `the event on line ${event.no} has no SUMMARY (the holiday's name)` }
        event = null
      }
    } else if (open.length === 0) {
      return { error: `line ${line.no} comes after END:VCALENDAR` }
    } else if (event && open[open.length - 1]!.name === 'VEVENT') {
      if (name === 'DTSTART') event.dtstart = true
      if (name === 'SUMMARY') event.summary = true
      if (DATE_PROPERTIES.has(name)) {
        const checked = checkDateValue(name, params, value, line.no)
        if (typeof checked !== 'string') return checked
        textOut = checked
      }
    }
    out.push(textOut)
  }
  const unclosed = open[open.length - 1]
  if (unclosed) return { error: `it is cut short: ${unclosed.name} begun on line ${unclosed.no} is never ended (no END:${unclosed.name})` }
  if (eventLines.length === 0) return { error: 'it has no events (VEVENT) to import' }
  return { text: `${out.join('\r\n')}\r\n`, eventLines }
}

/**
 * Checks a DTSTART-like value: YYYYMMDD or YYYYMMDDTHHMMSS[Z], a real date.
 * Returns the line to pass on (with VALUE=DATE added to a bare 8-digit date)
 * or an error.
 */
function checkDateValue(name: string, params: string, value: string, no: number): string | { error: string } {
  const valueType = /;VALUE=([^;:]*)/i.exec(params)?.[1]?.toUpperCase()
  if (valueType === 'PERIOD') return `${name}${params}:${value}`
  const items = value.split(',')
  for (const item of items) {
    const v = item.trim()
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(v)
    const dateTime = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/i.exec(v)
    const ymd = date ?? dateTime
    const realDate = !!ymd && isIsoDate(`${ymd[1]}-${ymd[2]}-${ymd[3]}`)
    const realTime = !dateTime || (Number(dateTime[4]) < 24 && Number(dateTime[5]) < 60 && Number(dateTime[6]) <= 60)
    const rightType = valueType === 'DATE' ? !!date : valueType === 'DATE-TIME' ? !!dateTime : true
    if (!realDate || !realTime || !rightType) {
      const expected = valueType === 'DATE' ? 'YYYYMMDD' : valueType === 'DATE-TIME' ? 'YYYYMMDDTHHMMSS' : 'YYYYMMDD or YYYYMMDDTHHMMSS'
      return { error: `line ${no} has ${name} "${printable(v)}", which is not a real date (write ${expected}, a date from 1900 to 2999)` }
    }
  }
  // RFC 5545 wants VALUE=DATE on a bare date; many exporters forget it and ical.js then fails.
  if (valueType === undefined && items.every((i) => /^\d{8}$/.test(i.trim()))) return `${name}${params};VALUE=DATE:${value}`
  return `${name}${params}:${value}`
}

/** Joins folded lines (a line break followed by a space or tab continues the line) and drops blank lines. */
function unfold(text: string): ContentLine[] {
  const lines: ContentLine[] = []
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const last = lines[lines.length - 1]
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1)
    else if (raw.trim() !== '') lines.push({ no: i + 1, text: raw })
  })
  return lines
}

/** Splits `NAME;PARAM=x;PARAM="a:b":value` at the first colon outside quotes. */
function splitLine(text: string): { name: string; params: string; value: string } | null {
  const name = /^[A-Za-z0-9-]+/.exec(text)?.[0]
  if (!name) return null
  let quoted = false
  for (let i = name.length; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (ch === ':' && !quoted) {
      const params = text.slice(name.length, i)
      if (params !== '' && !params.startsWith(';')) return null
      return { name: name.toUpperCase(), params, value: text.slice(i + 1) }
    }
  }
  return null
}

/** A library's error message as a phrase for the middle of a sentence. */
function plainMessage(e: unknown): string {
  return printable(String((e as Error)?.message ?? e).replace(/\.$/, ''), 120)
}
