// roster swap: the life of a swap through the built CLI.

import { describe, expect, it } from 'vitest'
import { fileHash, roster, STACK_TRACE } from '../support/cli.js'
import { act, ok, refused, rosterDb, shiftOf, sql } from './swap-support.js'

// PATTERN (swap-support.ts): on Tue 2027-01-05 ana works C, chen A, dev B, ben is off;
// on Wed 2027-01-06 ana B, ben C, dev A, chen off.

describe('swap: exchange from request to approval', () => {
  it('goes pending -> accepted -> approved, changes the roster only on approval, and audits every step', () => {
    const db = rosterDb()
    const req = ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen', '--reason', '看医生 (doctor)'])
    expect(req).toEqual({
      swap: {
        id: 1, status: 'pending', requester: 'ana', counterpart: 'chen', date: '2027-01-05', payback: null,
        kind: 'exchange', reason: '看医生 (doctor)', createdAt: expect.any(String), decidedBy: null, decisionReason: null, undoes: null,
      },
    })
    expect(ok(db, 'chen', ['swap', 'accept', '1']).swap.status).toBe('accepted')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
    const approved = ok(db, 'mei', ['swap', 'approve', '1', '--reason', 'fine'])
    expect(approved.swap).toMatchObject({ id: 1, status: 'approved', decidedBy: 'mei', decisionReason: 'fine' })
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('A')
    expect(shiftOf(db, 'chen', '2027-01-05')).toBe('C')
    const log = ok(db, undefined, ['log']).entries.filter((e: any) => e.action.startsWith('swap.'))
    expect(log.map((e: any) => [e.actor, e.action, e.subject])).toEqual([
      ['ana', 'swap.request', 'swap #1'], ['chen', 'swap.accept', 'swap #1'], ['mei', 'swap.approve', 'swap #1'],
    ])
    expect(log[2].after.assignments).toEqual([{ date: '2027-01-05', shift: 'A', staff: 'ana' }, { date: '2027-01-05', shift: 'C', staff: 'chen' }])
  })

  it('prints a plain sentence without --json', () => {
    const db = rosterDb()
    const r = roster(['swap', 'request', '--date', '2027-01-05', '--with', 'chen'], { db, as: 'ana', now: '2027-01-01T12:00:00' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Swap #1 requested: ana and chen trade shifts on Tue 2027-01-05.')
    expect(r.out).toContain('roster swap accept 1 --as chen')
  })
})

describe('swap: cover with payback', () => {
  it("moves R's shift to P on D1 and P's shift to R on D2 when approved", () => {
    const db = rosterDb()
    // ben is off on Tue 01-05 and takes ana's C; ana is off on Fri 01-08 and takes ben's A.
    const s = ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'ben', '--payback', '2027-01-08']).swap
    expect(s).toMatchObject({ payback: '2027-01-08', kind: 'cover' })
    ok(db, 'ben', ['swap', 'accept', String(s.id)])
    ok(db, 'mei', ['swap', 'approve', String(s.id)])
    expect([shiftOf(db, 'ana', '2027-01-05'), shiftOf(db, 'ben', '2027-01-05'), shiftOf(db, 'ana', '2027-01-08'), shiftOf(db, 'ben', '2027-01-08')]).toEqual([null, 'C', 'A', null])
  })

  it('without --payback when P is off on D1 is a usage error naming the flag', () => {
    const db = rosterDb()
    const r = refused(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'ben'], 2)
    expect(r.err).toContain('--payback is required')
  })
})

describe('swap: who may take which step', () => {
  it('refuses the requester accepting, a participant or agent approving, others cancelling (swap.approver)', () => {
    const db = rosterDb()
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    refused(db, 'ana', ['swap', 'accept', '1'], 1, 'swap.approver')
    refused(db, 'dev', ['swap', 'decline', '1'], 1, 'swap.approver')
    refused(db, 'chen', ['swap', 'cancel', '1'], 1, 'swap.approver')
    ok(db, 'chen', ['swap', 'accept', '1'])
    refused(db, 'chen', ['swap', 'approve', '1'], 1, 'swap.approver')
    refused(db, 'dev', ['swap', 'approve', '1'], 1, 'swap.approver')
    refused(db, 'dev', ['swap', 'reject', '1'], 1, 'swap.approver')
    ok(db, 'mei', ['swap', 'reject', '1', '--reason', 'short-staffed'])
  })

  it('refuses a lead approving a swap they take part in', () => {
    const db = rosterDb()
    sql(db, (d) => {
      d.prepare(`INSERT INTO staff (id, name, role, rotation, active, created_at) VALUES ('max', 'Max', 'manager', 0, 1, 'x')`).run()
      d.prepare(`UPDATE assignment SET staff = 'mei' WHERE staff = 'chen' AND date = '2027-01-05'`).run()
    })
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'mei'])
    ok(db, 'mei', ['swap', 'accept', '1'])
    refused(db, 'mei', ['swap', 'approve', '1'], 1, 'swap.approver')
    expect(ok(db, 'max', ['swap', 'approve', '1']).swap.status).toBe('approved')
  })

  it('needs an acting person to request', () => {
    const db = rosterDb()
    const r = refused(db, undefined, ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'], 2)
    expect(r.err).toContain('--as')
  })
})

