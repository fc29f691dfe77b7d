import { beforeAll, describe, expect, it } from 'vitest'
import { demoDb, roster, STACK_TRACE } from '../support/cli.js'
import { openTestDb } from '../support/test-db.js'

const NOW = '2027-01-20T10:00:00'
const PEOPLE = ['ana', 'ben', 'chen', 'dev']

/**
 * Monday 2027-01-04 to Sunday 2027-01-10, shift j on day i to PEOPLE[(i + j) % 4];
 * Friday 2027-01-08 a holiday; swaps in and around January.
 */
function seed(db: string): void {
  const raw = openTestDb(db)
  const ins = raw.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
  for (let i = 0; i < 7; i++) {
    const date = new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10)
    ;['A', 'B', 'C'].forEach((shift, j) => ins.run(date, shift, PEOPLE[(i + j) % 4]))
  }
  raw.prepare(`INSERT INTO holiday (date, name) VALUES ('2027-01-08', 'Founders Day')`).run()
  const swap = raw.prepare(`INSERT INTO swap (requester, counterpart, date, status, created_at, decided_by) VALUES (?, ?, ?, ?, '2027-01-01T00:00:00Z', ?)`)
  swap.run('ana', 'ben', '2027-01-12', 'pending', null)
  swap.run('chen', 'ana', '2027-01-15', 'approved', 'mei')
  swap.run('ana', 'dev', '2027-01-18', 'accepted', null)
  swap.run('ben', 'dev', '2027-01-20', 'rejected', 'mei') // not counted: rejected
  swap.run('ben', 'dev', '2027-02-02', 'pending', null) // another month
  swap.run('chen', 'dev', '2026-12-31', 'approved', 'mei') // another month
  raw.close()
}

describe('roster stats', () => {
  let db: string
  beforeAll(() => {
    db = demoDb({ now: NOW })
    seed(db)
  })

  it('--json counts shifts by type, weekend and holiday shifts and active swaps per person', () => {
    const r = roster(['stats', '--month', '2027-01'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json).toEqual({
      staff: [
        { id: 'ana', shifts: { A: 2, B: 1, C: 2 }, total: 5, weekend: 1, holiday: 1, swaps: 3 },
        { id: 'ben', shifts: { A: 2, B: 2, C: 1 }, total: 5, weekend: 1, holiday: 1, swaps: 1 },
        { id: 'chen', shifts: { A: 2, B: 2, C: 2 }, total: 6, weekend: 2, holiday: 1, swaps: 1 },
        { id: 'dev', shifts: { A: 1, B: 2, C: 2 }, total: 5, weekend: 2, holiday: 0, swaps: 1 },
      ],
    })
  })

  it('defaults to this month by the clock', () => {
    expect(roster(['stats'], { db, json: true, now: NOW }).json).toEqual(roster(['stats', '--month', '2027-01'], { db, json: true, now: NOW }).json)
    const feb = roster(['stats'], { db, json: true, now: '2027-02-10T09:00:00' }).json.staff
    expect(feb.map((s: any) => [s.id, s.total, s.swaps])).toEqual([['ana', 0, 0], ['ben', 0, 1], ['chen', 0, 0], ['dev', 0, 1]])
  })

  it('the text table shows swaps against the monthly limit and who is at it', () => {
    const r = roster(['stats', '--month', '2027-01'], { db, now: NOW })
    expect(r.code).toBe(0)
    const row = (id: string) => r.out.split('\n').find((l) => l.startsWith(`│ ${id} `))!.split('│').slice(1, -1).map((c) => c.trim())
    expect(row('ana')).toEqual(['ana', 'Ana Souza', '2', '1', '2', '5', '1', '1', '3/3'])
    expect(row('chen')).toEqual(['chen', 'Chen Jie 陈杰', '2', '2', '2', '6', '2', '1', '1/3'])
    expect(r.out).toContain('at the limit: ana.')
  })

  it('includes someone off the rotation only when they worked that month', () => {
    const other = demoDb({ now: NOW })
    const raw = openTestDb(other)
    raw.prepare(`INSERT INTO assignment (date, shift, staff) VALUES ('2027-01-09', 'A', 'mei')`).run()
    raw.close()
    const jan = roster(['stats', '--month', '2027-01'], { db: other, json: true, now: NOW }).json.staff
    expect(jan.map((s: any) => [s.id, s.total, s.weekend])).toEqual([['ana', 0, 0], ['ben', 0, 0], ['chen', 0, 0], ['dev', 0, 0], ['mei', 1, 1]])
    const feb = roster(['stats', '--month', '2027-02'], { db: other, json: true, now: NOW }).json.staff
    expect(feb.map((s: any) => s.id)).toEqual(['ana', 'ben', 'chen', 'dev'])
  })

  it.each(['2027-13', '2027-1', 'january'])('--month %s exits 2 without a stack trace', (month) => {
    const r = roster(['stats', '--month', month], { db, now: NOW })
    expect(r.code).toBe(2)
    expect(r.err).toContain(`--month "${month}" is not a month`)
    expect(r.err).not.toMatch(STACK_TRACE)
  })
})
