// roster swap undo: a reversal asked for by a party, accepted by the other,
// approved by a lead, through the built CLI.

import { describe, expect, it } from 'vitest'
import { roster, rosterAsync } from '../support/cli.js'
import { act, approvedSwap, ok, refused, rosterDb, shiftOf, sql, swapRequest } from './swap-support.js'

// PATTERN (swap-support.ts), January 2027:
//           Mon04 Tue05 Wed06 Thu07 Fri08 Sat09 Sun10 Mon11
//  ana       -     C     B     A     -     C     B     A
//  ben       A     -     C     B     A     -     C     B
//  chen      B     A     -     C     B     A     -     C
//  dev       C     B     A     -     C     B     A     -

function allAssignments(db: string): string[] {
  return sql(db, (d) => (d.prepare('SELECT date, shift, staff FROM assignment ORDER BY date, shift, staff').all() as { date: string; shift: string; staff: string }[]).map((a) => `${a.date} ${a.shift} ${a.staff}`))
}

describe('swap undo: the whole flow', () => {
  it('undo -> accept -> approve restores the roster exactly, marks the swap undone and frees the monthly limit', () => {
    const db = rosterDb()
    approvedSwap(db, 'ana', '2027-01-05', 'chen')
    approvedSwap(db, 'ana', '2027-01-09', 'dev')
    const before = allAssignments(db)
    const second = approvedSwap(db, 'ana', '2027-01-07', 'ben')
    expect([shiftOf(db, 'ana', '2027-01-07'), shiftOf(db, 'ben', '2027-01-07')]).toEqual(['B', 'A'])
    // Three swaps in January: a fourth is refused.
    refused(db, 'ana', swapRequest('2027-01-11', 'chen'), 1, 'swap.monthly-limit')

    const undo = ok(db, 'ben', ['swap', 'undo', String(second), '--reason', 'ana is back'])
    expect(undo.swap).toMatchObject({ status: 'pending', requester: 'ben', counterpart: 'ana', date: '2027-01-07', payback: null, undoes: second, reason: 'ana is back' })
    const rid = String(undo.swap.id)
    // Opening the undo changes nothing in the roster yet.
    expect(shiftOf(db, 'ana', '2027-01-07')).toBe('B')
    expect(ok(db, 'ana', ['swap', 'accept', rid]).swap.status).toBe('accepted')
    const approved = ok(db, 'mei', ['swap', 'approve', rid])
    expect(approved.swap).toMatchObject({ status: 'approved', undoes: second, decidedBy: 'mei' })
    expect(allAssignments(db)).toEqual(before)

    const list = ok(db, undefined, ['swap', 'list']).swaps
    expect(list.find((s: any) => s.id === second)).toMatchObject({ status: 'undone', undoes: null, decidedBy: 'mei' })
    expect(list.find((s: any) => s.id === Number(rid))).toMatchObject({ status: 'approved', undoes: second })
    expect(ok(db, undefined, ['swap', 'list', '--status', 'undone']).swaps.map((s: any) => s.id)).toEqual([second])

    // Neither the undone swap nor its reversal counts: the fourth swap of the month now passes.
    ok(db, 'ana', swapRequest('2027-01-11', 'chen'))
    const stats = ok(db, undefined, ['stats', '--month', '2027-01']).staff
    expect(stats.find((s: any) => s.id === 'ben').swaps).toBe(0)

    const log = ok(db, undefined, ['log']).entries.filter((e: any) => e.action.startsWith('swap.'))
    expect(log.slice(-5, -1).map((e: any) => [e.actor, e.action, e.subject])).toEqual([
      ['ben', 'swap.undo', `swap #${rid}`], ['ana', 'swap.accept', `swap #${rid}`], ['mei', 'swap.undone', `swap #${second}`], ['mei', 'swap.approve', `swap #${rid}`],
    ])
  })

  it('undoes a cover with payback: both D1 and D2 as before', () => {
    const db = rosterDb()
    const before = allAssignments(db)
    // ben is off on Tue 01-05 and takes ana's C; ana is off on Fri 01-08 and takes ben's A.
    const id = approvedSwap(db, 'ana', '2027-01-05', 'ben', '2027-01-08')
    expect([shiftOf(db, 'ben', '2027-01-05'), shiftOf(db, 'ana', '2027-01-08')]).toEqual(['C', 'A'])
    const rid = String(ok(db, 'ana', ['swap', 'undo', String(id)]).swap.id)
    ok(db, 'ben', ['swap', 'accept', rid])
    ok(db, 'mei', ['swap', 'approve', rid])
    expect(allAssignments(db)).toEqual(before)
    expect(ok(db, undefined, ['swap', 'list']).swaps.find((s: any) => s.id === id).status).toBe('undone')
    // The ledger counts approved swaps in the roster, neither the undone cover nor its reversal, and lists the undone one apart.
    const ledger = ok(db, undefined, ['swap', 'ledger'])
    expect(ledger.swaps).toEqual([])
    expect(ledger.owed).toEqual([])
    expect(ledger.undone).toEqual([{ id, requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-08', kind: 'cover', undoneBy: Number(rid) }])
    const text = roster(['swap', 'ledger'], { db, now: '2027-01-01T12:00:00' }).out
    expect(text).toContain('No approved swaps.')
    expect(text).toContain('Undone swaps (no longer in the roster, counted nowhere):')
    expect(text).toMatch(new RegExp(`${id}[\\s│]+ana – ben[\\s│]+2027-01-05[\\s│]+2027-01-08[\\s│]+#${rid}`))
  })

  it('shows the reversal in swap list and swap form, in English and Chinese', () => {
    const db = rosterDb()
    const id = approvedSwap(db, 'ana', '2027-01-05', 'chen')
    ok(db, 'chen', ['swap', 'undo', String(id)])
    const text = roster(['swap', 'list'], { db, now: '2027-01-01T12:00:00', env: { COLUMNS: '200' } }).out
    expect(text).toMatch(/pending \(undoes #1\)/)
    const zh = roster(['swap', 'list', '--lang', 'zh-CN'], { db, now: '2027-01-01T12:00:00', env: { COLUMNS: '200' } }).out
    expect(zh).toContain('撤销 #1')
    const form = ok(db, undefined, ['swap', 'form', '2'])
    expect(form.swap.undoes).toBe(1)
    // The form lists the shifts the undo gives back: ana works C again, chen A.
    expect(form.lines.map((l: any) => [l.date, l.shift, l.works])).toEqual([['2027-01-05', 'A', 'chen'], ['2027-01-05', 'C', 'ana']])
    const html = roster(['swap', 'form', '2'], { db, now: '2027-01-01T12:00:00' }).out
    expect(html).toContain('撤销换班 #1 Undo of swap #1 (当日换班 Exchange on the same day)')
    expect(roster(['swap', 'form', '1'], { db, now: '2027-01-01T12:00:00' }).out).not.toContain('Undo of swap')
    const plain = roster(['swap', 'undo', '1'], { db, as: 'ana', now: '2027-01-01T12:00:00' })
    expect(plain.code).toBe(1)
    expect(plain.err).toContain('already has an undo in progress (#2)')
  })
})

describe('swap undo: who may take which step', () => {
  it('only a party undoes, only the other party accepts, only a lead who takes no part approves', () => {
    const db = rosterDb()
    const id = String(approvedSwap(db, 'ana', '2027-01-05', 'chen'))
    refused(db, 'dev', ['swap', 'undo', id], 1, 'swap.approver')
    refused(db, 'mei', ['swap', 'undo', id], 1, 'swap.approver')
    const rid = String(ok(db, 'ana', ['swap', 'undo', id]).swap.id)
    refused(db, 'ana', ['swap', 'accept', rid], 1, 'swap.approver')
    refused(db, 'dev', ['swap', 'accept', rid], 1, 'swap.approver')
    refused(db, 'mei', ['swap', 'approve', rid], 1, 'swap.state')
    ok(db, 'chen', ['swap', 'accept', rid])
    refused(db, 'chen', ['swap', 'approve', rid], 1, 'swap.approver')
    refused(db, 'ana', ['swap', 'approve', rid], 1, 'swap.approver')
    refused(db, 'dev', ['swap', 'approve', rid], 1, 'swap.approver')
    ok(db, 'mei', ['swap', 'approve', rid])
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
  })

  it('a declined, cancelled or rejected undo leaves the swap approved, and it may be asked for again', () => {
    const db = rosterDb()
    const id = String(approvedSwap(db, 'ana', '2027-01-05', 'chen'))
    const r1 = String(ok(db, 'ana', ['swap', 'undo', id]).swap.id)
    expect(ok(db, 'chen', ['swap', 'decline', r1]).swap.status).toBe('declined')
    const r2 = String(ok(db, 'chen', ['swap', 'undo', id]).swap.id)
    expect(ok(db, 'chen', ['swap', 'cancel', r2]).swap.status).toBe('cancelled')
    const r3 = String(ok(db, 'chen', ['swap', 'undo', id]).swap.id)
    expect(ok(db, 'mei', ['swap', 'reject', r3]).swap.status).toBe('rejected')
    expect(ok(db, undefined, ['swap', 'list']).swaps.find((s: any) => s.id === Number(id)).status).toBe('approved')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('A')
    ok(db, 'ana', ['swap', 'undo', id])
  })
})

describe('swap undo: refusals', () => {
  it('refuses to undo a pending, accepted, undone swap or a reversal (swap.state), with nothing written', () => {
    const db = rosterDb()
    const pending = String(ok(db, 'ana', swapRequest('2027-01-05', 'chen')).swap.id)
    refused(db, 'ana', ['swap', 'undo', pending], 1, 'swap.state')
    ok(db, 'chen', ['swap', 'accept', pending])
    refused(db, 'chen', ['swap', 'undo', pending], 1, 'swap.state')
    ok(db, 'mei', ['swap', 'approve', pending])
    const rid = String(ok(db, 'ana', ['swap', 'undo', pending]).swap.id)
    ok(db, 'chen', ['swap', 'accept', rid])
    ok(db, 'mei', ['swap', 'approve', rid])
    const again = refused(db, 'ana', ['swap', 'undo', pending], 1, 'swap.state')
    expect(again.err).toContain('undone')
    const ofReversal = refused(db, 'ana', ['swap', 'undo', rid], 1, 'swap.state')
    expect(ofReversal.err).toContain(`is itself the undoing of swap #${pending}`)
  })

  it('bad and unknown ids exit 2 with nothing written', () => {
    const db = rosterDb()
    approvedSwap(db, 'ana', '2027-01-05', 'chen')
    for (const bad of ['x', '0', '-1', '1.5', '', ' ', '99999999999999999999']) refused(db, 'ana', ['swap', 'undo', bad], 2)
    expect(refused(db, 'ana', ['swap', 'undo', '42'], 2).err).toContain('There is no swap #42')
    refused(db, 'ana', ['swap', 'undo'], 2)
    refused(db, 'ana', ['swap', 'undo', '1', '--reason', 'x'.repeat(501)], 2)
  })

  it('re-checks the roster on approval: refused with the rule id when the roster changed so undoing is impossible', () => {
    const db = rosterDb()
    const id = String(approvedSwap(db, 'ana', '2027-01-05', 'chen'))
    const rid = String(ok(db, 'chen', ['swap', 'undo', id]).swap.id)
    ok(db, 'ana', ['swap', 'accept', rid])
    // The lead gives chen's C on 01-05 (which the swap gave him) to ben: chen has nothing to give back.
    ok(db, 'mei', ['assign', '2027-01-05', 'C', 'ben', '--replace', 'chen'])
    refused(db, 'mei', ['swap', 'approve', rid], 1, 'swap.ownership')
    refused(db, 'chen', ['swap', 'undo', id], 1, 'swap.state')
    expect(act(db, undefined, ['swap', 'list']).json.swaps.find((s: any) => s.id === Number(id)).status).toBe('approved')
  })

  it('refuses undoing a swap whose dates are past (swap.past)', () => {
    const db = rosterDb()
    const id = String(approvedSwap(db, 'ana', '2027-01-05', 'chen'))
    refused(db, 'ana', ['swap', 'undo', id], 1, 'swap.past', '2027-01-06T08:00:00')
  })
})

describe('swap undo: racing processes', () => {
  it('both parties asking at once open exactly one undo', async () => {
    const db = rosterDb()
    const id = String(approvedSwap(db, 'ana', '2027-01-05', 'chen'))
    const runs = await Promise.all(['ana', 'chen', 'ana', 'chen'].map((who) => rosterAsync(['swap', 'undo', id], { db, as: who, json: true, now: '2027-01-01T12:00:00' })))
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1, 1, 1])
    for (const r of runs.filter((x) => x.code === 1)) expect(r.err).toContain('already has an undo in progress')
    expect(ok(db, undefined, ['swap', 'list']).swaps.filter((s: any) => s.undoes === Number(id))).toHaveLength(1)
  })
})
