import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster, STACK_TRACE, tempDir } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z' // a Friday: next Monday is 2027-01-04

function byStaff(assignments: any[]): Map<string, any[]> {
  const m = new Map<string, any[]>()
  for (const a of assignments) m.set(a.staff, [...(m.get(a.staff) ?? []), a])
  return m
}

describe('roster generate', () => {
  it('draws up three weeks from next Monday for the demo team: covered, within the rules, fair', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.from).toBe('2027-01-04')
    expect(r.json.to).toBe('2027-01-24')
    expect(r.json.assignments).toHaveLength(63)
    const shown = roster(['show', '--from', '2027-01-04', '--to', '2027-01-24'], { db, json: true, now: NOW })
    expect(shown.json.assignments).toHaveLength(63)
    const check = roster(['check', '--from', '2027-01-04', '--to', '2027-01-24'], { db, json: true, now: NOW })
    expect(check.json.violations).toEqual([])
    for (const [, list] of byStaff(r.json.assignments)) {
      expect(list.length).toBeGreaterThanOrEqual(15)
      expect(list.length).toBeLessThanOrEqual(16)
    }
    for (const code of ['A', 'B', 'C']) {
      const counts = [...byStaff(r.json.assignments).values()].map((l) => l.filter((a) => a.shift === code).length)
      expect(Math.max(...counts) - Math.min(...counts), code).toBeLessThanOrEqual(1)
    }
    expect(r.json.assignments.some((a: any) => a.staff === 'mei')).toBe(false)
  })

  it('prints the roster and a fairness summary', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate'], { db, as: 'mei', now: NOW })
    expect(r.code).toBe(0)
    expect(r.out).toContain('2027-01-04')
    expect(r.out).toContain('2027-01-24')
    expect(r.out).toMatch(/fairness/i)
  })

  it('same seed, same roster; needs --replace to draw up a range again', () => {
    const db = demoDb({ now: NOW })
    const first = roster(['generate', '--seed', '7'], { db, as: 'mei', json: true, now: NOW })
    const h = fileHash(db)
    const again = roster(['generate', '--seed', '7'], { db, as: 'mei', json: true, now: NOW })
    expect(again.code).toBe(1)
    expect(again.errJson.error.code).toBe('roster.exists')
    expect(fileHash(db)).toBe(h)
    const replaced = roster(['generate', '--seed', '7', '--replace'], { db, as: 'mei', json: true, now: NOW })
    expect(replaced.code).toBe(0)
    expect(replaced.json.assignments).toEqual(first.json.assignments)
  })

  it('says which rule and day fail when the team is too small, and writes nothing', () => {
    const db = demoDb({ now: NOW })
    const h = fileHash(db)
    const r = roster(['generate', '--staff', 'ana,ben'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('roster.coverage')
    expect(r.errJson.error.message).toContain('2027-01-04')
    expect(fileHash(db)).toBe(h)
  })

  it('honours --start, --weeks and the cycle length setting', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--start', '2027-03-03', '--weeks', '1'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect([r.json.from, r.json.to]).toEqual(['2027-03-03', '2027-03-09'])
    expect(roster(['config', 'set', 'cycle.weeks', '2'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const two = roster(['generate', '--start', '2027-04-05'], { db, as: 'mei', json: true, now: NOW })
    expect(two.json.assignments).toHaveLength(42)
  })

  it('prints a roster longer than a cycle as one sheet per cycle, the last one shorter', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--start', '2027-01-04', '--weeks', '7'], { db, as: 'mei', now: NOW })
    expect(r.code, r.err).toBe(0)
    // Three sheets (3 + 3 + 1 weeks), then the fairness table.
    const heads = r.out.split('\n').filter((l) => l.startsWith('│ staff') && l.includes('│ Mo │'))
    // staff, name, the days, shifts: the day columns of each sheet.
    expect(heads.map((l) => l.split('│').length - 5)).toEqual([21, 21, 7])
    expect(r.out.split('\n').filter((l) => l.startsWith('┌'))).toHaveLength(4)
  })

  it('only leads generate; bad options are usage errors', () => {
    const db = demoDb({ now: NOW })
    const h = fileHash(db)
    expect(roster(['generate'], { db, as: 'ana', now: NOW }).code).toBe(1)
    for (const args of [['generate', '--weeks', '-3'], ['generate', '--weeks', '100000'], ['generate', '--start', '2027-02-31'], ['generate', '--staff', 'ana,ghost'], ['generate', '--seed', 'abc']]) {
      const r = roster(args, { db, as: 'mei', now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
  })

  it('quick start: generate --demo in an empty folder creates ./roster.db and prints the roster', () => {
    const dir = tempDir('qs')
    const r = roster(['generate', '--demo'], { cwd: dir, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(existsSync(join(dir, 'roster.db'))).toBe(true)
    expect(r.out).toMatch(/\bA\b/)
    expect(r.out).toMatch(/\bC\b/)
    expect(roster(['show', '--from', '2027-01-04', '--to', '2027-01-24'], { cwd: dir, json: true, now: NOW }).json.assignments).toHaveLength(63)
  })
})
