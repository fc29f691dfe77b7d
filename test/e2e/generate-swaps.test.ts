// generate --replace keeps approved swaps: they are promises to two people.

import { describe, expect, it } from 'vitest'
import { fileHash, roster } from '../support/cli.js'
import { approvedSwap, ok, refused, rosterDb, shiftOf, swapRequest } from './swap-support.js'

// PATTERN (swap-support.ts), from Mon 2027-01-04: on Tue 01-05 ana C, chen A, dev B, ben off;
// on Mon 01-11 ana A, ben B, chen C, dev off; on Thu 01-14 ana B, ben C, dev A, chen off.

const day = (db: string, date: string, people: string[]) => people.map((p) => shiftOf(db, p, date))

describe('generate --replace and approved swaps', () => {
  it('keeps an approved exchange and an approved cover with payback as the swaps made them, with no rule broken', () => {
    const db = rosterDb()
    const exchange = approvedSwap(db, 'ana', '2027-01-05', 'chen')
    // dev is off on Mon 01-11 and covers chen's C; chen is off on Thu 01-14 and works dev's A.
    const cover = approvedSwap(db, 'chen', '2027-01-11', 'dev', '2027-01-14')
    const d1 = day(db, '2027-01-05', ['ana', 'chen'])
    const coverDays = [...day(db, '2027-01-11', ['chen', 'dev']), ...day(db, '2027-01-14', ['chen', 'dev'])]
    expect(d1).toEqual(['A', 'C'])
    expect(coverDays).toEqual([null, 'C', 'A', null])
    for (const seed of ['3', '11']) {
      const g = ok(db, 'mei', ['generate', '--start', '2027-01-04', '--weeks', '3', '--replace', '--seed', seed])
      expect(g.keptSwaps).toEqual([exchange, cover])
      expect(day(db, '2027-01-05', ['ana', 'chen'])).toEqual(d1)
      expect([...day(db, '2027-01-11', ['chen', 'dev']), ...day(db, '2027-01-14', ['chen', 'dev'])]).toEqual(coverDays)
      const check = roster(['check', '--from', '2027-01-04', '--to', '2027-01-24'], { db, json: true, now: '2027-01-01T12:00:00' })
      expect(check.json.violations).toEqual([])
    }
    const text = roster(['generate', '--start', '2027-01-04', '--weeks', '3', '--replace'], { db, as: 'mei', now: '2027-01-01T12:00:00' })
    expect(text.out).toContain(`Approved swaps #${exchange}, #${cover} kept as they were`)
    const log = ok(db, undefined, ['log']).entries.filter((e: any) => e.action === 'roster.generate')
    expect(log[log.length - 1].after.keptSwaps).toEqual([exchange, cover])
  })

  it('does not hold swaps that are not approved or were undone', () => {
    const db = rosterDb()
    const undone = approvedSwap(db, 'ana', '2027-01-05', 'chen')
    const rid = String(ok(db, 'chen', ['swap', 'undo', String(undone)]).swap.id)
    ok(db, 'ana', ['swap', 'accept', rid])
    ok(db, 'mei', ['swap', 'approve', rid])
    ok(db, 'ana', swapRequest('2027-01-09', 'dev'))
    expect(ok(db, 'mei', ['generate', '--start', '2027-01-04', '--weeks', '3', '--replace']).keptSwaps).toEqual([])
  })

  it('refuses, naming the swap, when a rule makes keeping it impossible, and changes nothing', () => {
    const db = rosterDb()
    const id = approvedSwap(db, 'ana', '2027-01-05', 'chen')
    // The lead stops staffing C; the swap gave chen C on 01-05.
    ok(db, 'mei', ['shift', 'add', 'C', '--start', '20:00', '--end', '22:00', '--remote', '--headcount', '0'])
    const before = fileHash(db)
    const r = refused(db, 'mei', ['generate', '--start', '2027-01-04', '--weeks', '3', '--replace'], 1, 'roster.coverage')
    expect(r.err).toContain(`approved swap #${id} must stay in the roster`)
    expect(fileHash(db)).toBe(before)
    const zh = roster(['generate', '--start', '2027-01-04', '--weeks', '3', '--replace', '--lang', 'zh-CN'], { db, as: 'mei', now: '2027-01-01T12:00:00' })
    expect(zh.code).toBe(1)
    expect(zh.err).toContain(`已批准的换班 #${id} 必须保留`)
  })
})
