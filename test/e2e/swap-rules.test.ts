// Every swap rule through the built CLI: refused (exit 1, the rule id on
// stderr and as the --json error code, the database byte-identical) and a
// near miss that goes through.

import { describe, expect, it } from 'vitest'
import { ok, refused, rosterDb } from './swap-support.js'

// PATTERN (swap-support.ts), repeating every 4 days from Mon 2027-01-04:
//          01-04 01-05 01-06 01-07 | 01-08 01-09 01-10 01-11 | ...
//  ana       -     C     B     A   |   -     C     B     A
//  ben       A     -     C     B   |   A     -     C     B
//  chen      B     A     -     C   |   B     A     -     C
//  dev       C     B     A     -   |   C     B     A     -
const request = (date: string, other: string, payback?: string) => ['swap', 'request', '--date', date, '--with', other, ...(payback ? ['--payback', payback] : [])]

describe('swap.monthly-limit', () => {
  it('allows the third swap of a month and refuses the fourth', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    ok(db, 'ana', request('2027-01-07', 'ben'))
    ok(db, 'ana', request('2027-01-09', 'dev'))
    const r = refused(db, 'ana', request('2027-01-11', 'chen'), 1, 'swap.monthly-limit')
    expect(r.err).toContain('ana already takes part in 3 swaps in 2027-01')
  })

  it('counts the counterpart: the fourth swap chen would take part in is refused', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    ok(db, 'ben', request('2027-01-07', 'chen'))
    ok(db, 'dev', request('2027-01-09', 'chen'))
    expect(refused(db, 'ben', request('2027-01-11', 'chen'), 1, 'swap.monthly-limit').err).toContain('chen already takes part in 3 swaps')
  })

  it('follows swap.max-per-month, and a cancelled swap frees its place', () => {
    const db = rosterDb({ config: { 'swap.max-per-month': '2' } })
    ok(db, 'ana', request('2027-01-05', 'chen'))
    ok(db, 'ana', request('2027-01-07', 'ben'))
    refused(db, 'ana', request('2027-01-09', 'dev'), 1, 'swap.monthly-limit')
    ok(db, 'ana', ['swap', 'cancel', '2'])
    ok(db, 'ana', request('2027-01-09', 'dev'))
  })
})

describe('swap.consecutive', () => {
  it('refuses a swap the day after another, allows one two days after', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    refused(db, 'ana', request('2027-01-06', 'ben'), 1, 'swap.consecutive')
    ok(db, 'ana', request('2027-01-07', 'ben'))
  })

  it('applies to the counterpart too', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    // dev and chen trade on Mon 01-04: chen would swap on two days in a row.
    refused(db, 'dev', request('2027-01-04', 'chen'), 1, 'swap.consecutive')
  })
})

describe('swap.back-to-back', () => {
  it('refuses an exchange that leaves less than roster.min-rest-hours of rest', () => {
    // chen trades B for dev's C on Mon 01-04, then works A on Tue at 09:00: 11 h of rest, 12 required.
    const db = rosterDb({ config: { 'roster.min-rest-hours': '12' } })
    expect(refused(db, 'chen', request('2027-01-04', 'dev'), 1, 'swap.back-to-back').err).toContain('roster.min-rest')
  })

  it('allows that exchange with the default 11 h (near miss)', () => {
    ok(rosterDb(), 'chen', request('2027-01-04', 'dev'))
  })

  it('refuses a cover that makes someone work more days in a row than allowed', () => {
    // ben covers ana's Tue C; ana pays back ben's Fri A: ana would work 01-06..01-11 (6 days), ben 01-04..01-07 (4).
    const db = rosterDb({ config: { 'roster.max-consecutive-days': '3' } })
    expect(refused(db, 'ana', request('2027-01-05', 'ben', '2027-01-08'), 1, 'swap.back-to-back').err).toContain('roster.max-consecutive-days')
  })

  it('allows the same cover when 6 days in a row are allowed (near miss)', () => {
    ok(rosterDb(), 'ana', request('2027-01-05', 'ben', '2027-01-08'))
  })
})

describe('swap.holiday', () => {
  it('refuses a swap on a holiday, or paid back on one', () => {
    const db = rosterDb({ holidays: { '2027-01-05': 'Founders Day', '2027-01-08': 'Lantern Day' } })
    expect(refused(db, 'ana', request('2027-01-05', 'chen'), 1, 'swap.holiday').err).toContain('Founders Day')
    refused(db, 'ana', request('2027-01-09', 'ben', '2027-01-08'), 1, 'swap.holiday')
  })

  it('allows a swap two days after a holiday (near miss)', () => {
    ok(rosterDb({ holidays: { '2027-01-05': 'Founders Day' } }), 'ana', request('2027-01-07', 'ben'))
  })
})

describe('swap.leave', () => {
  it("refuses a swap on a day of the requester's pending leave; allows one on another day", () => {
    const db = rosterDb()
    ok(db, 'ana', ['leave', 'request', '--from', '2027-01-07', '--to', '2027-01-07'])
    refused(db, 'ana', request('2027-01-07', 'ben'), 1, 'swap.leave')
    ok(db, 'ana', request('2027-01-05', 'chen'))
  })

  it("refuses a swap over the counterpart's approved leave", () => {
    const db = rosterDb()
    ok(db, 'ben', ['leave', 'request', '--from', '2027-01-08', '--to', '2027-01-08'])
    ok(db, 'mei', ['leave', 'approve', '1'])
    refused(db, 'ana', request('2027-01-09', 'ben', '2027-01-08'), 1, 'swap.leave')
  })

  it('refuses leave over a day of an active swap; allows leave the day after (near miss)', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    refused(db, 'chen', ['leave', 'request', '--from', '2027-01-04', '--to', '2027-01-05'], 1, 'swap.leave')
    ok(db, 'chen', ['leave', 'request', '--from', '2027-01-06', '--to', '2027-01-06'])
  })
})

describe('swap.ownership', () => {
  it('refuses giving away a day one does not work', () => {
    const db = rosterDb()
    expect(refused(db, 'ana', request('2027-01-04', 'ben'), 1, 'swap.ownership').err).toContain('ana has no shift on 2027-01-04')
  })

  it('refuses a cover paid back on a day the requester already works; allows a free day (near miss)', () => {
    const db = rosterDb()
    refused(db, 'ana', request('2027-01-05', 'ben', '2027-01-06'), 1, 'swap.ownership')
    ok(db, 'ana', request('2027-01-05', 'ben', '2027-01-08'))
  })

  it('refuses a payback date on a same-day exchange', () => {
    refused(rosterDb(), 'ana', request('2027-01-05', 'chen', '2027-01-08'), 1, 'swap.ownership')
  })
})

describe('swap.past', () => {
  const now = '2027-01-06T12:00:00'
  it('refuses yesterday, allows today (near miss)', () => {
    const db = rosterDb()
    refused(db, 'ana', request('2027-01-05', 'chen'), 1, 'swap.past', now)
    ok(db, 'ana', request('2027-01-06', 'ben'), now)
  })

  it('refuses accepting a swap whose date has passed since the request', () => {
    const db = rosterDb()
    ok(db, 'ana', request('2027-01-05', 'chen'))
    refused(db, 'chen', ['swap', 'accept', '1'], 1, 'swap.past', now)
  })
})
