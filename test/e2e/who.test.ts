import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, roster, STACK_TRACE, insertAssignments as insert } from '../support/cli.js'

/** Wednesday 2027-01-06, 10:30 local time. */
const NOW = '2027-01-06T10:30:00'

describe('roster who', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ now: NOW })
    // A night shift from 22:00 to 06:00 crosses midnight.
    expect(roster(['shift', 'add', 'N', '--start', '22:00', '--end', '06:00', '--name', 'Night', '--headcount', '0'], { db, as: 'mei', now: NOW }).code).toBe(0)
    insert(db, [
      ['2027-01-05', 'N', 'dev'],
      ['2027-01-06', 'A', 'chen'],
      ['2027-01-06', 'B', 'ben'],
      ['2027-01-06', 'C', 'ana'],
    ])
  })

  it('without --at uses the clock: who is on duty now', () => {
    const r = roster(['who'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json).toEqual({ at: '2027-01-06T10:30', onDuty: [{ staff: 'chen', name: 'Chen Jie 陈杰', shift: 'A', start: '09:00', end: '17:00', remote: false }] })
  })

  it('HH:MM is today; overlapping shifts are both on duty', () => {
    const r = roster(['who', '--at', '12:30'], { db, json: true, now: NOW })
    expect(r.json.at).toBe('2027-01-06T12:30')
    expect(r.json.onDuty.map((d: any) => `${d.staff} ${d.shift}`)).toEqual(['chen A', 'ben B'])
  })

  it('counts a shift that began yesterday and runs past midnight', () => {
    const r = roster(['who', '--at', '2027-01-06T02:00'], { db, json: true, now: NOW })
    expect(r.json.onDuty).toEqual([{ staff: 'dev', name: 'Dev Patel', shift: 'N', start: '22:00', end: '06:00', remote: false }])
    const text = roster(['who', '--at', '2027-01-06T02:00'], { db, now: NOW }).out
    expect(text).toContain('22:00-06:00 (since 2027-01-05)')
    // Near miss: it is over at its end time.
    expect(roster(['who', '--at', '2027-01-06T06:00'], { db, json: true, now: NOW }).json.onDuty).toEqual([])
  })

  it('the remote evening shift shows as remote; 22:00 has nobody, inside the service hours', () => {
    expect(roster(['who', '--at', '21:59'], { db, json: true, now: NOW }).json.onDuty).toEqual([
      { staff: 'ana', name: 'Ana Souza', shift: 'C', start: '20:00', end: '22:00', remote: true },
    ])
    const r = roster(['who', '--at', '22:00'], { db, now: NOW })
    expect(r.code).toBe(0)
    expect(r.out).toBe('Nobody is on duty at 2027-01-06 22:00 (Wed).\nThat is within the service hours: see "roster check" for the gaps.\n')
  })

  it('the text names who comes on next', () => {
    const r = roster(['who', '--at', '07:00'], { db, now: NOW })
    expect(r.out).toContain('Nobody is on duty at 2027-01-06 07:00 (Wed).')
    expect(r.out).toContain('Next: chen on A from 09:00.')
    expect(r.out).not.toContain('service hours')
  })

  it.each(['25:00', '2027-02-30T10:00', 'noon', '2027-01-06', '10:5'])('--at %s exits 2 without a stack trace', (at) => {
    const r = roster(['who', '--at', at], { db, now: NOW })
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--at "${at}" is not a time`)
    expect(r.err).not.toMatch(STACK_TRACE)
  })
})
