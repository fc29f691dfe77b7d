// Rotations that repeat (SPEC 10, issue 14 point 3), through the built CLI:
// generate --cyclic [--repeat N] [--rotate-lines] and roster extend [--cycles N].

import { describe, expect, it } from 'vitest'
import { demoDb, fileHash, roster } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z' // a Friday: next Monday is 2027-01-04
const START = '2027-01-04'
const TEAM = ['ana', 'ben', 'chen', 'dev']

/** 2027-01-04 plus n days. */
function day(n: number): string {
  const d = new Date(Date.UTC(2027, 0, 4 + n))
  return d.toISOString().slice(0, 10)
}

/** Person `id`'s shifts in cycle k (21 days from START), as one string ("-" for a day off). */
function cycle(assignments: any[], id: string, k: number, days = 21): string {
  const on = new Map(assignments.filter((a) => a.staff === id).map((a) => [a.date, a.shift]))
  return Array.from({ length: days }, (_, d) => on.get(day(k * days + d)) ?? '-').join('')
}

function shown(db: string, from: string, to: string): any[] {
  const r = roster(['show', '--from', from, '--to', to], { db, json: true, now: NOW })
  expect(r.code, r.err).toBe(0)
  return r.json.assignments
}

function violations(db: string, from: string, to: string): any[] {
  const r = roster(['check', '--from', from, '--to', to], { db, json: true, now: NOW })
  return r.json.violations
}

