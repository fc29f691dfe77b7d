// The interactive `swap request`: runSwapRequest with fake Deps (a terminal on
// both ends) and a scripted prompter, against a real database file.

import { describe, expect, it } from 'vitest'
import { Ctx } from '../../src/cli/context.js'
import type { Deps } from '../../src/cli/deps.js'
import type { Choice, Prompter } from '../../src/cli/prompter.js'
import { runSwapRequest, type SwapRequestOptions } from '../../src/cli/commands/swap/request.js'
import { UsageError } from '../../src/errors.js'
import { openDatabase } from '../../src/store/db.js'
import { NOW, rosterDb, sql } from './swap-support.js'

type Step =
  | { select: RegExp; pick: (choices: readonly Choice<any>[]) => any }
  | { input: RegExp; answer: string }
  | { confirm: RegExp; answer: boolean }

/** A prompter that plays `script` in order and records what it was shown. */
function scripted(script: Step[]) {
  const shown: { message: string; choices?: string[]; disabled?: (string | undefined)[] }[] = []
  const next = (kind: 'select' | 'input' | 'confirm', message: string): Step => {
    const step = script.shift()
    if (!step || !(kind in step)) throw new Error(`unexpected ${kind} prompt: ${message}`)
    expect(message).toMatch((step as any)[kind])
    return step
  }
  const prompter: Prompter = {
    async select(message, choices) {
      shown.push({ message, choices: choices.map((c) => c.name), disabled: choices.map((c) => c.disabled) })
      // Like the real prompt: a disabled choice cannot be picked.
      const picked = (next('select', message) as any).pick(choices.filter((c) => !c.disabled))
      return picked
    },
    async input(message) {
      shown.push({ message })
      return (next('input', message) as any).answer
    },
    async confirm(message) {
      shown.push({ message })
      return (next('confirm', message) as any).answer
    },
  }
  return { prompter, shown, left: () => script.length }
}

function terminal(db: string, prompter: Prompter, o: { tty?: boolean; json?: boolean } = {}) {
  const out: string[] = []
  const err: string[] = []
  const tty = o.tty ?? true
  const deps: Deps = {
    stdout: { write: (s) => void out.push(s), isTTY: tty },
    stderr: { write: (s) => void err.push(s), isTTY: tty },
    stdinIsTTY: tty,
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    now: () => new Date(NOW),
    osUser: () => 'nobody',
    openDb: openDatabase,
    prompter: async () => prompter,
  }
  const ctx = new Ctx(deps, { db, as: 'ana', json: !!o.json, color: false })
  return { ctx, out, err }
}

async function request(db: string, prompter: Prompter, given: SwapRequestOptions = {}, o: { tty?: boolean; json?: boolean } = {}) {
  const t = terminal(db, prompter, o)
  try {
    return { result: await runSwapRequest(t.ctx, given), err: t.err.join('') }
  } finally {
    t.ctx.close()
  }
}

const value = (v: unknown) => (choices: readonly Choice<any>[]) => {
  const c = choices.find((x) => JSON.stringify(x.value) === JSON.stringify(v) || (x.value as any)?.counterpart === v)
  if (!c) throw new Error(`no choice ${JSON.stringify(v)} among ${choices.map((x) => x.name).join(' | ')}`)
  return c.value
}

// PATTERN (swap-support.ts): on Tue 2027-01-05 ana works C, chen A, dev B, ben is off;
// ana is off on 01-04, 01-08, 01-12, ... when ben works A.

