// roster swap ledger: who swapped with whom, and which paybacks are still owed,
// on a hand-made month of swaps with the clock frozen at chosen moments.

import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { roster, STACK_TRACE } from '../support/cli.js'
import { ok, rosterDb, sql } from './swap-support.js'

// PATTERN (swap-support.ts), every 4 days from Mon 2027-01-04:
//          day0 day1 day2 day3     day0 = 01-04 01-08 01-12 01-16 01-20
//  ana      -    C    B    A       day1 = 01-05 01-09 01-13 01-17 01-21
//  ben      A    -    C    B       day2 = 01-06 01-10 01-14 01-18 01-22
//  chen     B    A    -    C       day3 = 01-07 01-11 01-15 01-19 01-23
//  dev      C    B    A    -
//
// The swaps, all requested, accepted and approved at NOW (2027-01-01):
//  #1 cover     ana -> ben   ben covers ana's C on 01-05; ana pays back with ben's A on Fri 01-08 (09:00-17:00)
//  #2 exchange  chen <-> dev trade B and C on 01-12
//  #3 cover     ben -> dev   dev covers ben's B on 01-15; ben pays back with dev's B on Sun 01-17 (12:00-20:00)
//  #4 cover     ben -> ana   ana covers ben's A on 01-20; ben pays back with ana's C on Thu 01-21 (20:00-22:00)
//  #5 pending   chen -> dev  (not approved: not in the ledger)
//  #6 rejected  ana -> dev   (inserted by hand: not in the ledger)

function swap(db: string, requester: string, counterpart: string, date: string, payback?: string): number {
  const args = ['swap', 'request', '--date', date, '--with', counterpart, ...(payback ? ['--payback', payback] : [])]
  return ok(db, requester, args).swap.id
}

function approvedSwap(db: string, requester: string, counterpart: string, date: string, payback?: string): number {
  const id = swap(db, requester, counterpart, date, payback)
  ok(db, counterpart, ['swap', 'accept', String(id)])
  ok(db, 'mei', ['swap', 'approve', String(id)])
  return id
}

let db: string

