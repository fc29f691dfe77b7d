// roster staff remove: a person who leaves the team takes their open swaps and
// leave requests with them, so nobody's limit still counts them.

import { describe, expect, it } from 'vitest'
import { roster } from '../support/cli.js'
import { ok, refused, rosterDb, shiftOf } from './swap-support.js'

const request = (date: string, other: string) => ['swap', 'request', '--date', date, '--with', other]

describe('staff remove and open requests', () => {
  it("cancels the person's pending and accepted swaps, freeing their partner's monthly limit", () => {
    const db = rosterDb({ config: { 'swap.max-per-month': '2' } })
    const pending = ok(db, 'ana', request('2027-01-05', 'chen')).swap.id
    const accepted = ok(db, 'ben', request('2027-01-07', 'ana')).swap.id
    ok(db, 'ana', ['swap', 'accept', String(accepted)])
    ok(db, 'ben', request('2027-01-11', 'chen'))
    // chen takes part in two swaps in January: a third is refused.
    refused(db, 'dev', request('2027-01-09', 'chen'), 1, 'swap.monthly-limit')

    const r = ok(db, 'mei', ['staff', 'remove', 'ana'])
    expect(r.cancelledSwaps).toEqual([pending, accepted])
    const swaps = ok(db, undefined, ['swap', 'list']).swaps
    expect(swaps.filter((s: any) => s.status === 'cancelled').map((s: any) => [s.id, s.decidedBy, s.decisionReason])).toEqual([
      [pending, 'mei', 'ana left the team'], [accepted, 'mei', 'ana left the team'],
    ])
    expect(swaps.find((s: any) => s.id === 3).status).toBe('pending')
    // ana's place in chen's count is gone.
    ok(db, 'dev', request('2027-01-09', 'chen'))
    const stats = ok(db, undefined, ['stats', '--month', '2027-01']).staff
    expect(stats.find((s: any) => s.id === 'chen').swaps).toBe(2)

    const log = ok(db, undefined, ['log']).entries.map((e: any) => [e.actor, e.action, e.subject])
    expect(log).toEqual(expect.arrayContaining([['mei', 'swap.cancel', `swap #${pending}`], ['mei', 'swap.cancel', `swap #${accepted}`], ['mei', 'staff.remove', 'ana']]))
  })

  it('rejects pending leave requests and leaves approved leave and approved swaps as they are', () => {
    const db = rosterDb()
    const approvedSwap = ok(db, 'ana', request('2027-01-05', 'chen')).swap.id
    ok(db, 'chen', ['swap', 'accept', String(approvedSwap)])
    ok(db, 'mei', ['swap', 'approve', String(approvedSwap)])
    const pendingLeave = ok(db, 'ana', ['leave', 'request', '--from', '2027-01-12', '--to', '2027-01-13']).leave.id
    const approvedLeave = ok(db, 'ana', ['leave', 'request', '--from', '2027-01-16', '--to', '2027-01-16']).leave.id
    ok(db, 'mei', ['leave', 'approve', String(approvedLeave)])

    const text = roster(['staff', 'remove', 'ana'], { db, as: 'mei', now: '2027-01-01T12:00:00' })
    expect(text.code).toBe(0)
    expect(text.out).toContain(`Rejected their pending leave request #${pendingLeave}: they count towards nobody's limit.`)
    const leaves = ok(db, undefined, ['leave', 'list']).leaves
    expect(leaves.map((l: any) => [l.id, l.status])).toEqual([[pendingLeave, 'rejected'], [approvedLeave, 'approved']])
    expect(ok(db, undefined, ['swap', 'list']).swaps[0].status).toBe('approved')
    const log = ok(db, undefined, ['log']).entries.filter((e: any) => e.action === 'leave.reject')
    expect(log.map((e: any) => [e.actor, e.subject, e.after.why])).toEqual([['mei', `leave #${pendingLeave}`, 'staff.remove']])
  })

  it('says it in Chinese', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    ok(db, 'ana', ['leave', 'request', '--from', '2027-01-12', '--to', '2027-01-12'])
    const r = roster(['staff', 'remove', 'ana', '--lang', 'zh-CN'], { db, as: 'mei', now: '2027-01-01T12:00:00' })
    expect(r.out).toContain('已撤回其进行中的换班 #1；已驳回其待审批的请假 #1：不再计入任何人的次数限制。')
  })

  it('a refused removal cancels nothing', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    ok(db, 'ana', ['leave', 'request', '--from', '2027-01-12', '--to', '2027-01-12'])
    refused(db, 'ben', ['staff', 'remove', 'ana'], 1, 'permission')
    refused(db, 'mei', ['staff', 'remove', 'nobody'], 2)
    refused(db, 'mei', ['staff', 'remove', 'mei'], 1)
    expect(ok(db, undefined, ['swap', 'list']).swaps[0].status).toBe('pending')
    expect(shiftOf(db, 'ana', '2027-01-05')).toBe('C')
  })
})