describe('generate --cyclic --repeat', () => {
  it('the demo team gets three identical cycles per person, and check finds no violation across the seams', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--cyclic', '--repeat', '3'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.from).toBe(START)
    expect(r.json.to).toBe('2027-03-07')
    expect(r.json.assignments).toHaveLength(3 * 63)
    expect(r.json.pattern).toEqual({ weeks: 3, repeat: 3, rotate: false })
    expect(r.json.resolved).toEqual([])
    for (const id of TEAM) {
      expect(cycle(r.json.assignments, id, 1), id).toBe(cycle(r.json.assignments, id, 0))
      expect(cycle(r.json.assignments, id, 2), id).toBe(cycle(r.json.assignments, id, 0))
    }
    // Every person works, and not all the same line (the test could not fail otherwise).
    expect(new Set(TEAM.map((id) => cycle(r.json.assignments, id, 0))).size).toBe(4)
    expect(violations(db, START, '2027-03-07')).toEqual([])
    // And a fourth cycle after the third (the ring's seam once more) keeps them too.
    const more = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(more.code, more.err).toBe(0)
    expect(violations(db, START, '2027-03-28')).toEqual([])
  })

  it('prints the pattern it laid', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--cyclic', '--repeat', '2'], { db, as: 'mei', now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('A repeating pattern of 3 weeks, laid 2 times: each person keeps their line')
    const zh = roster(['--lang', 'zh-CN', 'generate', '--cyclic', '--rotate-lines', '--start', '2027-02-01', '--replace'], { db, as: 'mei', now: NOW })
    expect(zh.code, zh.err).toBe(0)
    expect(zh.out).toContain('循环排班模板共 3 周，排了 1 次：每个周期每人换到下一行')
  })

  it('--rotate-lines: each person\'s cycle k+1 is the next person\'s cycle k, and the rules hold across every seam', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--cyclic', '--repeat', '3', '--rotate-lines'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.pattern).toEqual({ weeks: 3, repeat: 3, rotate: true })
    const a = shown(db, START, '2027-03-07')
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < TEAM.length; i++) expect(cycle(a, TEAM[i]!, k + 1), `${TEAM[i]} cycle ${k + 1}`).toBe(cycle(a, TEAM[(i + 1) % 4]!, k))
    }
    expect(new Set(TEAM.map((id) => cycle(a, id, 0))).size).toBe(4)
    expect(violations(db, START, '2027-03-07')).toEqual([])
  })

  it('--weeks sets the length of the cycle', () => {
    const db = demoDb({ now: NOW })
    const r = roster(['generate', '--cyclic', '--weeks', '2', '--repeat', '2'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.to).toBe(day(27))
    expect(r.json.pattern).toEqual({ weeks: 2, repeat: 2, rotate: false })
    for (const id of TEAM) expect(cycle(r.json.assignments, id, 1, 14)).toBe(cycle(r.json.assignments, id, 0, 14))
    expect(violations(db, START, day(27))).toEqual([])
    // Printed one sheet per cycle of the pattern (2 weeks), not per cycle.weeks (3).
    // 6 weeks: three 2-week sheets (by cycle.weeks it would be two of 3 weeks).
    const text = roster(['generate', '--cyclic', '--weeks', '2', '--repeat', '3', '--replace'], { db, as: 'mei', now: NOW, env: { COLUMNS: '300' } })
    expect(text.code, text.err).toBe(0)
    const headers = text.out.split('\n').filter((l) => l.startsWith('│ staff'))
    expect(headers).toHaveLength(4) // three sheets and the fairness table
  })

  it('approved leave in a later cycle wins: that day is solved again, every other day is the pattern', () => {
    const db = demoDb({ now: NOW })
    // The pattern does not depend on leave: the same seed draws it again, so a day
    // Ana works in it is found first, then she takes that day off in the second cycle.
    const plain = roster(['generate', '--cyclic', '--repeat', '3'], { db, as: 'mei', json: true, now: NOW })
    expect(plain.code, plain.err).toBe(0)
    const n = [8, 9, 10, 11, 12, 13].find((k) => cycle(plain.json.assignments, 'ana', 0)[k] !== '-')!
    const leaveDay = day(21 + n)
    expect(roster(['leave', 'request', '--from', leaveDay, '--to', leaveDay], { db, as: 'ana', now: NOW }).code).toBe(0)
    expect(roster(['leave', 'approve', '1'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['generate', '--cyclic', '--repeat', '3', '--replace'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    const a = r.json.assignments
    expect(a.some((x: any) => x.staff === 'ana' && x.date === leaveDay)).toBe(false)
    const resolved: string[] = r.json.resolved
    expect(resolved).toContain(leaveDay)
    expect(resolved.length).toBeLessThanOrEqual(5)
    // Cycles 1 and 3 are the pattern as before; in cycle 2 only the resolved days differ.
    for (const id of TEAM) {
      const first = cycle(plain.json.assignments, id, 0)
      expect(cycle(a, id, 0)).toBe(first)
      expect(cycle(a, id, 2)).toBe(first)
      const second = cycle(a, id, 1)
      for (let d = 0; d < 21; d++) if (!resolved.includes(day(21 + d))) expect(second[d], `${id} ${day(21 + d)}`).toBe(first[d])
    }
    expect(a.filter((x: any) => x.date === leaveDay)).toHaveLength(3)
    expect(violations(db, START, '2027-03-07')).toEqual([])
  })
})

describe('roster extend', () => {
  it('continues the pattern exactly after the last assigned day when nothing intervenes', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['extend', '--cycles', '2'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.from).toBe(day(21))
    expect(r.json.to).toBe(day(62))
    expect(r.json.pattern).toEqual({ weeks: 3, repeat: 2, rotate: false })
    expect(r.json.resolved).toEqual([])
    expect(r.json.replaced).toBe(0)
    const a = shown(db, START, day(62))
    for (const id of TEAM) {
      expect(cycle(a, id, 1)).toBe(cycle(a, id, 0))
      expect(cycle(a, id, 2)).toBe(cycle(a, id, 0))
    }
    expect(violations(db, START, day(62))).toEqual([])
    const text = roster(['extend'], { db, as: 'mei', now: NOW })
    expect(text.code, text.err).toBe(0)
    expect(text.out).toContain(`Roster continued from ${day(63)} to ${day(83)} (one cycle of the pattern):`)
  })

  it('continues rotated lines: each person moves on one line across the join too', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic', '--rotate-lines'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['extend', '--cycles', '2'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    expect(r.json.pattern.rotate).toBe(true)
    const a = shown(db, START, day(62))
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < 4; i++) expect(cycle(a, TEAM[i]!, k + 1)).toBe(cycle(a, TEAM[(i + 1) % 4]!, k))
    }
    expect(violations(db, START, day(62))).toEqual([])
  })

  it('re-solves only the days approved leave touches; days not touched are identical to the pattern', () => {
    const db = demoDb({ now: NOW })
    const g = roster(['generate', '--cyclic'], { db, as: 'mei', json: true, now: NOW })
    expect(g.code, g.err).toBe(0)
    // A day on which ben works in the pattern, in the middle of the next cycle.
    const d = [8, 9, 10, 11, 12, 13].find((n) => cycle(g.json.assignments, 'ben', 0)[n] !== '-')!
    const leaveDay = day(21 + d)
    expect(roster(['leave', 'request', '--from', leaveDay, '--to', leaveDay], { db, as: 'ben', now: NOW }).code).toBe(0)
    expect(roster(['leave', 'approve', '1'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code, r.err).toBe(0)
    const resolved: string[] = r.json.resolved
    expect(resolved).toContain(leaveDay)
    expect(resolved.length).toBeLessThanOrEqual(5)
    const a = shown(db, START, day(41))
    expect(a.some((x: any) => x.staff === 'ben' && x.date === leaveDay)).toBe(false)
    for (const id of TEAM) {
      const pattern = cycle(a, id, 0)
      const next = cycle(a, id, 1)
      for (let n = 0; n < 21; n++) if (!resolved.includes(day(21 + n))) expect(next[n], `${id} ${day(21 + n)}`).toBe(pattern[n])
    }
    // Every shift still has its person, and the rules hold.
    expect(a.filter((x: any) => x.date === leaveDay)).toHaveLength(3)
    expect(violations(db, START, day(41))).toEqual([])
  })

  it('refuses without a stored pattern: exit 1, a sentence saying to run generate --cyclic, nothing written', () => {
    const db = demoDb({ start: START, now: NOW })
    const h = fileHash(db)
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('rotation.none')
    expect(r.err).toContain('roster generate --cyclic')
    expect(fileHash(db)).toBe(h)
    const zh = roster(['--lang', 'zh-CN', 'extend'], { db, as: 'mei', now: NOW })
    expect(zh.err).toContain('没有可以续排的循环模板：请先用 "roster generate --cyclic" 生成一个。')
  })

  it('refuses an agent (permission) and bad --cycles (exit 2), the database byte-identical', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const h = fileHash(db)
    const agent = roster(['extend'], { db, as: 'ana', json: true, now: NOW })
    expect(agent.code).toBe(1)
    expect(agent.errJson.error.code).toBe('permission')
    for (const bad of ['abc', '0', '-1', '1.5', '53']) {
      const r = roster(['extend', '--cycles', bad], { db, as: 'mei', json: true, now: NOW })
      expect(r.code, bad).toBe(2)
      expect(r.err).toContain('--cycles')
    }
    // 3-week cycles: 18 of them make 54 weeks, past the year one roster may hold.
    const long = roster(['extend', '--cycles', '18'], { db, as: 'mei', now: NOW })
    expect(long.code).toBe(2)
    expect(long.err).toContain('54 weeks')
    expect(fileHash(db)).toBe(h)
  })

  it('refuses when a person of the pattern has left the rotation', () => {
    const db = demoDb({ now: NOW })
    expect(roster(['generate', '--cyclic'], { db, as: 'mei', now: NOW }).code).toBe(0)
    expect(roster(['staff', 'remove', 'dev'], { db, as: 'mei', now: NOW, input: 'y\n' }).code).toBe(0)
    const h = fileHash(db)
    const r = roster(['extend'], { db, as: 'mei', json: true, now: NOW })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('rotation.staff')
    expect(r.err).toContain('dev holds a line of the repeating pattern')
    expect(fileHash(db)).toBe(h)
  })
})

