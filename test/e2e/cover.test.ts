// roster cover and open shifts through the built CLI (issue 15, SPEC 11).

import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestDb } from '../support/test-db.js'
import { copyDatabaseSync } from '../support/postgres.js'
import { describe, expect, it } from 'vitest'
import { BACKEND, demoDb, fileHash, handDb, roster, rosterAsync, STACK_TRACE, tempDir } from '../support/cli.js'

const NOW = '2027-01-01T09:00:00Z'
const lead = { as: 'mei', now: NOW }

/** A demo team with a three-week roster from Monday 2027-01-04, and ben's leave on Wednesday approved. */
function leaveUncovers(): { db: string; who: string } {
  const db = demoDb({ start: '2027-01-04', now: NOW })
  const shows = roster(['show', '--from', '2027-01-06', '--to', '2027-01-06'], { db, json: true, now: NOW }).json.assignments
  const b = shows.find((a: any) => a.shift === 'B')
  expect(roster(['leave', 'request', '--from', '2027-01-06', '--to', '2027-01-06'], { db, as: b.staff, now: NOW }).code).toBe(0)
  expect(roster(['leave', 'approve', '1'], { db, ...lead }).code).toBe(0)
  return { db, who: b.staff }
}

function copyOf(db: string): string {
  if (BACKEND === 'postgres') return copyDatabaseSync(db)
  const c = join(tempDir('cover-copy'), 'roster.db')
  copyFileSync(db, c)
  return c
}

