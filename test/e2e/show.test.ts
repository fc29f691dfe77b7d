import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, roster, STACK_TRACE } from '../support/cli.js'
import { openTestDb } from '../support/test-db.js'

/** A Wednesday in the first week of the seeded roster (local time). */
const NOW = '2027-01-06T10:30:00'
const PEOPLE = ['ana', 'ben', 'chen', 'dev']

/** Three weeks from Monday 2027-01-04: shift j on day i goes to PEOPLE[(i + j) % 4]; B is left open on 2027-01-06. */
function seed(db: string): void {
  const raw = openTestDb(db)
  const ins = raw.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
  for (let i = 0; i < 21; i++) {
    const date = new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10)
    ;['A', 'B', 'C'].forEach((shift, j) => {
      if (date === '2027-01-06' && shift === 'B') return
      ins.run(date, shift, PEOPLE[(i + j) % 4])
    })
  }
  raw.prepare(`INSERT INTO holiday (date, name) VALUES ('2027-01-08', 'Founders Day 建厂日')`).run()
  raw.close()
}

describe('roster show', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ now: NOW })
    seed(db)
  })

  it('--json prints the SPEC shape, sorted by date then shift start', () => {
    const r = roster(['show', '--from', '2027-01-06', '--to', '2027-01-08'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.json).toEqual({
      from: '2027-01-06',
      to: '2027-01-08',
      assignments: [
        { date: '2027-01-06', shift: 'A', staff: 'chen', start: '09:00', end: '17:00', remote: false, holiday: false },
        { date: '2027-01-06', shift: 'C', staff: 'ana', start: '20:00', end: '22:00', remote: true, holiday: false },
        { date: '2027-01-07', shift: 'A', staff: 'dev', start: '09:00', end: '17:00', remote: false, holiday: false },
        { date: '2027-01-07', shift: 'B', staff: 'ana', start: '12:00', end: '20:00', remote: false, holiday: false },
        { date: '2027-01-07', shift: 'C', staff: 'ben', start: '20:00', end: '22:00', remote: true, holiday: false },
        { date: '2027-01-08', shift: 'A', staff: 'ana', start: '09:00', end: '17:00', remote: false, holiday: true },
        { date: '2027-01-08', shift: 'B', staff: 'ben', start: '12:00', end: '20:00', remote: false, holiday: true },
        { date: '2027-01-08', shift: 'C', staff: 'chen', start: '20:00', end: '22:00', remote: true, holiday: true },
      ],
    })
  })

  it('without dates shows one cycle from this week\'s Monday, and says so', () => {
    const r = roster(['show'], { db, json: true, now: NOW })
    expect([r.json.from, r.json.to]).toEqual(['2027-01-04', '2027-01-24'])
    expect(r.json.assignments).toHaveLength(62)
    const text = roster(['show'], { db, now: NOW })
    expect(text.out.split('\n')[0]).toBe('Roster 2027-01-04 to 2027-01-24 (this week and the next 2: one cycle, cycle.weeks = 3):')
  })

  it('--week is Monday to Sunday around the date; --month is the calendar month', () => {
    const week = roster(['show', '--week', '2027-01-13'], { db, json: true, now: NOW }).json
    expect([week.from, week.to, week.assignments.length]).toEqual(['2027-01-11', '2027-01-17', 21])
    const month = roster(['show', '--month', '2027-02'], { db, json: true, now: NOW })
    expect(month.code).toBe(0)
    expect(month.json).toEqual({ from: '2027-02-01', to: '2027-02-28', assignments: [] })
  })

  it('the text grid has dates down and shifts across, marks weekends and holidays and shows an open place', () => {
    // COLUMNS: wide enough that no cell wraps (the 80-column wrapping has its own tests).
    const r = roster(['show', '--from', '2027-01-06', '--to', '2027-01-09'], { db, now: NOW, env: { COLUMNS: '120' } })
    expect(r.code).toBe(0)
    const row = (date: string) => r.out.split('\n').find((l) => l.startsWith(`│ ${date}`))!.split('│').map((c) => c.trim()).filter(Boolean)
    expect(row('2027-01-06')).toEqual(['2027-01-06', 'Wed', 'chen', '-', 'ana'])
    expect(row('2027-01-08')).toEqual(['2027-01-08', 'Fri', 'ana', 'ben', 'chen', 'Founders Day 建厂日'])
    expect(row('2027-01-09')).toEqual(['2027-01-09', 'Sat*', 'ben', 'chen', 'dev'])
    expect(r.out).toContain('an open place nobody fills (1)')
    expect(r.out).not.toMatch(/\u001b\[/)
  })

  it('--across puts people down and dates across, with an (open) row for unfilled shifts', () => {
    const r = roster(['show', '--across', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW })
    expect(r.code).toBe(0)
    const row = (id: string) => r.out.split('\n').find((l) => l.startsWith(`│ ${id} `))!.split('│').slice(1, -1).map((c) => c.trim())
    expect(row('chen')).toEqual(['chen', 'Chen Jie 陈杰', 'C', 'B', 'A', '', 'C', 'B', 'A', '6'])
    expect(row('(open)')).toEqual(['(open)', '', '', '', 'B', '', '', '', '', ''])
    expect(r.out).toContain('H holiday: 2027-01-08 Founders Day 建厂日')
  })

  it('--staff lists one person\'s shifts; "me" is the acting person', () => {
    const ana = roster(['show', '--staff', 'ana', '--week', '2027-01-04'], { db, json: true, now: NOW }).json
    expect(ana.assignments.map((a: any) => `${a.date} ${a.shift}`)).toEqual(['2027-01-04 A', '2027-01-06 C', '2027-01-07 B', '2027-01-08 A', '2027-01-10 C'])
    const me = roster(['show', '--staff', 'me', '--week', '2027-01-04'], { db, as: 'ana', json: true, now: NOW }).json
    expect(me).toEqual(ana)
    const text = roster(['show', '--staff', 'ana', '--week', '2027-01-04'], { db, now: NOW }).out
    expect(text).toContain('2027-01-08  Fri   A  09:00-17:00  office  holiday: Founders Day 建厂日')
    expect(text).toContain('5 shifts, 2 days off')
  })

  it('an empty range is a friendly sentence that points at the roster', () => {
    const r = roster(['show', '--month', '2027-03'], { db, now: NOW })
    expect(r.code).toBe(0)
    expect(r.out).toBe('Nobody is on the roster from 2027-03-01 to 2027-03-31.\nThe roster runs from 2027-01-04 to 2027-01-24: try "roster show --from 2027-01-04 --to 2027-01-24".\n')
  })

  it('on a database without a roster says how to make one', () => {
    const empty = demoDb({ now: NOW })
    const r = roster(['show'], { db: empty, now: NOW })
    expect(r.code).toBe(0)
    expect(r.out).toContain('There is no roster yet')
    expect(roster(['show'], { db: empty, json: true, now: NOW }).json.assignments).toEqual([])
  })

  it.each([
    [['--from', '2027-13-45', '--to', '2027-01-10'], '--from "2027-13-45" is not a date'],
    [['--from', 'yesterday-ish'], '--from "yesterday-ish" is not a date'],
    [['--from', '2027-01-10', '--to', '2027-01-04'], '--to 2027-01-04 is before --from 2027-01-10'],
    [['--month', '2027-1'], '--month "2027-1" is not a month'],
    [['--week', '2027-01-04', '--month', '2027-01'], '--week cannot be combined'],
    [['--from', '2020-01-01', '--to', '2027-01-01'], 'is longer than 731 days'],
    [['--staff', 'nobody'], 'Unknown staff id "nobody"'],
    [['--staff', 'me'], 'Who is acting?'],
  ])('bad input %j exits 2 with one sentence and no stack trace', (args, message) => {
    const r = roster(['show', ...args], { db, now: NOW })
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain(message)
    expect(r.err).not.toMatch(STACK_TRACE)
  })
})
