import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { parseIcs } from '../../../src/domain/holidays/parse-ics.js'

const FIXTURES = join(__dirname, '../../../fixtures/holidays')

/** A calendar around the given VEVENT bodies (LF line ends; CRLF is tested separately). */
function calendar(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\n')
}

function holidays(text: string) {
  const r = parseIcs(text, ICAL)
  if ('error' in r) throw new Error(`expected holidays, got: ${r.error}`)
  return r
}

function error(text: string): string {
  const r = parseIcs(text, ICAL)
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.holidays)}`)
  return r.error
}

describe('parseIcs: good files', () => {
  it('reads the sample China calendar: multi-day events, a timed event, folded lines, an alarm and a cancelled event', () => {
    const r = holidays(readFileSync(join(FIXTURES, 'cn-2027.ics'), 'utf8'))
    expect(r.holidays).toEqual([
      { date: '2027-01-01', name: "元旦 New Year's Day" },
      { date: '2027-02-05', name: '春节 Spring Festival' },
      { date: '2027-02-06', name: '春节 Spring Festival' },
      { date: '2027-02-07', name: '春节 Spring Festival' },
      { date: '2027-04-05', name: '清明节 Qingming' },
      { date: '2027-05-01', name: '劳动节 Labour Day' },
      { date: '2027-05-02', name: '劳动节 Labour Day' },
      { date: '2027-10-01', name: '国庆节 National Day' },
      { date: '2027-10-02', name: '国庆节 National Day' },
      { date: '2027-10-03', name: '国庆节 National Day' },
    ])
    expect(r.warnings).toEqual([])
  })

  it('treats DTEND of an all-day event as exclusive, and an event without DTEND as one day', () => {
    expect(holidays(calendar('DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270102\nSUMMARY:One')).holidays).toEqual([{ date: '2027-01-01', name: 'One' }])
    expect(holidays(calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY:Bare')).holidays).toEqual([{ date: '2027-01-01', name: 'Bare' }])
    expect(holidays(calendar('DTSTART;VALUE=DATE:20271230\nDTEND;VALUE=DATE:20280102\nSUMMARY:Year end')).holidays.map((h) => h.date))
      .toEqual(['2027-12-30', '2027-12-31', '2028-01-01'])
  })

  it('reads a DURATION in place of DTEND', () => {
    expect(holidays(calendar('DTSTART;VALUE=DATE:20270228\nDURATION:P2D\nSUMMARY:Two')).holidays.map((h) => h.date)).toEqual(['2027-02-28', '2027-03-01'])
  })

  it('gives a timed event the dates of its wall-clock start and end, as written', () => {
    // Late in the evening UTC: still that UTC date, not the next day in Asia.
    expect(holidays(calendar('DTSTART:20270501T230000Z\nDTEND:20270502T010000Z\nSUMMARY:Night')).holidays.map((h) => h.date)).toEqual(['2027-05-01', '2027-05-02'])
    // Ending at midnight ends the day before.
    expect(holidays(calendar('DTSTART;TZID=Asia/Shanghai:20270501T090000\nDTEND;TZID=Asia/Shanghai:20270502T000000\nSUMMARY:Day')).holidays.map((h) => h.date)).toEqual(['2027-05-01'])
    // An end before the start still gives the start day.
    expect(holidays(calendar('DTSTART:20270501T100000\nDTEND:20270501T090000\nSUMMARY:Odd')).holidays.map((h) => h.date)).toEqual(['2027-05-01'])
  })

  it('ignores a byte-order mark and lower-case names', () => {
    expect(holidays('\uFEFFbegin:vcalendar\nbegin:vevent\ndtstart;value=date:20270101\nsummary:New Year\nend:vevent\nend:vcalendar\n').holidays)
      .toEqual([{ date: '2027-01-01', name: 'New Year' }])
  })

  it('accepts an 8-digit DTSTART without VALUE=DATE, which many exporters write', () => {
    expect(holidays(calendar('DTSTART:20270101\nDTEND:20270103\nSUMMARY:Bare date')).holidays.map((h) => h.date)).toEqual(['2027-01-01', '2027-01-02'])
  })

  it('unescapes and tidies SUMMARY: commas, line breaks, folded lines', () => {
    const text = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year\\, first\\nday of the \r\n year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    expect(holidays(text).holidays).toEqual([{ date: '2027-01-01', name: 'New Year, first day of the year' }])
  })

  it('expands repeating events that end, skipping EXDATEs, and RDATEs', () => {
    const r = holidays(calendar(
      'DTSTART;VALUE=DATE:20270106\nRRULE:FREQ=YEARLY;COUNT=3\nEXDATE;VALUE=DATE:20280106\nSUMMARY:Epiphany',
      'DTSTART;VALUE=DATE:20270301\nRDATE;VALUE=DATE:20270310,20270320\nSUMMARY:Stocktaking',
      'DTSTART;VALUE=DATE:20270801\nDTEND;VALUE=DATE:20270803\nRRULE:FREQ=YEARLY;UNTIL=20280801\nSUMMARY:Summer',
    ))
    expect(r.holidays).toEqual([
      { date: '2027-01-06', name: 'Epiphany' },
      { date: '2027-03-01', name: 'Stocktaking' },
      { date: '2027-03-10', name: 'Stocktaking' },
      { date: '2027-03-20', name: 'Stocktaking' },
      { date: '2027-08-01', name: 'Summer' },
      { date: '2027-08-02', name: 'Summer' },
      { date: '2028-08-01', name: 'Summer' },
      { date: '2028-08-02', name: 'Summer' },
      { date: '2029-01-06', name: 'Epiphany' },
    ])
    expect(r.warnings).toEqual([])
  })

  it('takes only the first date of an endless repeating event, and says so', () => {
    const r = holidays(calendar('DTSTART;VALUE=DATE:20270101\nRRULE:FREQ=YEARLY\nSUMMARY:New Year'))
    expect(r.holidays).toEqual([{ date: '2027-01-01', name: 'New Year' }])
    expect(r.warnings).toEqual(['the event on line 3 ("New Year") repeats without end; only its first date, 2027-01-01, was imported'])
  })

  it('joins two names on one date and counts the same name once', () => {
    const r = holidays(calendar('DTSTART;VALUE=DATE:20270405\nSUMMARY:Easter Monday', 'DTSTART;VALUE=DATE:20270405\nSUMMARY:Qingming', 'DTSTART;VALUE=DATE:20270405\nSUMMARY:Qingming'))
    expect(r.holidays).toEqual([{ date: '2027-04-05', name: 'Easter Monday / Qingming' }])
  })

  it('skips cancelled events and reads calendars written one after another', () => {
    const text = `${calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY:A', 'DTSTART;VALUE=DATE:20270102\nSUMMARY:Gone\nSTATUS:CANCELLED')}${calendar('DTSTART;VALUE=DATE:20270103\nSUMMARY:B')}`
    expect(holidays(text).holidays).toEqual([{ date: '2027-01-01', name: 'A' }, { date: '2027-01-03', name: 'B' }])
  })

  it('takes the date of a timed event in a VTIMEZONE calendar as written', () => {
    const text = [
      'BEGIN:VCALENDAR', 'BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'END:STANDARD', 'END:VTIMEZONE',
      'BEGIN:VEVENT', 'DTSTART;TZID=Asia/Shanghai:20271001T080000', 'SUMMARY:National Day', 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n')
    expect(holidays(text).holidays).toEqual([{ date: '2027-10-01', name: 'National Day' }])
  })
})

