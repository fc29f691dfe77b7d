// Wishes where a repeating pattern is laid (SPEC 10 "approved leave and wishes
// in the new range are honoured by re-solving only the affected days"), through
// the built CLI: roster extend and generate --cyclic --repeat.

import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z' // a Friday: next Monday is 2027-01-04
const TEAM = ['ana', 'ben', 'chen', 'dev']

/** 2027-01-04 plus n days. */
function day(n: number): string {
  const d = new Date(Date.UTC(2027, 0, 4 + n))
  return d.toISOString().slice(0, 10)
}

/** Person `id`'s shifts in cycle k (21 days from 2027-01-04), as one string ("-" for a day off). */
function cycle(assignments: any[], id: string, k: number): string {
  const on = new Map(assignments.filter((a) => a.staff === id).map((a) => [a.date, a.shift]))
  return Array.from({ length: 21 }, (_, d) => on.get(day(k * 21 + d)) ?? '-').join('')
}

function shown(db: string, from: string, to: string): any[] {
  const r = roster(['show', '--from', from, '--to', to], { db, json: true, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r.json.assignments
}

function violations(db: string, from: string, to: string): any[] {
  return roster(['check', '--from', from, '--to', to], { db, json: true, now: NOW }).json.violations
}

function wish(db: string, as: string, args: string[]): number {
  const r = roster(['wish', 'add', ...args], { db, as, json: true, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r.json.wish?.id ?? r.json.id
}

/** Every day of cycle 1 not in `resolved` is exactly cycle 0's day, for everyone. */
function expectPatternElsewhere(a: any[], resolved: readonly string[]): void {
  for (const id of TEAM) {
    const pattern = cycle(a, id, 0)
    const next = cycle(a, id, 1)
    for (let n = 0; n < 21; n++) if (!resolved.includes(day(21 + n))) expect(next[n], `${id} ${day(21 + n)}`).toBe(pattern[n])
  }
}

describe('roster extend honours wishes in the new range', () => {
  it('grants days off the pattern would work by mending those days alone; the rest stay the pattern, refusals give the rule', () => {
    const db = demoDb({ now: NOW })
    const g = roster(['generate', '--cyclic'], { db, as: 'mei', json: true, now: NOW })
    expect(g.code, g.err).toBe(0)
    // ben wishes off every day he works in the pattern in the middle week of the next cycle.
    const line = cycle(g.json.assignments, 'ben', 0)
    const offs = [7, 8, 9, 10, 11, 12, 13].filter((n) => line[n] !== '-').map((n) => day(21 + n))
    expect(offs.length).toBeGreaterThan(1)
    for (const d of offs) wish(db, 'ben', ['--date', d, '--off'])
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.wishes.total).toBe(offs.length)
    expect(r.json.wishes.granted).toBeGreaterThan(0)
    const [row] = r.json.wishes.staff
    expect(row.id).toBe('ben')
    expect(row.granted + row.denied.length).toBe(offs.length)
    // A wish not granted names the rule that kept the pattern's day.
    for (const x of row.denied) expect(['roster.max-consecutive-days', 'roster.min-rest', 'roster.coverage']).toContain(x.reason)
    const resolved: string[] = r.json.resolved
    expect(resolved.length).toBe(row.granted)
    for (const d of resolved) expect(offs).toContain(d)
    const a = shown(db, day(0), day(41))
    for (const d of resolved) {
      expect(a.some((x: any) => x.staff === 'ben' && x.date === d), d).toBe(false)
      expect(a.filter((x: any) => x.date === d), d).toHaveLength(3)
    }
    for (const x of row.denied) expect(a.some((y: any) => y.staff === 'ben' && y.date === x.date)).toBe(true)
    expectPatternElsewhere(a, resolved)
    expect(violations(db, day(0), day(41))).toEqual([])
    // The text says it too, in English and in Chinese.
    for (const lang of ['en', 'zh-CN']) {
      const db2 = demoDb({ now: NOW })
      expect(roster(['generate', '--cyclic'], { db: db2, as: 'mei', now: NOW }).code).toBe(0)
      for (const d of offs) wish(db2, 'ben', ['--date', d, '--off'])
      const text = roster(['--lang', lang, 'extend'], { db: db2, as: 'mei', now: NOW })
      expect(text.code, text.err).toBe(0)
      if (lang === 'en') {
        expect(text.out).toContain(`${row.granted} of ${offs.length}`)
        if (row.denied.length) expect(text.out).toContain(`#${row.denied[0].wish} ${row.denied[0].date}`)
      } else expect(text.out).toContain(`心愿：${offs.length} 个中满足了 ${row.granted} 个。`)
    }
  })

  it('a wish coverage cannot grant stays denied with its reason, and the day stays exactly the pattern', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db, as: 'mei', now: NOW }).code).toBe(0)
    // Everyone wishes the same day off: three must work it (coverage), so the pattern's day stays.
    const d = day(21 + 10)
    for (const id of TEAM) wish(db, id, ['--date', d, '--off'])
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.wishes.total).toBe(4)
    expect(r.json.wishes.granted).toBe(1)
    const denied = r.json.wishes.staff.flatMap((s: any) => s.denied)
    expect(denied).toHaveLength(3)
    for (const x of denied) expect(x).toEqual({ wish: expect.any(Number), date: d, reason: 'roster.coverage' })
    expect(r.json.resolved).toEqual([])
    expectPatternElsewhere(shown(db, day(0), day(41)), [])
    // The text says how many were granted, and which not and why.
  })

  it('--shift and --not wishes move the day where the rules allow; with no wish and no leave nothing moves', () => {
    const db = demoDb({ now: NOW })
    const g = roster(['generate', '--cyclic'], { db, as: 'mei', json: true, now: NOW })
    expect(g.code, g.err).toBe(0)
    const other = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db: other, as: 'mei', now: NOW }).code).toBe(0)
    const plain = roster(['extend'], { db: other, as: 'mei', json: true, now: NOW })
    expect(plain.code, plain.err).toBe(0)
    expect(plain.json.resolved).toEqual([])
    expect(plain.json.wishes).toEqual({ granted: 0, total: 0, staff: [] })
    const line = cycle(g.json.assignments, 'chen', 0)
    const n = [9, 10, 11, 12].find((k) => line[k] !== '-')!
    const code = line[n]!
    wish(db, 'chen', ['--date', day(21 + n), '--not', code])
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.wishes.total).toBe(1)
    const a = shown(db, day(0), day(41))
    const now = a.find((x: any) => x.staff === 'chen' && x.date === day(21 + n))?.shift ?? null
    if (r.json.wishes.granted === 1) {
      expect(now).not.toBe(code)
      expect(r.json.resolved).toEqual([day(21 + n)])
    } else {
      expect(now).toBe(code)
      expect(r.json.resolved).toEqual([])
    }
    expectPatternElsewhere(a, r.json.resolved)
    expect(violations(db, day(0), day(41))).toEqual([])
  })

  it('refuses bad --cycles with exit 2 and leaves the database byte-identical, wishes and all', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db, as: 'mei', now: NOW }).code).toBe(0)
    wish(db, 'ben', ['--date', day(30), '--off'])
    const h = fileHash(db)
    const r = roster(['extend', '--cycles', 'x'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(2)
    expect(fileHash(db)).toBe(h)
  })
})

describe('generate --cyclic --repeat honours wishes in later cycles', () => {
  it('reports wishes like generate does, and grants a day off in the second cycle', () => {
    const db = demoDb({ now: NOW })
    const probe = roster(['generate', '--cyclic', '--repeat', '2'], { db: demoDb({ now: NOW }), as: 'mei', json: true, now: NOW })
    expect(probe.code, probe.err).toBe(0)
    const line = cycle(probe.json.assignments, 'dev', 1)
    const n = [8, 9, 10, 11, 12].find((k) => line[k] !== '-')!
    wish(db, 'dev', ['--date', day(21 + n), '--off'])
    const r = roster(['generate', '--cyclic', '--repeat', '2'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.wishes).toEqual({ granted: 1, total: 1, staff: [{ id: 'dev', granted: 1, total: 1, denied: [] }] })
    expect(r.json.resolved).toEqual([day(21 + n)])
    expect(r.json.assignments.some((x: any) => x.staff === 'dev' && x.date === day(21 + n))).toBe(false)
    expectPatternElsewhere(r.json.assignments, [day(21 + n)])
    expect(violations(db, day(0), day(41))).toEqual([])
  })
})
