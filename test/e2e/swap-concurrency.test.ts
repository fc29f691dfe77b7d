// Eight `roster swap request` processes at once for one person: the monthly
// limit holds because each check runs in the IMMEDIATE transaction of its insert.

import { describe, expect, it } from 'vitest'
import { rosterAsync } from '../support/cli.js'
import { NOW, rosterDb, sql } from './swap-support.js'

// ana works C on 01-05, 01-09, 01-13, 01-17 (dev works B) and A on 01-07,
// 01-11, 01-15, 01-19 (ben works B): eight exchanges two days apart, each
// valid on its own.
const REQUESTS: [string, string][] = [
  ['2027-01-05', 'dev'], ['2027-01-07', 'ben'], ['2027-01-09', 'dev'], ['2027-01-11', 'ben'],
  ['2027-01-13', 'dev'], ['2027-01-15', 'ben'], ['2027-01-17', 'dev'], ['2027-01-19', 'ben'],
]

describe('swap request under concurrency', () => {
  it('lets at most swap.max-per-month (3) of 8 simultaneous requests through; the rest fail with swap.monthly-limit', async () => {
    const db = rosterDb()
    const results = await Promise.all(
      REQUESTS.map(([date, other]) => rosterAsync(['swap', 'request', '--date', date, '--with', other], { db, as: 'ana', now: NOW })),
    )
    const passed = results.filter((r) => r.code === 0)
    const failed = results.filter((r) => r.code !== 0)
    expect(passed, results.map((r) => `${r.code} ${r.err}`).join('\n')).toHaveLength(3)
    for (const r of failed) {
      expect(r.code, r.err).toBe(1)
      expect(r.err).toContain('swap.monthly-limit')
    }
    const stored = sql(db, (d) => d.prepare(`SELECT count(*) AS n FROM swap WHERE requester = 'ana' AND status = 'pending'`).get() as { n: number })
    expect(stored.n).toBe(3)
  })
})
