// roster cover ranks by wishes (SPEC 9 and 11): among those who can take the
// shift, a wish for that shift that day first, a day-off or --not wish for it last.

import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, insertAssignments, roster } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z'
const THU = '2027-01-07'

/** Two days filled by hand (Mon 2027-01-04, Tue 01-05): January shifts so far ana 2, ben 2, chen 1, dev 1. */
function handDb(): string {
  const db = demoDb({ now: NOW })
  insertAssignments(db, [
    ['2027-01-04', 'A', 'ana'], ['2027-01-04', 'B', 'ben'], ['2027-01-04', 'C', 'chen'],
    ['2027-01-05', 'A', 'dev'], ['2027-01-05', 'B', 'ben'], ['2027-01-05', 'C', 'ana'],
  ])
  return db
}

function wish(db: string, as: string, args: string[]): number {
  const r = roster(['wish', 'add', ...args], { db, as, json: true, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r.json.wish.id
}

function order(db: string, lang?: string): any {
  const r = roster([...(lang ? ['--lang', lang] : []), 'cover', THU, 'A'], { db, json: !lang, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r
}

describe('roster cover ranks by wishes', () => {
  it('without wishes: fewest shifts that month first, then id', () => {
    const db = handDb()
    expect(order(db).json.candidates.map((c: any) => c.staff)).toEqual(['chen', 'dev', 'ana', 'ben'])
  })

  it('a wish for the shift that day first, a day off or --not it (dated or weekly) last; other wishes do not count', () => {
    const db = handDb()
    const forA = wish(db, 'ben', ['--date', THU, '--shift', 'A', '--reason', 'school run'])
    const off = wish(db, 'chen', ['--date', THU, '--off'])
    const notA = wish(db, 'dev', ['--weekday', 'thu', '--not', 'A'])
    // Neither for nor against A on that day: --not B, and a day off on another date.
    wish(db, 'ana', ['--date', THU, '--not', 'B'])
    wish(db, 'ana', ['--date', '2027-01-08', '--off'])
    const r = order(db)
    const candidates = r.json.candidates as any[]
    expect(candidates.map((c) => c.staff)).toEqual(['ben', 'ana', 'chen', 'dev'])
    expect(candidates.every((c) => c.ok)).toBe(true)
    const said = (id: string) => candidates.find((c) => c.staff === id).reasons.filter((x: any) => x.cost === 'wish').map((x: any) => x.message)
    expect(said('ben')).toEqual([`wish #${forA} asks for it: shift A (school run)`])
    expect(said('chen')).toEqual([`wish #${off} is against it: day off`])
    expect(said('dev')).toEqual([`wish #${notA} is against it: not shift A`])
    expect(said('ana')).toEqual([])
    // The table says it in the interface language.
    const en = order(db, 'en')
    const flat = (s: string) => s.replace(/[│\s]+/g, ' ')
    expect(flat(en.out)).toContain(`wish #${forA} asks for it: shift A (school run)`)
    const zh = order(db, 'zh-CN')
    expect(flat(zh.out)).toContain(`心愿 #${forA} 希望上这个班：上 A 班 (school run)`)
    expect(flat(zh.out)).toContain(`心愿 #${off} 不希望上这个班：休息`)
  })

  it('a wish for the shift outweighs a day off wished the same day by the same person', () => {
    const db = handDb()
    wish(db, 'dev', ['--date', THU, '--off'])
    const forA = wish(db, 'dev', ['--date', THU, '--shift', 'A'])
    const candidates = order(db).json.candidates as any[]
    expect(candidates[0].staff).toBe('dev')
    expect(candidates[0].reasons).toEqual([{ cost: 'wish', message: `wish #${forA} asks for it: shift A` }])
  })

  it('someone who cannot take the shift stays below everyone who can, whatever they wish; an unknown shift is exit 2 and nothing is written', () => {
    const db = handDb()
    // ana is on approved leave that Thursday and wishes shift A anyway.
    expect(roster(['leave', 'request', '--from', THU, '--to', THU], { db, as: 'ana', now: NOW }).code).toBe(0)
    expect(roster(['leave', 'approve', '1'], { db, as: 'mei', now: NOW }).code).toBe(0)
    wish(db, 'ana', ['--date', THU, '--shift', 'A'])
    const r = roster(['cover', THU, 'A'], { db, json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    const ana = r.json.candidates.findIndex((c: any) => c.staff === 'ana')
    expect(r.json.candidates[ana]).toMatchObject({ ok: false, reasons: [expect.objectContaining({ rule: 'roster.leave' })] })
    expect(ana).toBe(3)
    expect(r.json.candidates.slice(0, ana).every((c: any) => c.ok)).toBe(true)
    const h = fileHash(db)
    const bad = roster(['cover', THU, 'Z'], { db, json: true, now: NOW })
    expect(bad.code).toBe(2)
    expect(fileHash(db)).toBe(h)
  })
})