describe('roster cover (issue 15: done when)', () => {
  it('after leave uncovers a shift, cover offers only people who can take it, and assigning the first leaves check with no coverage violation that day', () => {
    const { db, who } = leaveUncovers()
    const before = roster(['check', '--from', '2027-01-06', '--to', '2027-01-06'], { db, json: true, now: NOW }).json
    expect(before.violations.filter((v: any) => v.rule === 'roster.coverage')).toEqual([expect.objectContaining({ date: '2027-01-06' })])

    const r = roster(['cover', '2027-01-06', 'B'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ date: '2027-01-06', shift: 'B', headcount: { have: 0, need: 1 } })
    const candidates = r.json.candidates as any[]
    // Everyone on the rotation is judged, those who can first.
    expect(candidates.map((c) => c.staff).sort()).toEqual(['ana', 'ben', 'chen', 'dev'])
    expect(candidates.findIndex((c) => !c.ok)).toBeGreaterThan(0)
    expect(candidates.slice(candidates.findIndex((c) => !c.ok)).every((c) => !c.ok)).toBe(true)
    const onLeave = candidates.find((c) => c.staff === who)
    expect(onLeave).toMatchObject({ ok: false, reasons: [expect.objectContaining({ rule: 'roster.leave' })] })
    for (const c of candidates) {
      expect(typeof c.shifts).toBe('number')
      for (const reason of c.reasons) expect(reason.message).toEqual(expect.any(String))
      // "Only people who can take it": assign agrees with cover, person by person.
      const trial = roster(['assign', '2027-01-06', 'B', c.staff], { db: copyOf(db), ...lead })
      expect(trial.code, `${c.staff}: ${trial.err}`).toBe(c.ok ? 0 : 1)
    }

    const first = candidates[0].staff
    const assigned = roster(['cover', '2027-01-06', 'B', '--assign', first], { db, json: true, ...lead })
    expect(assigned.code).toBe(0)
    expect(assigned.json.assignment).toEqual({ date: '2027-01-06', shift: 'B', staff: first })
    const after = roster(['check', '--from', '2027-01-06', '--to', '2027-01-06'], { db, json: true, now: NOW }).json
    expect(after.violations.filter((v: any) => v.rule === 'roster.coverage')).toEqual([])
    expect(after.violations).toEqual([])
    const log = roster(['log'], { db, json: true, now: NOW }).json.entries
    expect(log.at(-1)).toMatchObject({ actor: 'mei', action: 'roster.assign', subject: '2027-01-06 B', after: { staff: first } })
  })

  it('ranks by fewest shifts that month, and says in text (English and Chinese) why the others cannot', () => {
    const db = handDb(NOW)
    const r = roster(['cover', '2027-01-05', 'A'], { db, json: true, now: NOW })
    expect(r.code).toBe(0)
    // dev is on it; ben works B and ana C that day; chen is free (1 shift that month).
    expect(r.json.candidates.map((c: any) => [c.staff, c.ok, c.shifts])).toEqual([
      ['chen', true, 1],
      ['ana', false, 2],
      ['ben', false, 2],
    ])
    expect(r.json.candidates[1].reasons.map((x: any) => x.rule)).toContain('roster.one-shift-per-day')
    const text = roster(['cover', '2027-01-05', 'A'], { db, now: NOW })
    expect(text.out).toContain('Who could take A on Tue 2027-01-05 (1 of 1 on it now):')
    expect(text.out).toContain('roster.one-shift-per-day')
    expect(text.out).toContain('Assign the first: roster cover 2027-01-05 A --assign chen')
    const zh = roster(['cover', '2027-01-05', 'A', '--lang', 'zh-CN'], { db, now: NOW })
    expect(zh.out).toContain('谁能上 2027-01-05（周二）的 A 班（现在 1 人，定员 1 人）：')
    expect(zh.out).toContain('安排第一位：roster cover 2027-01-05 A --assign chen')
  })

  it('refuses an agent using --assign, a candidate who breaks a rule, unknown dates, shifts and people, and changes nothing', () => {
    const db = handDb(NOW)
    const h = fileHash(db)
    const agent = roster(['cover', '2027-01-06', 'A', '--assign', 'chen'], { db, as: 'ana', json: true, now: NOW })
    expect(agent.code).toBe(1)
    expect(agent.errJson.error.code).toBe('permission')
    const breaks = roster(['cover', '2027-01-05', 'A', '--assign', 'ana'], { db, json: true, ...lead })
    expect(breaks.code).toBe(1)
    expect(breaks.errJson.error.code).toBe('roster.one-shift-per-day')
    for (const args of [
      ['cover', '2027-02-30', 'A'],
      ['cover', 'someday', 'A'],
      ['cover', '2027-01-06', 'Z'],
      ['cover', '2027-01-06', 'Z', '--assign', 'chen'],
      ['cover', '2027-01-06', 'A', '--assign', 'ghost'],
      ['cover', '2027-01-06'],
    ]) {
      const r = roster(args, { db, ...lead })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
  })
})

describe('assign --unassign and roster open list', () => {
  it('taking someone off a shift leaves an open shift that open list shows, audited', () => {
    const db = handDb(NOW)
    expect(roster(['open', 'list'], { db, json: true, now: NOW }).json).toEqual({ open: [] })
    const r = roster(['assign', '2027-01-05', 'A', '--unassign', 'dev'], { db, json: true, ...lead })
    expect(r.code).toBe(0)
    expect(r.json).toEqual({ unassigned: { date: '2027-01-05', shift: 'A', staff: 'dev' }, headcount: { have: 0, need: 1 } })
    expect(roster(['open', 'list'], { db, json: true, now: NOW }).json).toEqual({ open: [{ date: '2027-01-05', shift: 'A', missing: 1 }] })
    const text = roster(['open', 'list'], { db, now: NOW })
    expect(text.out).toContain('Open shifts from 2027-01-04 to 2027-01-05:')
    expect(text.out).toMatch(/Tue 2027-01-05\s*│\s*A\s*│\s*1/)
    const log = roster(['log'], { db, json: true, now: NOW }).json.entries
    expect(log.at(-1)).toMatchObject({ actor: 'mei', action: 'roster.unassign', subject: '2027-01-05 A', before: { staff: 'dev' } })
    // Leave approved the same way: ben's B on the 4th becomes open too.
    expect(roster(['leave', 'request', '--from', '2027-01-04', '--to', '2027-01-04'], { db, as: 'ben', now: NOW }).code).toBe(0)
    expect(roster(['leave', 'approve', '1'], { db, ...lead }).code).toBe(0)
    expect(roster(['open', 'list', '--from', '2027-01-04', '--to', '2027-01-05'], { db, json: true, now: NOW }).json.open).toEqual([
      { date: '2027-01-04', shift: 'B', missing: 1 },
      { date: '2027-01-05', shift: 'A', missing: 1 },
    ])
  })

  it('removing a person leaves their shifts from today on open', () => {
    const db = handDb(NOW)
    expect(roster(['staff', 'remove', 'ben'], { db, ...lead }).code).toBe(0)
    expect(roster(['open', 'list'], { db, json: true, now: NOW }).json.open).toEqual([
      { date: '2027-01-04', shift: 'B', missing: 1 },
      { date: '2027-01-05', shift: 'B', missing: 1 },
    ])
    // A removed person is offered nothing and cannot be assigned.
    expect(roster(['cover', '2027-01-04', 'B'], { db, json: true, now: NOW }).json.candidates.map((c: any) => c.staff)).not.toContain('ben')
  })

  it('refuses an unassign of someone not on the shift (1), bad input (2) and agents (1), writing nothing', () => {
    const db = handDb(NOW)
    const h = fileHash(db)
    expect(roster(['assign', '2027-01-05', 'A', '--unassign', 'ben'], { db, ...lead }).code).toBe(1)
    expect(roster(['assign', '2027-01-05', 'A', '--unassign', 'dev'], { db, as: 'ana', now: NOW }).code).toBe(1)
    for (const args of [
      ['assign', '2027-01-05', 'A', 'chen', '--unassign', 'dev'],
      ['assign', '2027-01-05', 'A', '--unassign', 'dev', '--replace', 'ben'],
      ['assign', '2027-01-05', 'A'],
      ['assign', '2027-01-05', 'Z', '--unassign', 'dev'],
      ['assign', '2027-13-05', 'A', '--unassign', 'dev'],
      ['assign', '2027-01-05', 'A', '--unassign', 'ghost'],
      ['open', 'list', '--from', '2027-01-05', '--to', '2027-01-04'],
      ['open', 'list', '--from', 'never'],
    ]) {
      const r = roster(args, { db, ...lead })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
  })
})

describe('roster open claim / approve / reject', () => {
  /** handDb with dev taken off A on the 5th: A on 2027-01-05 is open. */
  function openA(): string {
    const db = handDb(NOW)
    expect(roster(['assign', '2027-01-05', 'A', '--unassign', 'dev'], { db, ...lead }).code).toBe(0)
    return db
  }

  it('an agent claims, a lead approves: the claimant is on the shift, check is clean, both steps audited', () => {
    const db = openA()
    const c = roster(['open', 'claim', '2027-01-05', 'A', '--reason', 'happy to'], { db, as: 'chen', json: true, now: NOW })
    expect(c.code).toBe(0)
    expect(c.json.claim).toMatchObject({ id: 1, date: '2027-01-05', shift: 'A', staff: 'chen', status: 'pending', auto: false, reason: 'happy to' })
    expect(roster(['open', 'claims', '--status', 'pending'], { db, json: true, now: NOW }).json.claims.map((x: any) => x.id)).toEqual([1])
    expect(roster(['open', 'list', '--claims'], { db, json: true, now: NOW }).json.claims.map((x: any) => x.staff)).toEqual(['chen'])
    const text = roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'dev', now: NOW })
    expect(text.code).toBe(0)
    expect(text.out).toContain('Claim #2: dev offers to take A on 2027-01-05.')
    expect(text.out).toContain('roster open approve 2 --as mei')
    const a = roster(['open', 'approve', '1'], { db, json: true, ...lead })
    expect(a.code).toBe(0)
    expect(a.json.claim).toMatchObject({ id: 1, status: 'approved', decidedBy: 'mei', auto: false })
    expect(roster(['check', '--from', '2027-01-04', '--to', '2027-01-05'], { db, json: true, now: NOW }).json.violations).toEqual([])
    // dev's claim of the same shift: no longer open.
    const late = roster(['open', 'approve', '2'], { db, json: true, ...lead })
    expect(late.code).toBe(1)
    expect(late.errJson.error.code).toBe('open.covered')
    expect(roster(['open', 'reject', '2'], { db, json: true, ...lead }).json.claim).toMatchObject({ status: 'rejected', decidedBy: 'mei' })
    const log = roster(['log'], { db, json: true, now: NOW }).json.entries.map((e: any) => [e.actor, e.action, e.subject])
    expect(log.slice(-4)).toEqual([['chen', 'open.claim', 'claim #1'], ['dev', 'open.claim', 'claim #2'], ['mei', 'open.approve', 'claim #1'], ['mei', 'open.reject', 'claim #2']])
  })

  it('refuses a claim that breaks the rest rule (near miss: with the default rest it passes), a covered shift, a past date, and twice the same', () => {
    const db = openA()
    expect(roster(['config', 'set', 'roster.min-rest-hours', '12'], { db, ...lead }).code).toBe(0)
    const h = fileHash(db)
    // chen worked C until 22:00 on the 4th: A at 09:00 on the 5th leaves 11 h.
    const rest = roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', json: true, now: NOW })
    expect(rest.code).toBe(1)
    expect(rest.errJson.error.code).toBe('roster.min-rest')
    const covered = roster(['open', 'claim', '2027-01-05', 'B'], { db, as: 'chen', json: true, now: NOW })
    expect(covered.code).toBe(1)
    expect(covered.errJson.error.code).toBe('open.covered')
    expect(covered.errJson.error.message).toBe('B on 2027-01-05 is not open: it has 1 of 1 people already.')
    const past = roster(['open', 'claim', '2026-12-31', 'A'], { db, as: 'chen', json: true, now: NOW })
    expect(past.code).toBe(1)
    expect(past.errJson.error.code).toBe('open.past')
    expect(fileHash(db)).toBe(h)
    expect(roster(['config', 'set', 'roster.min-rest-hours', '11'], { db, ...lead }).code).toBe(0)
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', now: NOW }).code).toBe(0)
    const twice = roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', json: true, now: NOW })
    expect(twice.code).toBe(1)
    expect(twice.errJson.error.code).toBe('open.duplicate')
  })

  it('re-checks at approval: a rule that changed since the claim refuses it, and the claim stays pending', () => {
    const db = openA()
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['config', 'set', 'roster.min-rest-hours', '12'], { db, ...lead }).code).toBe(0)
    const h = fileHash(db)
    const r = roster(['open', 'approve', '1'], { db, json: true, ...lead })
    expect(r.code).toBe(1)
    expect(r.errJson.error.code).toBe('roster.min-rest')
    expect(fileHash(db)).toBe(h)
    expect(roster(['open', 'claims'], { db, json: true, now: NOW }).json.claims[0].status).toBe('pending')
  })

  it('refuses agents deciding, a lead deciding their own claim, unknown or bad ids and decided claims, writing nothing', () => {
    const db = openA()
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'mei', now: NOW }).code).toBe(0)
    const h = fileHash(db)
    const agent = roster(['open', 'approve', '1'], { db, as: 'ana', json: true, now: NOW })
    expect([agent.code, agent.errJson.error.code]).toEqual([1, 'permission'])
    const own = roster(['open', 'approve', '2'], { db, json: true, ...lead })
    expect([own.code, own.errJson.error.code]).toEqual([1, 'permission'])
    for (const [as, ...args] of [['mei', 'open', 'approve', '99'], ['mei', 'open', 'reject', 'x'], ['mei', 'open', 'approve', '0'], ['chen', 'open', 'claim', '2027-01-05', 'Z'], ['chen', 'open', 'claim', '2027-02-30', 'A'], ['chen', 'open', 'claims', '--status', 'done'], ['chen', 'open', 'claims', '--staff', 'ghost'], ['ghost', 'open', 'claim', '2027-01-05', 'A']]) {
      const r = roster(args, { db, as, now: NOW })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).not.toMatch(STACK_TRACE)
    }
    expect(fileHash(db)).toBe(h)
    expect(roster(['open', 'reject', '1'], { db, ...lead }).code).toBe(0)
    const again = roster(['open', 'approve', '1'], { db, json: true, ...lead })
    expect([again.code, again.errJson.error.code]).toEqual([1, 'open.state'])
  })

  it('with open.auto-approve true a claim that keeps every rule is approved at once; the setting is validated', () => {
    const db = openA()
    const h = fileHash(db)
    const bad = roster(['config', 'set', 'open.auto-approve', 'sometimes'], { db, ...lead })
    expect(bad.code).toBe(2)
    expect(fileHash(db)).toBe(h)
    expect(roster(['config', 'get', 'open.auto-approve'], { db, json: true, now: NOW }).out).toContain('false')
    expect(roster(['config', 'set', 'open.auto-approve', 'true'], { db, ...lead }).code).toBe(0)
    const r = roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', json: true, now: NOW })
    expect(r.code).toBe(0)
    expect(r.json.claim).toMatchObject({ status: 'approved', auto: true, decidedBy: null })
    const text = roster(['show', '--from', '2027-01-05', '--to', '2027-01-05'], { db, json: true, now: NOW }).json.assignments
    expect(text.find((a: any) => a.shift === 'A').staff).toBe('chen')
    const log = roster(['log'], { db, json: true, now: NOW }).json.entries.map((e: any) => [e.actor, e.action])
    expect(log.slice(-2)).toEqual([['chen', 'open.claim'], ['chen', 'open.approve']])
  })

  it('two people claiming the last place at once under auto-approve: exactly one gets it', async () => {
    const db = openA()
    expect(roster(['config', 'set', 'open.auto-approve', 'true'], { db, ...lead }).code).toBe(0)
    // chen and mei (a lead off the rotation, who may claim too) are both free on the 5th.
    const [x, y] = await Promise.all(['chen', 'mei'].map((as) => rosterAsync(['open', 'claim', '2027-01-05', 'A'], { db, as, json: true, now: NOW })))
    expect([x!.code, y!.code].sort()).toEqual([0, 1])
    expect((x!.code === 1 ? x! : y!).err).toContain('open.covered')
    const shown = roster(['show', '--from', '2027-01-05', '--to', '2027-01-05'], { db, json: true, now: NOW }).json.assignments
    expect(shown.filter((a: any) => a.shift === 'A')).toHaveLength(1)
    expect(roster(['open', 'claims'], { db, json: true, now: NOW }).json.claims.map((c: any) => c.status)).toEqual(['approved'])
  })

  it('claims never count toward the monthly swap limit or the swaps in stats', () => {
    const db = openA()
    expect(roster(['config', 'set', 'swap.max-per-month', '0'], { db, ...lead }).code).toBe(0)
    expect(roster(['open', 'claim', '2027-01-05', 'A'], { db, as: 'chen', now: NOW }).code).toBe(0)
    expect(roster(['open', 'approve', '1'], { db, ...lead }).code).toBe(0)
    const stats = roster(['stats', '--month', '2027-01'], { db, json: true, now: NOW }).json.staff
    expect(stats.find((s: any) => s.id === 'chen')).toMatchObject({ swaps: 0, total: 2 })
    const raw = openTestDb(db)
    expect(raw.prepare('SELECT count(*) AS n FROM swap').get()).toEqual({ n: 0 })
    raw.close()
  })
})
