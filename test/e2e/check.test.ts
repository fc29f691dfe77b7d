import { describe, expect, it } from 'vitest'
import { demoDb, roster, STACK_TRACE, insertAssignments as insert, fileHash } from '../support/cli.js'
import { openTestDb } from '../support/test-db.js'

const NOW = '2027-01-06T10:30:00'
const PEOPLE = ['ana', 'ben', 'chen', 'dev']

/** Every A/B/C shift filled for `days` days from Monday 2027-01-04, rotating through the four agents. */
function fullRoster(days: number): [string, string, string][] {
  const rows: [string, string, string][] = []
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10)
    ;['A', 'B', 'C'].forEach((shift, j) => rows.push([date, shift, PEOPLE[(i + j) % 4]!]))
  }
  return rows
}

describe('roster check', () => {
  it('names 22:00-24:00, which no default shift covers, once as a setup finding: a full roster passes --strict', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(7))
    const plain = roster(['check', '--from', '2027-01-04', '--to', '2027-01-05'], { db, json: true, now: NOW })
    expect(plain.code).toBe(0)
    expect(plain.json).toMatchObject({ ok: true, uncoverable: [{ from: '22:00', to: '24:00' }], gaps: [], violations: [] })
    expect(plain.err).toBe('')
    const before = fileHash(db)
    const r = roster(['check', '--strict', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW })
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const finding = 'Setup: no shift covers 22:00-24:00 of the service hours: add a shift or change service.hours.'
    expect(r.out.split('\n').filter((l) => l.includes('22:00-24:00'))).toEqual([finding])
    expect(r.out).toContain('Service hours 09:00-24:00: every hour a shift covers is staffed.')
    expect(r.out).toContain('Result: OK.')
    expect(fileHash(db)).toBe(before)
  })

  it('a shift left open fails --strict (exit 1), the gap naming only the hours people are missing from', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(7).filter(([d, s]) => !(d === '2027-01-06' && s === 'C')))
    const r = roster(['check', '--strict', '--from', '2027-01-04', '--to', '2027-01-10'], { db, json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({ ok: false, uncoverable: [{ from: '22:00', to: '24:00' }], gaps: [{ date: '2027-01-06', from: '20:00', to: '22:00' }] })
    expect(r.errJson.error.code).toBe('check-failed')
    expect(r.err).not.toMatch(STACK_TRACE)
    const text = roster(['check', '--strict', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW })
    expect(text.code).toBe(1)
    expect(text.out).toContain('Service hours 09:00-24:00: 1 gap with nobody on duty.\n  20:00-22:00  2027-01-06 Wed')
    expect(text.out).toContain('Result: FAILED: 1 gap, 1 rule violation.')
    expect(text.err).toBe('roster: The check found 1 gap and 1 rule violation from 2027-01-04 to 2027-01-10.\n')
  })

  it('passes (exit 0) once the service hours match the shifts', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(7))
    expect(roster(['config', 'set', 'service.hours', '09:00-22:00'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['check', '--from', '2027-01-04', '--to', '2027-01-10'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect([r.json.ok, r.json.uncoverable, r.json.gaps, r.json.violations]).toEqual([true, [], [], []])
    expect(roster(['check', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW }).out).toContain('Result: OK.')
  })

  it('a day without B has the hole 17:00-20:00 and a roster.coverage violation', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(2).filter(([d, s]) => !(d === '2027-01-05' && s === 'B')))
    const r = roster(['check', '--strict', '--from', '2027-01-05', '--to', '2027-01-05'], { db, json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.json.gaps).toEqual([{ date: '2027-01-05', from: '17:00', to: '20:00' }])
    expect(r.json.violations).toEqual([{ rule: 'roster.coverage', date: '2027-01-05', staff: null, message: 'shift B on 2027-01-05 has 0 of 1 person' }])
  })

  it('reports a person on two shifts in one day (roster.one-shift-per-day, and the 3 h between them: roster.min-rest)', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(1).map(([d, s, p]) => [d, s, s === 'C' ? 'ana' : p] as [string, string, string]))
    const r = roster(['check', '--from', '2027-01-04', '--to', '2027-01-04'], { db, json: true, now: NOW })
    expect(r.json.violations.map((v: any) => [v.rule, v.date, v.staff])).toEqual([
      ['roster.one-shift-per-day', '2027-01-04', 'ana'],
      ['roster.min-rest', '2027-01-04', 'ana'],
    ])
  })

  it('counts working days before --from (roster.max-consecutive-days)', () => {
    const db = demoDb({ now: NOW })
    insert(db, ['04', '05', '06', '07', '08', '09', '10'].map((d) => [`2027-01-${d}`, 'A', 'ana'] as [string, string, string]))
    const r = roster(['check', '--from', '2027-01-08', '--to', '2027-01-10'], { db, json: true, now: NOW })
    expect(r.json.violations.filter((v: any) => v.rule !== 'roster.coverage')).toEqual([
      { rule: 'roster.max-consecutive-days', date: '2027-01-10', staff: 'ana', message: 'ana works 7 days in a row from 2027-01-04 to 2027-01-10; at most 6 are allowed' },
    ])
    // Near miss: six in a row is fine.
    const six = roster(['check', '--from', '2027-01-08', '--to', '2027-01-09'], { db, json: true, now: NOW })
    expect(six.json.violations.filter((v: any) => v.rule !== 'roster.coverage')).toEqual([])
  })

  it('reports a shift on approved leave (roster.leave), not on pending leave', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(2))
    const raw = openTestDb(db)
    raw.prepare(`INSERT INTO leave (staff, from_date, to_date, reason, status, created_at, decided_by) VALUES ('ana', '2027-01-04', '2027-01-04', NULL, 'approved', '2027-01-01T00:00:00Z', 'mei')`).run()
    raw.prepare(`INSERT INTO leave (staff, from_date, to_date, reason, status, created_at, decided_by) VALUES ('ben', '2027-01-05', '2027-01-05', NULL, 'pending', '2027-01-01T00:00:00Z', NULL)`).run()
    raw.close()
    const r = roster(['check', '--from', '2027-01-04', '--to', '2027-01-05'], { db, json: true, now: NOW })
    expect(r.json.violations).toEqual([{ rule: 'roster.leave', date: '2027-01-04', staff: 'ana', message: 'ana is on approved leave on 2027-01-04 but assigned to A' }])
  })

  it('includes the fairness of the load over the rotation', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(7))
    const f = roster(['check', '--from', '2027-01-04', '--to', '2027-01-10'], { db, json: true, now: NOW }).json.fairness
    expect(f.staff.map((s: any) => [s.id, s.shifts, s.total, s.weekend, s.daysOff])).toEqual([
      ['ana', { A: 2, B: 1, C: 2 }, 5, 1, 2],
      ['ben', { A: 2, B: 2, C: 1 }, 5, 1, 2],
      ['chen', { A: 2, B: 2, C: 2 }, 6, 2, 1],
      ['dev', { A: 1, B: 2, C: 2 }, 5, 2, 2],
    ])
    expect(f.spread).toEqual({ shifts: { A: 1, B: 1, C: 1 }, total: 1, daysOff: 1, weekend: 1, holiday: 0 })
    const text = roster(['check', '--from', '2027-01-04', '--to', '2027-01-10'], { db, now: NOW }).out
    expect(text).toContain('Fairness among the 4 people on the rotation')
  })

  it('by default checks from today to the last assigned day, or the whole roster once it is past', () => {
    const db = demoDb({ now: NOW })
    insert(db, fullRoster(21))
    const now = roster(['check'], { db, json: true, now: NOW })
    expect([now.json.from, now.json.to, now.json.gaps.length]).toEqual(['2027-01-06', '2027-01-24', 0])
    expect(roster(['check'], { db, now: NOW }).out.split('\n')[0]).toBe('Checked 2027-01-06 to 2027-01-24 (from today to the last assigned day).')
    const later = roster(['check'], { db, now: '2027-03-01T09:00:00' })
    expect(later.out.split('\n')[0]).toBe('Checked 2027-01-04 to 2027-01-24 (the whole roster: it ended on 2027-01-24, before today).')
  })

  it('with no roster at all says so and passes', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['check'], { db, now: NOW })
    expect(r.code).toBe(0)
    expect(r.out).toBe('There is no roster to check yet: a lead draws one up with "roster generate --as mei".\n')
    expect(roster(['check'], { db, json: true, now: NOW }).json).toMatchObject({ ok: true, gaps: [], violations: [] })
  })

  it.each([
    [['--from', '2027-13-45'], '--from "2027-13-45" is not a date'],
    [['--to', 'later'], '--to "later" is not a date'],
    [['--from', '2027-01-10', '--to', '2027-01-04'], '--to 2027-01-04 is before --from 2027-01-10'],
  ])('bad input %j exits 2 without a stack trace', (args, message) => {
    const db = demoDb({ now: NOW })
    const r = roster(['check', ...args], { db, now: NOW })
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain(message)
    expect(r.err).not.toMatch(STACK_TRACE)
  })
})
