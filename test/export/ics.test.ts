import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { eventUid, toIcs } from '../../src/export/ics.js'
import { aShift, aStaff } from '../support/builders.js'
import { aModel } from './support.js'

const BERLIN = { timeZone: 'Europe/Berlin' }

function events(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
}

describe('toIcs', () => {
  it('writes one VEVENT per assignment, with CRLF lines folded at 75 octets', () => {
    const text = toIcs(aModel(), BERLIN)
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//roster//roster export//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    expect(events(text)).toHaveLength(4)
  })

  it('spells out each event: stable UID, revision as SEQUENCE, UTC times for the zone, office or remote', () => {
    const unfolded = toIcs(aModel(), BERLIN).replace(/\r\n /g, '')
    const blocks = unfolded.split('BEGIN:VEVENT\r\n').slice(1).map((b) => b.slice(0, b.indexOf('END:VEVENT')))
    expect(blocks[0]).toBe(
      [
        'UID:2027-01-04-A-ana@roster',
        'DTSTAMP:20270106T093000Z',
        'SEQUENCE:42',
        'DTSTART:20270104T080000Z',
        'DTEND:20270104T160000Z',
        'SUMMARY:A 09:00-17:00 ana',
        'DESCRIPTION:Shift A\\, Day: 09:00-17:00 Europe/Berlin time.\\nAna Souza (ana)\\, in the office.',
        'LOCATION:Office',
        'CATEGORIES:Shift A,Office',
        'STATUS:CONFIRMED',
        'TRANSP:OPAQUE',
        '',
      ].join('\r\n'),
    )
    expect(blocks[1]).toContain('LOCATION:Remote (from home)\r\nCATEGORIES:Shift C,Remote\r\n')
    expect(blocks[1]).toContain('DTSTART:20270104T190000Z\r\nDTEND:20270104T210000Z\r\n')
    expect(blocks[3]).toContain('CATEGORIES:Shift A,Office,Holiday\r\n')
    expect(blocks[3]).toContain('Holiday: Founders Day 建厂日.')
  })

  it('ends a shift that crosses midnight on the next day, across the spring DST change', () => {
    const night = aShift({ code: 'N', name: 'Night', start: 22 * 60, end: 6 * 60 })
    const model = aModel({ shifts: [night], holidays: [], entries: [{ date: '2027-03-27', shift: 'N', staff: 'ana', start: '22:00', end: '06:00', remote: false, holiday: false }] })
    const [ev] = events(toIcs(model, BERLIN))
    expect(ev!.getFirstPropertyValue('dtstart')!.toString()).toBe('2027-03-27T21:00:00Z')
    expect(ev!.getFirstPropertyValue('dtend')!.toString()).toBe('2027-03-28T04:00:00Z')
    expect(ev!.getFirstPropertyValue('description')).toContain('ending the next day')
  })

  it('shows the same wall-clock shift at different instants in different zones', () => {
    const start = (zone: string) => events(toIcs(aModel(), { timeZone: zone }))[0]!.getFirstPropertyValue('dtstart')!.toString()
    expect(start('Asia/Shanghai')).toBe('2027-01-04T01:00:00Z')
    expect(start('America/New_York')).toBe('2027-01-04T14:00:00Z')
  })

  it('keeps text with commas, semicolons, backslashes and line breaks intact through a parser', () => {
    const odd = aStaff({ id: 'ana', name: 'Souza; Ana, "A\\B"\nx' })
    const [ev] = events(toIcs(aModel({ staff: [odd], people: [odd] }), BERLIN))
    expect(ev!.getFirstPropertyValue('description')).toBe('Shift A, Day: 09:00-17:00 Europe/Berlin time.\nSouza; Ana, "A\\B"\nx (ana), in the office.')
  })

  it('names the calendar after the range, and the person with --staff', () => {
    const cal = (m: Parameters<typeof toIcs>[0]) => new ICAL.Component(ICAL.parse(toIcs(m, BERLIN))).getFirstPropertyValue('x-wr-calname')
    expect(cal(aModel())).toBe('Roster 2027-01-04 to 2027-01-10')
    expect(cal(aModel({ person: aStaff({ id: 'ana', name: 'Ana Souza' }) }))).toBe('Roster 2027-01-04 to 2027-01-10 for Ana Souza (ana)')
  })

  it('is an empty calendar for an empty range', () => {
    const text = toIcs(aModel({ entries: [] }), BERLIN)
    expect(events(text)).toEqual([])
    expect(text).toContain('BEGIN:VCALENDAR')
  })
})

describe('eventUid', () => {
  it('is one per date, shift and person', () => {
    expect(eventUid({ date: '2027-01-04', shift: 'A', staff: 'ana' })).toBe('2027-01-04-A-ana@roster')
    expect(eventUid({ date: '2027-01-04', shift: 'A', staff: 'ben' })).not.toBe(eventUid({ date: '2027-01-04', shift: 'A', staff: 'ana' }))
  })
})