beforeAll(() => {
  db = rosterDb()
  expect(approvedSwap(db, 'ana', 'ben', '2027-01-05', '2027-01-08')).toBe(1)
  expect(approvedSwap(db, 'chen', 'dev', '2027-01-12')).toBe(2)
  expect(approvedSwap(db, 'ben', 'dev', '2027-01-15', '2027-01-17')).toBe(3)
  expect(approvedSwap(db, 'ben', 'ana', '2027-01-20', '2027-01-21')).toBe(4)
  expect(swap(db, 'chen', 'dev', '2027-01-23', '2027-01-22')).toBe(5)
  sql(db, (d) => d.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, created_at, decided_by) VALUES ('ana', 'dev', '2027-01-09', NULL, 'rejected', '2027-01-01T00:00:00Z', 'mei')`).run())
})

function ledger(args: string[], now: string): any {
  const r = roster(['swap', 'ledger', ...args], { db, json: true, now })
  expect(r.code, r.err).toBe(0)
  return r.json
}

describe('roster swap ledger', () => {
  it('--json: the approved swaps, the count per pair with who asked, and the paybacks owed at the start of the month', () => {
    expect(ledger([], '2027-01-01T12:00:00')).toEqual({
      asOf: '2027-01-01T12:00',
      month: null,
      staff: null,
      swaps: [
        { id: 1, requester: 'ana', counterpart: 'ben', date: '2027-01-05', payback: '2027-01-08', kind: 'cover', paybackShift: 'A', owed: true },
        { id: 2, requester: 'chen', counterpart: 'dev', date: '2027-01-12', payback: null, kind: 'exchange', paybackShift: null, owed: false },
        { id: 3, requester: 'ben', counterpart: 'dev', date: '2027-01-15', payback: '2027-01-17', kind: 'cover', paybackShift: 'B', owed: true },
        { id: 4, requester: 'ben', counterpart: 'ana', date: '2027-01-20', payback: '2027-01-21', kind: 'cover', paybackShift: 'C', owed: true },
      ],
      pairs: [
        { staff: ['ana', 'ben'], swaps: 2, requested: [1, 1], exchanges: 0, covers: 2, owed: 2 },
        { staff: ['ben', 'dev'], swaps: 1, requested: [1, 0], exchanges: 0, covers: 1, owed: 1 },
        { staff: ['chen', 'dev'], swaps: 1, requested: [1, 0], exchanges: 1, covers: 0, owed: 0 },
      ],
      owed: [
        { swap: 1, debtor: 'ana', creditor: 'ben', date: '2027-01-05', payback: '2027-01-08', shift: 'A', due: '2027-01-08T17:00' },
        { swap: 3, debtor: 'ben', creditor: 'dev', date: '2027-01-15', payback: '2027-01-17', shift: 'B', due: '2027-01-17T20:00' },
        { swap: 4, debtor: 'ben', creditor: 'ana', date: '2027-01-20', payback: '2027-01-21', shift: 'C', due: '2027-01-21T22:00' },
      ],
      undone: [],
    })
  })

  it('a payback is owed until its shift ends, by the clock', () => {
    const owedAt = (now: string) => ledger([], now).owed.map((o: any) => o.swap)
    expect(owedAt('2027-01-08T16:59:00')).toEqual([1, 3, 4])
    expect(owedAt('2027-01-08T17:00:00')).toEqual([3, 4])
    expect(owedAt('2027-01-18T09:00:00')).toEqual([4])
    expect(owedAt('2027-01-21T21:59:00')).toEqual([4])
    expect(owedAt('2027-01-22T08:00:00')).toEqual([])
    expect(ledger([], '2027-01-22T08:00:00').pairs.map((p: any) => p.owed)).toEqual([0, 0, 0])
  })

  it('--staff keeps the swaps that person takes part in; --month those with a swap or payback date in it', () => {
    const dev = ledger(['--staff', 'dev'], '2027-01-01T12:00:00')
    expect(dev.staff).toBe('dev')
    expect(dev.swaps.map((s: any) => s.id)).toEqual([2, 3])
    expect(dev.pairs.map((p: any) => p.staff)).toEqual([['ben', 'dev'], ['chen', 'dev']])
    expect(ledger(['--month', '2027-01'], '2027-01-01T12:00:00').swaps).toHaveLength(4)
    expect(ledger(['--month', '2027-02'], '2027-01-01T12:00:00')).toMatchObject({ month: '2027-02', swaps: [], pairs: [], owed: [] })
  })

  it('prints the pairs and the owed paybacks as tables', () => {
    const r = roster(['swap', 'ledger'], { db, now: '2027-01-18T09:00:00' })
    expect(r.code).toBe(0)
    expect(r.out).toContain('Swap ledger: 4 approved swaps.')
    expect(r.out).toContain('Who swapped with whom:')
    const pair = r.out.split('\n').find((l) => l.startsWith('│ ana – ben'))!.split('│').slice(1, -1).map((c) => c.trim())
    expect(pair).toEqual(['ana – ben', '2', 'ana 1, ben 1', '0', '2', '1'])
    expect(r.out).toContain('Paybacks still owed (as of 2027-01-18 09:00):')
    const owed = r.out.split('\n').find((l) => l.startsWith('│ 4 '))!.split('│').slice(1, -1).map((c) => c.trim())
    expect(owed).toEqual(['4', 'ben', 'ana', '2027-01-20', '2027-01-21', 'C', '2027-01-21 22:00'])
  })

  it('--format csv: one row per approved swap, owed as in --json', () => {
    const r = roster(['swap', 'ledger', '--format', 'csv'], { db, now: '2027-01-08T17:00:00' })
    expect(r.code, r.err).toBe(0)
    expect(parse(r.out, { columns: true })).toEqual([
      { swap: '1', date: '2027-01-05', requester: 'ana', counterpart: 'ben', kind: 'cover', payback: '2027-01-08', payback_shift: 'A', owed: 'false', due: '' },
      { swap: '2', date: '2027-01-12', requester: 'chen', counterpart: 'dev', kind: 'exchange', payback: '', payback_shift: '', owed: 'false', due: '' },
      { swap: '3', date: '2027-01-15', requester: 'ben', counterpart: 'dev', kind: 'cover', payback: '2027-01-17', payback_shift: 'B', owed: 'true', due: '2027-01-17T20:00' },
      { swap: '4', date: '2027-01-20', requester: 'ben', counterpart: 'ana', kind: 'cover', payback: '2027-01-21', payback_shift: 'C', owed: 'true', due: '2027-01-21T22:00' },
    ])
  })

  it('--format md under --lang zh-CN: Chinese headings, the same ids and dates', () => {
    const r = roster(['swap', 'ledger', '--format', 'md', '--lang', 'zh-CN'], { db, now: '2027-01-01T12:00:00' })
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('## 换班台账')
    expect(r.out).toContain('| 双方 | 换班次数 | 申请人 | 当日对换 | 代班 | 待还班 |')
    expect(r.out).toContain('| ana – ben | 2 | ana 1 次，ben 1 次 | 0 | 2 | 2 |')
    expect(r.out).toContain('| 1 | ana | ben | 2027-01-05 | 2027-01-08 | A | 2027-01-08 17:00 |')
  })

  it('refuses a bad month or an unknown person with exit 2 and one sentence', () => {
    for (const args of [['--month', '2027-13'], ['--staff', 'nobody'], ['--format', 'pdf']]) {
      const r = roster(['swap', 'ledger', ...args], { db, now: '2027-01-01T12:00:00' })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
  })
})
