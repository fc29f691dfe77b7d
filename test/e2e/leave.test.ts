// roster leave through the built CLI.

import { describe, expect, it } from 'vitest'
import { roster, STACK_TRACE } from '../support/cli.js'
import { ok, refused, rosterDb, shiftOf, sql } from './swap-support.js'

// PATTERN (swap-support.ts), repeating every 4 days from Mon 2027-01-04:
//          01-04 01-05 01-06 01-07 | 01-08 ...
//  ana       -     C     B     A   |   -
//  ben       A     -     C     B   |   A
const leave = (from: string, to: string, ...more: string[]) => ['leave', 'request', '--from', from, '--to', to, ...more]

describe('leave: request, approve, reject', () => {
  it('approving removes the shifts in the range, reports them and keeps them in the audit', () => {
    const db = rosterDb()
    const req = ok(db, 'ana', leave('2027-01-05', '2027-01-06', '--reason', '探亲 family visit'))
    expect(req).toEqual({ leave: { id: 1, staff: 'ana', from: '2027-01-05', to: '2027-01-06', status: 'pending', reason: '探亲 family visit', createdAt: expect.any(String), decidedBy: null } })
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
    const r = ok(db, 'mei', ['leave', 'approve', '1'])
    expect(r.leave).toMatchObject({ id: 1, status: 'approved', decidedBy: 'mei' })
    expect(r.removed).toEqual([{ date: '2027-01-05', shift: 'C', staff: 'ana' }, { date: '2027-01-06', shift: 'B', staff: 'ana' }])
    expect([shiftOf(db, 'ana', '2027-01-05'), shiftOf(db, 'ana', '2027-01-06'), shiftOf(db, 'ana', '2027-01-07')]).toEqual([null, null, 'A'])
    const entry = ok(db, undefined, ['log']).entries.find((e: any) => e.action === 'leave.approve')
    expect(entry).toMatchObject({ actor: 'mei', subject: 'leave #1' })
    expect(entry.before.assignments).toEqual(r.removed)
  })

  it('says in plain text which shifts are now uncovered', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-05'))
    const r = roster(['leave', 'approve', '1'], { db, as: 'mei', now: '2027-01-01T12:00:00' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('2027-01-05 C')
    expect(r.out).toContain('uncovered')
    // The way on: who could take it, as a command that works as printed.
    expect(r.out).toContain('roster cover 2027-01-05 C')
    expect(roster(['cover', '2027-01-05', 'C'], { db, now: '2027-01-01T12:00:00' }).code).toBe(0)
  })

  it('rejecting leaves the roster alone', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-05'))
    expect(ok(db, 'mei', ['leave', 'reject', '1']).leave.status).toBe('rejected')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
  })

  it('only a lead or manager decides, never on their own leave, and only once', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-05'))
    refused(db, 'ben', ['leave', 'approve', '1'], 1, 'permission')
    refused(db, 'ana', ['leave', 'approve', '1'], 1, 'permission')
    ok(db, 'mei', leave('2027-01-10', '2027-01-12'))
    refused(db, 'mei', ['leave', 'approve', '2'], 1, 'permission')
    ok(db, 'mei', ['leave', 'approve', '1'])
    refused(db, 'mei', ['leave', 'approve', '1'], 1, 'leave.state')
    refused(db, 'mei', ['leave', 'reject', '1'], 1, 'leave.state')
  })

  it('refuses overlapping requests of one person, not of two', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-07'))
    refused(db, 'ana', leave('2027-01-07', '2027-01-09'), 1, 'leave.overlap')
    ok(db, 'ben', leave('2027-01-07', '2027-01-09'))
    ok(db, 'mei', ['leave', 'reject', '1'])
    ok(db, 'ana', leave('2027-01-07', '2027-01-09'))
  })

  it('refuses leave starting in the past', () => {
    refused(rosterDb(), 'ana', leave('2026-12-31', '2027-01-02'), 1, 'leave.past')
  })
})

describe('leave.holiday', () => {
  it('refuses leave over a holiday the person works; allows it for someone off that day (near miss)', () => {
    const db = rosterDb({ holidays: { '2027-01-05': 'Founders Day' } })
    expect(refused(db, 'ana', leave('2027-01-04', '2027-01-06'), 1, 'leave.holiday').err).toContain('Founders Day')
    ok(db, 'ben', leave('2027-01-05', '2027-01-05'))
  })

  it('re-checks on approval: a holiday added in between blocks it', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-05'))
    sql(db, (d) => d.prepare(`INSERT INTO holiday (date, name) VALUES ('2027-01-05', 'Founders Day')`).run())
    refused(db, 'mei', ['leave', 'approve', '1'], 1, 'leave.holiday')
  })
})

describe('leave list', () => {
  it('lists leave in the SPEC shape, filtered by status and person', () => {
    const db = rosterDb()
    ok(db, 'ana', leave('2027-01-05', '2027-01-06'))
    ok(db, 'ben', leave('2027-01-10', '2027-01-10'))
    ok(db, 'mei', ['leave', 'approve', '2'])
    expect(ok(db, undefined, ['leave', 'list']).leaves.map((l: any) => [l.id, l.staff, l.from, l.to, l.status])).toEqual([
      [1, 'ana', '2027-01-05', '2027-01-06', 'pending'], [2, 'ben', '2027-01-10', '2027-01-10', 'approved'],
    ])
    expect(ok(db, undefined, ['leave', 'list', '--status', 'approved']).leaves.map((l: any) => l.id)).toEqual([2])
    expect(ok(db, undefined, ['leave', 'list', '--staff', 'ana']).leaves.map((l: any) => l.id)).toEqual([1])
  })
})

describe('leave: bad input exits 2 and changes nothing', () => {
  it.each([
    [leave('2027-01-07', '2027-01-05'), 'after --to'],
    [leave('2027-01-05', '2028-01-06'), 'at most 366'],
    [leave('2027-01-05', 'soonish'), 'not a date'],
    [['leave', 'request', '--from', '2027-01-05'], 'to'],
    [['leave', 'approve', '42'], 'no leave #42'],
    [['leave', 'approve', 'x1'], 'not a leave id'],
    [['leave', 'list', '--status', 'maybe'], '--status must be one of'],
    [['leave', 'list', '--staff', 'ghost'], 'Unknown staff id'],
  ])('leave %s: %s', (args, text) => {
    const db = rosterDb()
    const r = refused(db, 'mei', args as string[], 2)
    expect(r.err).toContain(text)
    expect(r.err).not.toMatch(STACK_TRACE)
  })

  it('allows exactly 366 days (near miss)', () => {
    ok(rosterDb(), 'mei', leave('2027-01-05', '2028-01-05'))
  })
})