describe('generate: bad input for the repeating options', () => {
  it('exits 2 with a clear sentence and leaves the database byte-identical', () => {
    const db = demoDb({ now: NOW })
    const h = fileHash(db)
    const cases: [string[], string][] = [
      [['--repeat', '2'], '--repeat works on a repeating pattern: add --cyclic'],
      [['--rotate-lines'], '--rotate-lines works on a repeating pattern: add --cyclic'],
      [['--cyclic', '--repeat', '0'], '--repeat'],
      [['--cyclic', '--repeat', 'two'], '--repeat'],
      [['--cyclic', '--repeat', '18'], '54 weeks'],
      [['--cyclic', '--weeks', '4', '--repeat', '14'], '56 weeks'],
    ]
    for (const [args, says] of cases) {
      const r = roster(['generate', ...args], { db, as: 'mei', json: true, now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err, args.join(' ')).toContain(says)
    }
    const zh = roster(['--lang', 'zh-CN', 'generate', '--repeat', '2'], { db, as: 'mei', now: NOW })
    expect(zh.code).toBe(2)
    expect(zh.err).toContain('--repeat 只用于循环排班模板：请加上 --cyclic')
    expect(fileHash(db)).toBe(h)
  })
})

describe('zh-CN: generate --cyclic and extend speak Chinese', () => {
  it('says the pattern, the days solved again and the continuation in Chinese, with no English sentence', () => {
    const db = demoDb({ now: NOW })
    const g = roster(['--lang', 'zh-CN', 'generate', '--cyclic'], { db, as: 'mei', json: false, now: NOW })
    expect(g.code, g.err).toBe(0)
    const plan = roster(['show', '--from', START, '--to', day(20)], { db, json: true, now: NOW }).json.assignments
    const n = [8, 9, 10, 11, 12, 13].find((k) => cycle(plan, 'chen', 0)[k] !== '-')!
    expect(roster(['leave', 'request', '--from', day(21 + n), '--to', day(21 + n)], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['leave', 'approve', '1'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const e = roster(['--lang', 'zh-CN', 'extend'], { db, as: 'mei', now: NOW })
    expect(e.code, e.err).toBe(0)
    expect(g.out).toContain('循环排班模板共 3 周，排了 1 次：每人始终保持自己的那一行')
    expect(e.out).toContain(`排班表已从 ${day(21)} 续排至 ${day(41)}（模板的 1 个周期）：`)
    expect(e.out).toContain('请假、已批准的换班或之前的排班与模板冲突的日子已重新排班：')
    // The sentences (not the tables, whose names and codes are Latin) hold no run of English words.
    for (const out of [g.out, e.out]) {
      const sentences = out.split('\n').filter((l) => !/[│┌└├─]/.test(l) && !/weekend|周末/.test(l))
      for (const line of sentences) expect(line.match(/[A-Za-z]{3,}(?:[\s,'’()]+[A-Za-z]{3,})+/g), line).toBeNull()
    }
  })
})
