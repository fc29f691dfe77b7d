// export --format ics, read back with a real iCalendar parser (ical.js) and
// checked event by event against show --json. The expected wall-clock times
// are worked out here with Intl, not with the code under test.

import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, insertAssignments, roster } from '../support/cli.js'

/** Monday of the week before Europe's and a fortnight after America's 2027 spring DST change. */
const START = '2027-03-22'
const NOW = '2027-03-17T10:30:00Z'

interface Entry {
  date: string
  shift: string
  staff: string
  start: string
  end: string
  remote: boolean
  holiday: boolean
}

interface Event {
  uid: string
  start: Date
  end: Date
  summary: string
  location: string
  categories: string[]
  sequence: number
  stamp: string
}

function readEvents(text: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(text))
  return cal.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
    summary: String(v.getFirstPropertyValue('summary')),
    location: String(v.getFirstPropertyValue('location')),
    categories: v.getFirstProperty('categories')!.getValues().map(String),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    stamp: String(v.getFirstPropertyValue('dtstamp')),
  }))
}

/** `YYYY-MM-DD HH:MM` as clocks in `zone` show the instant. */
function wall(at: Date, zone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

describe('roster export --format ics', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ start: START, weeks: 3, now: NOW })
    // A night shift that crosses midnight, worked on the night the clocks go forward in Europe.
    expect(roster(['shift', 'add', 'N', '--start', '22:00', '--end', '06:00', '--name', 'Night', '--headcount', '0'], { db, as: 'mei', now: NOW }).code).toBe(0)
    insertAssignments(db, [['2027-03-27', 'N', 'mei'], ['2027-04-02', 'N', 'mei']])
  })

  const show = (args: string[] = []): Entry[] => {
    const r = roster(['show', '--from', START, ...args], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    return r.json.assignments
  }
  const ics = (args: string[], now = NOW) => {
    const r = roster(['export', '--format', 'ics', '--from', START, ...args], { db, now })
    expect(r.code, r.err).toBe(0)
    return r.out
  }

  for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
    it(`has one event per assignment at the right local times in ${zone}, DST change included`, () => {
      const entries = show()
      const events = readEvents(ics(['--tz', zone]))
      expect(entries.length).toBe(21 * 3 + 2)
      expect(events).toHaveLength(entries.length)
      entries.forEach((e, i) => {
        const ev = events[i]!
        expect(ev.uid).toBe(`${e.date}-${e.shift}-${e.staff}@roster`)
        expect(ev.summary).toBe(`${e.shift} ${e.start}-${e.end} ${e.staff}`)
        expect(wall(ev.start, zone)).toBe(`${e.date} ${e.start}`)
        // A shift ending at or before its start ends on the next day.
        expect(wall(ev.end, zone)).toBe(`${e.end <= e.start ? nextDay(e.date) : e.date} ${e.end}`)
        expect(ev.location).toBe(e.remote ? 'Remote (from home)' : 'Office')
        expect(ev.categories).toEqual([`Shift ${e.shift}`, e.remote ? 'Remote' : 'Office'])
      })
    })
  }

  it('times the spring-forward night an hour short, and the same office shift an hour earlier in UTC after the change', () => {
    const events = readEvents(ics(['--tz', 'Europe/Berlin']))
    const night = events.find((e) => e.uid === '2027-03-27-N-mei@roster')!
    expect([night.start.toISOString(), night.end.toISOString()]).toEqual(['2027-03-27T21:00:00.000Z', '2027-03-28T04:00:00.000Z'])
    const a = (date: string) => events.find((e) => e.uid.startsWith(`${date}-A-`))!.start.toISOString()
    expect(a('2027-03-27')).toBe('2027-03-27T08:00:00.000Z')
    expect(a('2027-03-29')).toBe('2027-03-29T07:00:00.000Z')
  })

  it('takes the zone from the timezone setting when --tz is not given', () => {
    const zoned = demoDb({ start: START, weeks: 1, now: NOW })
    expect(roster(['config', 'set', 'timezone', 'Asia/Shanghai'], { db: zoned, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['export', '--format', 'ics', '--from', START, '--to', START], { db: zoned, now: NOW, env: { TZ: 'America/New_York' } })
    expect(r.code, r.err).toBe(0)
    const a = readEvents(r.out).find((e) => e.uid.startsWith(`${START}-A-`))!
    // 09:00 in Shanghai (UTC+8) is 01:00 UTC, whatever zone the computer is in.
    expect(a.start.toISOString()).toBe(`${START}T01:00:00.000Z`)
  })

  it('is byte for byte the same when exported twice, and differs only in DTSTAMP at another time', () => {
    const first = ics(['--tz', 'Europe/Berlin'])
    expect(ics(['--tz', 'Europe/Berlin'])).toBe(first)
    const later = ics(['--tz', 'Europe/Berlin'], '2027-03-18T08:00:00Z')
    expect(later.replace(/DTSTAMP:\d{8}T\d{6}Z/g, '')).toBe(first.replace(/DTSTAMP:\d{8}T\d{6}Z/g, ''))
    expect(readEvents(later)[0]!.stamp).toBe('2027-03-18T08:00:00Z')
  })

  it('keeps only one person\'s events with --staff', () => {
    const events = readEvents(ics(['--tz', 'UTC', '--staff', 'ana']))
    const mine = show(['--staff', 'ana'])
    expect(events.map((e) => e.uid)).toEqual(mine.map((e) => `${e.date}-${e.shift}-ana@roster`))
  })

  it('after assign --replace, the moved shift carries the new person\'s UID and nothing else changes but SEQUENCE', () => {
    const local = demoDb({ start: START, weeks: 1, now: NOW })
    const read = () => readEvents(roster(['export', '--format', 'ics', '--tz', 'Europe/Berlin'], { db: local, now: NOW }).out)
    const before = read()
    const day = JSON.parse(roster(['show', '--from', '2027-03-24', '--to', '2027-03-24'], { db: local, json: true, now: NOW }).out).assignments as Entry[]
    const moved = day.find((e) => e.shift === 'A')!
    const everyone = ['ana', 'ben', 'chen', 'dev']
    const off = everyone.filter((id) => !day.some((e) => e.staff === id))
    const taker = off.find((id) => roster(['assign', '2027-03-24', 'A', id, '--replace', moved.staff], { db: local, as: 'mei', now: NOW }).code === 0)
    expect(taker).toBeDefined()
    const after = read()
    const oldUid = `2027-03-24-A-${moved.staff}@roster`
    const newUid = `2027-03-24-A-${taker}@roster`
    expect(before.map((e) => e.uid)).toContain(oldUid)
    expect(after.map((e) => e.uid)).not.toContain(oldUid)
    expect(after.map((e) => e.uid)).toContain(newUid)
    const moving = after.find((e) => e.uid === newUid)!
    const was = before.find((e) => e.uid === oldUid)!
    expect([moving.start, moving.end]).toEqual([was.start, was.end])
    expect(moving.summary).toBe(`A 09:00-17:00 ${taker}`)
    // Every other event keeps its UID and times; SEQUENCE (the roster revision) grows for all.
    const rest = (list: Event[]) => list.filter((e) => e.uid !== oldUid && e.uid !== newUid).map((e) => ({ uid: e.uid, start: e.start, end: e.end, summary: e.summary }))
    expect(rest(after)).toEqual(rest(before))
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence)
  })
})