describe('swap: steps out of order are refused (swap.state)', () => {
  it('refuses approving a pending swap, accepting a cancelled one, cancelling an approved one', () => {
    const db = rosterDb()
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    expect(refused(db, 'mei', ['swap', 'approve', '1'], 1, 'swap.state').err).toContain('pending')
    expect(ok(db, 'ana', ['swap', 'cancel', '1']).swap).toMatchObject({ status: 'cancelled', decidedBy: 'ana' })
    expect(refused(db, 'chen', ['swap', 'accept', '1'], 1, 'swap.state').err).toContain('cancelled')
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'dev'])
    ok(db, 'dev', ['swap', 'accept', '2'])
    ok(db, 'mei', ['swap', 'approve', '2'])
    refused(db, 'ana', ['swap', 'cancel', '2'], 1, 'swap.state')
    refused(db, 'mei', ['swap', 'approve', '2'], 1, 'swap.state')
  })

  it('lets the counterpart decline, after which nothing more happens', () => {
    const db = rosterDb()
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    expect(ok(db, 'chen', ['swap', 'decline', '1']).swap.status).toBe('declined')
    refused(db, 'chen', ['swap', 'accept', '1'], 1, 'swap.state')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
  })

  it('re-checks the rules on approval against the roster as it is then', () => {
    const db = rosterDb()
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    ok(db, 'chen', ['swap', 'accept', '1'])
    // The lead moves chen off Tuesday in the meantime: there is nothing left to trade.
    sql(db, (d) => d.prepare(`UPDATE assignment SET staff = 'ben' WHERE staff = 'chen' AND date = '2027-01-05'`).run())
    refused(db, 'mei', ['swap', 'approve', '1'], 1, 'swap.ownership')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
  })
})

describe('swap: bad input exits 2 and changes nothing', () => {
  it.each([
    [['swap', 'request', '--date', '2027-01-05', '--with', 'nobody-here'], 'Unknown staff id'],
    [['swap', 'request', '--date', '2027-02-30', '--with', 'chen'], 'not a date'],
    [['swap', 'request', '--with', 'chen'], '--date is required'],
    [['swap', 'request', '--date', '2027-01-05'], '--with is required'],
    [['swap', 'request', '--date', '2027-01-05', '--with', 'ana'], 'yourself'],
    [['swap', 'request', '--date', '2027-01-05', '--with', 'chen', '--reason', 'a reason of 501 characters'.padEnd(501, '.')], 'too long'],
    [['swap', 'accept', '99999'], 'no swap #99999'],
    [['swap', 'accept', 'abc'], 'not a swap id'],
    [['swap', 'approve', '-1'], ''],
    [['swap', 'list', '--status', 'maybe'], '--status must be one of'],
    [['swap', 'list', '--month', '2027-13'], 'not a month'],
    [['swap', 'list', '--staff', 'ghost'], 'Unknown staff id'],
    [['swap', 'check', '--date', '2027-01-05'], 'with'],
    [['swap', 'check', '--date', '2027-01-05', '--with', 'ana'], 'yourself'],
    [['swap', 'check', '--date', '2027-01-05', '--with', 'ghost'], 'Unknown staff id'],
  ])('swap %s ...: %s', (args, text) => {
    const db = rosterDb()
    const r = refused(db, 'ana', args as string[], 2)
    expect(r.err).toContain(text)
    expect(r.err).not.toMatch(STACK_TRACE)
  })
})

describe('swap list', () => {
  it('lists swaps in the SPEC shape, filtered by status, month and person', () => {
    const db = rosterDb()
    ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    ok(db, 'ben', ['swap', 'request', '--date', '2027-01-07', '--with', 'chen'])
    ok(db, 'chen', ['swap', 'accept', '2'])
    const all = ok(db, undefined, ['swap', 'list']).swaps
    expect(all.map((s: any) => [s.id, s.status, s.requester, s.counterpart, s.date, s.payback])).toEqual([
      [1, 'pending', 'ana', 'chen', '2027-01-05', null], [2, 'accepted', 'ben', 'chen', '2027-01-07', null],
    ])
    expect(ok(db, undefined, ['swap', 'list', '--status', 'accepted']).swaps.map((s: any) => s.id)).toEqual([2])
    expect(ok(db, undefined, ['swap', 'list', '--staff', 'ana']).swaps.map((s: any) => s.id)).toEqual([1])
    expect(ok(db, undefined, ['swap', 'list', '--month', '2027-02']).swaps).toEqual([])
    const text = roster(['swap', 'list'], { db })
    expect(text.out).toContain('accepted')
  })
})

describe('swap check', () => {
  it('reports every rule with a reason and exits 0 when all pass', () => {
    const db = rosterDb()
    const h = fileHash(db)
    const r = act(db, 'ana', ['swap', 'check', '--date', '2027-01-05', '--with', 'chen'])
    expect(r.code).toBe(0)
    expect(r.json.ok).toBe(true)
    expect(r.json.rules.map((x: any) => x.id)).toEqual(['swap.past', 'swap.holiday', 'swap.leave', 'swap.ownership', 'swap.monthly-limit', 'swap.consecutive', 'swap.back-to-back', 'swap.approver'])
    for (const x of r.json.rules) expect(x).toEqual({ id: expect.any(String), ok: true, message: expect.stringMatching(/\S/) })
    expect(fileHash(db)).toBe(h)
  })

  it('exits 1 when a rule fails, saying which, and writes nothing', () => {
    const db = rosterDb()
    const h = fileHash(db)
    const r = act(db, 'ana', ['swap', 'check', '--date', '2027-01-04', '--with', 'ben'])
    expect(r.code).toBe(1)
    expect(r.json.ok).toBe(false)
    expect(r.json.rules.find((x: any) => x.id === 'swap.ownership')).toEqual({ id: 'swap.ownership', ok: false, message: 'ana has no shift on 2027-01-04 to give away' })
    expect(r.errJson.error.code).toBe('swap.ownership')
    expect(fileHash(db)).toBe(h)
  })
})