describe('parseIcs: malformed files are refused whole, naming what is wrong', () => {
  it('refuses a cut-short file with a bad DTSTART (the acceptance case)', () => {
    expect(error('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027XX01\n')).toBe(
      'line 3 has DTSTART "2027XX01", which is not a real date (write YYYYMMDD, a date from 1900 to 2999)')
  })

  it('refuses a bad DTSTART even in a complete file', () => {
    expect(error(calendar('DTSTART;VALUE=DATE:2027XX01\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "2027XX01", which is not a real date/)
    // ical.js alone would read month 13 as next January.
    expect(error(calendar('DTSTART;VALUE=DATE:20271301\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "20271301"/)
    expect(error(calendar('DTSTART;VALUE=DATE:20270229\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "20270229"/)
    expect(error(calendar('DTSTART:20270101T250000\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "20270101T250000"/)
    expect(error(calendar('DTSTART;VALUE=DATE:20270101T090000\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "20270101T090000", which is not a real date \(write YYYYMMDD,/)
    expect(error(calendar('DTSTART;VALUE=DATE:18991231\nSUMMARY:x'))).toMatch(/^line 4 has DTSTART "18991231"/)
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:2027-01-02\nSUMMARY:x'))).toMatch(/^line 5 has DTEND "2027-01-02"/)
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nEXDATE;VALUE=DATE:20270101,2027010\nSUMMARY:x'))).toMatch(/^line 5 has EXDATE "2027010"/)
  })

  it('refuses a truncated file, naming the component left open', () => {
    expect(error('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x\n')).toBe('it is cut short: VEVENT begun on line 2 is never ended (no END:VEVENT)')
    expect(error('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x\nEND:VEVENT\n')).toBe('it is cut short: VCALENDAR begun on line 1 is never ended (no END:VCALENDAR)')
  })

  it('refuses a file that is not a calendar', () => {
    expect(error('BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x\nEND:VEVENT\n')).toBe('it is not an iCalendar file: it does not begin with BEGIN:VCALENDAR')
    expect(error('date,name\n2027-01-01,New Year\n')).toBe('it is not an iCalendar file: it does not begin with BEGIN:VCALENDAR')
    expect(error('BEGIN:VCALENDAR\nthis is not a calendar line\nEND:VCALENDAR\n')).toBe('line 2 is not an iCalendar line: "this is not a calendar line"')
    expect(error('')).toBe('the file is empty')
    expect(error('\n \n')).toBe('the file is empty')
  })

  it('refuses components that do not nest, and lines after the calendar', () => {
    expect(error('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x\nEND:VTODO\nEND:VCALENDAR\n')).toBe('line 5 ends VTODO, but VEVENT begun on line 2 is still open')
    expect(error(`${calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY:x')}SUMMARY:stray\n`)).toBe('line 8 comes after END:VCALENDAR')
    expect(error(`${calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY:x')}END:VEVENT\n`)).toBe('line 8 ends VEVENT, which was never begun')
  })

  it('refuses an event without a date or a name', () => {
    expect(error(calendar('SUMMARY:No date'))).toBe('the event on line 3 has no DTSTART (its date)')
    expect(error(calendar('DTSTART;VALUE=DATE:20270101'))).toBe("the event on line 3 has no SUMMARY (the holiday's name)")
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY: '))).toBe('the event on line 3: the SUMMARY must not be empty')
    expect(error(calendar(`DTSTART;VALUE=DATE:20270101\nSUMMARY:${'x'.repeat(101)}`))).toBe('the event on line 3: the SUMMARY is too long: at most 100 characters')
  })

  it('refuses a calendar without events, or with only cancelled ones', () => {
    expect(error('BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n')).toBe('it has no events (VEVENT) to import')
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nSUMMARY:x\nSTATUS:CANCELLED'))).toBe('it has no holidays to import: every event in it is cancelled')
  })

  it('refuses more than 1000 holidays, however they come', () => {
    const many = Array.from({ length: 1001 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '')
      return `DTSTART;VALUE=DATE:${d}\nSUMMARY:Day ${i}`
    })
    expect(error(calendar(...many))).toBe('it holds more than 1000 holidays; split it into smaller files')
    expect(holidays(calendar(...many.slice(0, 1000))).holidays).toHaveLength(1000)
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nRRULE:FREQ=DAILY;COUNT=2000\nSUMMARY:Daily'))).toBe('it holds more than 1000 holidays; split it into smaller files')
    expect(error(calendar('DTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20320101\nSUMMARY:Sabbatical'))).toBe('the event on line 3 ("Sabbatical") lasts more than 1000 days')
  })
})