describe('swap request on a terminal', () => {
  it('asks for the shift, the colleague, a reason; shows the week before and after; files the swap', async () => {
    const db = rosterDb()
    const s = scripted([
      { select: /Which of your shifts/, pick: value('2027-01-05') },
      { select: /Who takes your shift on Tue 2027-01-05/, pick: value('chen') },
      { input: /Reason/, answer: 'dentist' },
      { confirm: /Send this swap request to chen/, answer: true },
    ])
    const { result, err } = await request(db, s.prompter)
    expect(s.left()).toBe(0)
    expect(result.swap).toMatchObject({ id: 1, requester: 'ana', counterpart: 'chen', date: '2027-01-05', payback: null, status: 'pending', reason: 'dentist' })
    // The shifts offered are ana's own, from today on, earliest first.
    expect(s.shown[0]!.choices!.slice(0, 3)).toEqual(['Tue 2027-01-05  C', 'Wed 2027-01-06  B', 'Thu 2027-01-07  A'])
    // Everyone passes every rule; nobody has swapped yet, so by id.
    expect(s.shown[1]!.choices!.map((c) => c.split(' ')[0])).toEqual(['ben', 'chen', 'dev'])
    expect(err).toContain('ana and chen trade shifts on Tue 2027-01-05')
    expect(err).toMatch(/ana after .*A \*/)
    expect(err).toMatch(/chen after .*C \*/)
  })

  it('for a cover, asks for the payback date among those that keep every rule', async () => {
    const db = rosterDb()
    const s = scripted([
      { select: /Who takes your shift/, pick: value('ben') },
      { select: /On which day do you work ben's shift/, pick: value('2027-01-08') },
      { input: /Reason/, answer: '' },
      { confirm: /Send/, answer: true },
    ])
    const { result } = await request(db, s.prompter, { date: '2027-01-05' })
    expect(result.swap).toMatchObject({ counterpart: 'ben', date: '2027-01-05', payback: '2027-01-08', reason: null })
    // Only dates on which ana is off and ben works are offered: Fri 01-08, not Wed 01-06 (ana works B).
    expect(s.shown[1]!.choices).toContain('Fri 2027-01-08')
    expect(s.shown[1]!.choices).not.toContain('Wed 2027-01-06')
  })

  it('offers only colleagues every rule allows; the others come after, disabled with the reason', async () => {
    const db = rosterDb()
    sql(db, (d) => {
      const ins = d.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, created_at) VALUES (?, ?, ?, NULL, ?, 'x')`)
      ins.run('dev', 'ben', '2027-01-06', 'pending') // dev and ben swap on Wednesday: neither may swap on Tuesday
      ins.run('chen', 'ben', '2027-01-15', 'approved')
    })
    const s = scripted([
      { select: /Who takes your shift/, pick: value('chen') },
      { input: /Reason/, answer: '' },
      { confirm: /Send/, answer: false },
    ])
    const { result, err } = await request(db, s.prompter, { date: '2027-01-05' })
    expect(s.shown[0]!.choices!.map((c) => c.split(' ')[0])).toEqual(['chen', 'ben', 'dev'])
    expect(s.shown[0]!.disabled).toEqual([
      undefined,
      'ben already takes part in swap #1 (pending) on 2027-01-06, the day next to 2027-01-05; swaps may not be on consecutive days',
      'dev already takes part in swap #1 (pending) on 2027-01-06, the day next to 2027-01-05; swaps may not be on consecutive days',
    ])
    // The lead mei works no shift: nobody could pay her back, so she is not offered at all.
    expect(s.shown[0]!.choices!.join('|')).not.toContain('mei')
    expect(result).toEqual({ swap: null, cancelled: true })
    expect(err).toContain('Nothing was requested')
    expect(sql(db, (d) => (d.prepare(`SELECT count(*) AS n FROM swap`).get() as { n: number }).n)).toBe(2)
  })

  it('ranks by swaps in that month', async () => {
    const db = rosterDb()
    sql(db, (d) => d.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, created_at) VALUES ('ben', 'chen', '2027-01-15', NULL, 'pending', 'x')`).run())
    const s = scripted([{ select: /Who takes your shift/, pick: value('dev') }, { input: /Reason/, answer: '' }, { confirm: /Send/, answer: true }])
    await request(db, s.prompter, { date: '2027-01-05' })
    expect(s.shown[0]!.choices!.map((c) => c.split(' ')[0])).toEqual(['dev', 'ben', 'chen'])
    expect(s.shown[0]!.disabled).toEqual([undefined, undefined, undefined])
  })

  it('asks nothing when every flag is given', async () => {
    const db = rosterDb()
    const s = scripted([])
    const { result } = await request(db, s.prompter, { date: '2027-01-05', with: 'chen' })
    expect(result.swap?.id).toBe(1)
  })
})

describe('swap request without a terminal', () => {
  it('is a usage error naming the missing flag, without prompting', async () => {
    const db = rosterDb()
    const s = scripted([])
    await expect(request(db, s.prompter, {}, { tty: false })).rejects.toThrow(/--date is required/)
    await expect(request(db, s.prompter, { date: '2027-01-05' }, { tty: false })).rejects.toThrow(/--with is required/)
    await expect(request(db, s.prompter, {}, { json: true })).rejects.toBeInstanceOf(UsageError)
    expect(s.shown).toEqual([])
  })
})
