import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster, STACK_TRACE, insertAssignments as insert } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z'

describe('roster assign', () => {
  it('a lead puts someone on a shift, and it is audited', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['assign', '2027-01-04', 'A', 'ana'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json.assignment).toEqual({ date: '2027-01-04', shift: 'A', staff: 'ana' })
    const shown = roster(['show', '--from', '2027-01-04', '--to', '2027-01-04'], { db, json: true, now: NOW })
    if (shown.code === 0) expect(shown.json.assignments.map((a: any) => a.staff)).toEqual(['ana'])
    const log = roster(['log'], { db, json: true, now: NOW }).json.entries
    expect(log.at(-1)).toMatchObject({ actor: 'mei', action: 'roster.assign', subject: '2027-01-04 A', after: { staff: 'ana' } })
  })

  it('--replace hands a shift over from one person to another', () => {
    const db = demoDb({ now: NOW })
    insert(db, [['2027-01-04', 'B', 'ben']])
    const r = roster(['assign', '2027-01-04', 'B', 'chen', '--replace', 'ben'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json.replaced).toBe('ben')
  })

  it('refuses a seventh day in a row (roster.max-consecutive-days) and writes nothing', () => {
    const db = demoDb({ now: NOW })
    insert(db, ['04', '05', '06', '07', '08', '09'].map((d) => [`2027-01-${d}`, 'A', 'ana'] as [string, string, string]))
    const h = fileHash(db)
    const r = roster(['assign', '2027-01-10', 'A', 'ana'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('roster.max-consecutive-days')
    expect(fileHash(db)).toBe(h)
    // Near miss: a day later, after a day off, is fine.
    expect(roster(['assign', '2027-01-11', 'A', 'ana'], { db, as: 'mei', now: NOW }).code).toBe(0)
  })

  it('refuses a second shift on one day (roster.one-shift-per-day)', () => {
    const db = demoDb({ now: NOW })
    insert(db, [['2027-01-04', 'C', 'ana']])
    const r = roster(['assign', '2027-01-04', 'A', 'ana'], { db, as: 'mei', now: NOW })
    expect(r.code).toBe(1)
    expect(r.err).toContain('roster.one-shift-per-day')
  })

  it('refuses too little rest (roster.min-rest)', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['shift', 'add', 'E', '--start', '06:00', '--end', '12:00'], { db, as: 'mei', now: NOW }).code).toBe(0)
    insert(db, [['2027-01-04', 'C', 'ana']])
    const r = roster(['assign', '2027-01-05', 'E', 'ana'], { db, as: 'mei', now: NOW })
    expect(r.code).toBe(1)
    expect(r.err).toContain('roster.min-rest')
  })

  it('refuses agents, unknown people, shifts and dates', () => {
    const db = demoDb({ now: NOW })
    const h = fileHash(db)
    expect(roster(['assign', '2027-01-04', 'A', 'ana'], { db, as: 'ben', now: NOW }).code).toBe(1)
    for (const args of [
      ['assign', '2027-01-04', 'A', 'ghost'],
      ['assign', '2027-01-04', 'Z', 'ana'],
      ['assign', '2027-02-30', 'A', 'ana'],
      ['assign', '2027-01-04', 'A', 'ana', '--replace', 'ghost'],
    ]) {
      const r = roster(args, { db, as: 'mei', now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
  })
})
