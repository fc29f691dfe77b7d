// The interactive `swap request`: runSwapRequest with fake Deps (a terminal on
// both ends) and a scripted prompter, against a real database file.

import { describe, expect, it } from 'vitest'
import { Ctx } from '../../src/cli/context.js'
import type { Deps } from '../../src/cli/deps.js'
import type { Choice, Prompter } from '../../src/cli/prompter.js'
import { runSwapRequest, type SwapRequestOptions } from '../../src/cli/commands/swap/request.js'
import { CancelledError, ConflictError, RuleViolationError, UsageError, type RosterError } from '../../src/errors.js'
import { messagesFor } from '../../src/i18n/index.js'
import { openStore } from '../../src/store/host.js'
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

function terminal(db: string, prompter: Prompter, o: { tty?: boolean; json?: boolean; lang?: string } = {}) {
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
    openStore,
    prompter: async () => prompter,
  }
  const ctx = new Ctx(deps, { db, as: 'ana', json: !!o.json, color: false, ...(o.lang ? { lang: o.lang } : {}) })
  return { ctx, out, err }
}

async function request(db: string, prompter: Prompter, given: SwapRequestOptions = {}, o: { tty?: boolean; json?: boolean; lang?: string } = {}) {
  const t = terminal(db, prompter, o)
  try {
    return { result: await runSwapRequest(t.ctx, given), err: t.err.join('') }
  } finally {
    t.ctx.close()
  }
}

/** Runs a request that must fail; returns the error and what was said on stderr before it. */
async function refused(db: string, prompter: Prompter, given: SwapRequestOptions = {}, o: { lang?: string } = {}) {
  const t = terminal(db, prompter, o)
  try {
    await runSwapRequest(t.ctx, given)
  } catch (e) {
    return { error: e as RosterError, err: t.err.join('') }
  } finally {
    t.ctx.close()
  }
  throw new Error('the request was not refused')
}

const swapCount = (db: string) => sql(db, (d) => (d.prepare('SELECT count(*) AS n FROM swap').get() as { n: number }).n)

/** Inserts leave straight into the store (any status). */
function leaveOf(db: string, staff: string, from: string, to = from, status = 'pending') {
  sql(db, (d) => d.prepare(`INSERT INTO leave (staff, from_date, to_date, status, created_at, decided_by) VALUES (?, ?, ?, ?, 'x', ?)`).run(staff, from, to, status, status === 'pending' ? null : 'mei'))
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

// ana works C on Tue 01-05, B on Wed 01-06, A on Thu 01-07, C on Sat 01-09, ...
describe('the shifts it offers', () => {
  it('shows a shift the requester may not swap (holiday, own leave) or nobody can take disabled with the reason; the cursor skips them', async () => {
    const db = rosterDb({ holidays: { '2027-01-05': 'Founders Day' } })
    leaveOf(db, 'ana', '2027-01-07')
    // Everyone else is away on Sat 01-09: nobody can take ana's C that day.
    for (const who of ['ben', 'chen', 'dev']) leaveOf(db, who, '2027-01-09')
    const s = scripted([
      { select: /Which of your shifts/, pick: (choices) => choices[0]!.value },
      { select: /Who takes your shift on Wed 2027-01-06/, pick: (choices) => choices[0]!.value },
      { input: /Reason/, answer: '' },
      { confirm: /Send/, answer: true },
    ])
    const { result } = await request(db, s.prompter)
    expect(s.shown[0]!.choices!.slice(0, 5)).toEqual(['Tue 2027-01-05  C', 'Wed 2027-01-06  B', 'Thu 2027-01-07  A', 'Sat 2027-01-09  C', 'Sun 2027-01-10  B'])
    expect(s.shown[0]!.disabled!.slice(0, 5)).toEqual([
      '2027-01-05 is a holiday (Founders Day): whoever is on duty on a holiday may not swap',
      undefined,
      'ana has pending leave from 2027-01-07 to 2027-01-07, which covers 2027-01-07; nobody may take leave on a swap or payback day',
      'nobody can take it without breaking a rule',
      undefined,
    ])
    // The first shift that can be given away is the one picked by Enter alone.
    expect(result.swap).toMatchObject({ date: '2027-01-06', status: 'pending' })
  })

  it('does not offer a date that already has a swap of theirs (or the days next to it)', async () => {
    const db = rosterDb()
    sql(db, (d) => d.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, created_at) VALUES ('ana', 'chen', '2027-01-06', NULL, 'pending', 'x')`).run())
    const s = scripted([{ select: /Which of your shifts/, pick: () => { throw new CancelledError() } }])
    await expect(request(db, s.prompter)).rejects.toBeInstanceOf(CancelledError)
    const offered = s.shown[0]!.choices!.filter((_, i) => !s.shown[0]!.disabled![i])
    expect(offered.slice(0, 2)).toEqual(['Sat 2027-01-09  C', 'Sun 2027-01-10  B'])
    expect(s.shown[0]!.disabled!.slice(0, 3)).toEqual([
      'ana already takes part in swap #1 (pending) on 2027-01-06, the day next to 2027-01-05; swaps may not be on consecutive days',
      'ana already takes part in swap #1 (pending) on that day, 2027-01-06; swaps may not be on the same or consecutive days',
      'ana already takes part in swap #1 (pending) on 2027-01-06, the day next to 2027-01-07; swaps may not be on consecutive days',
    ])
    expect(swapCount(db)).toBe(1)
  })

  it('says the reasons in Chinese under zh-CN', async () => {
    const db = rosterDb({ holidays: { '2027-01-05': '元旦补班' } })
    for (const who of ['ben', 'chen', 'dev']) leaveOf(db, who, '2027-01-06')
    const s = scripted([{ select: /你要换出哪一个班/, pick: () => { throw new CancelledError() } }])
    await expect(request(db, s.prompter, {}, { lang: 'zh-CN' })).rejects.toBeInstanceOf(CancelledError)
    expect(s.shown[0]!.choices![0]).toBe('2027-01-05（周二）  C')
    expect(s.shown[0]!.disabled!.slice(0, 2)).toEqual(['2027-01-05 是节假日（元旦补班）：节假日当班人员不允许换班', '没有同事能接这个班而不违反规则'])
  })

  it('with none of them swappable, lists why and refuses before asking anything (exit 1)', async () => {
    const db = rosterDb()
    // ana has used January's three swaps: no January shift can be given away.
    sql(db, (d) => {
      const ins = d.prepare(`INSERT INTO swap (requester, counterpart, date, payback, status, created_at) VALUES ('ana', ?, ?, NULL, 'approved', 'x')`)
      ins.run('ben', '2027-01-25')
      ins.run('chen', '2027-01-28')
      ins.run('dev', '2027-01-31')
    })
    const s = scripted([])
    const { error, err } = await refused(db, s.prompter)
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.exitCode).toBe(1)
    expect(error.message).toBe('None of your shifts from 2027-01-01 on can be swapped now.')
    expect(err).toContain('None of your shifts from 2027-01-01 on can be swapped now:\n- Tue 2027-01-05  C (ana already takes part in 3 swaps in 2027-01; at most 3 per\n  month are allowed (swap.max-per-month))')
    expect(s.shown).toEqual([])
    expect(swapCount(db)).toBe(3)
  })
})

describe('a date or colleague given by flag', () => {
  it('--date that the requester may not swap is refused by the rule before any prompt, as without a terminal', async () => {
    const db = rosterDb({ holidays: { '2027-01-05': 'Founders Day' } })
    const s = scripted([])
    const { error } = await refused(db, s.prompter, { date: '2027-01-05' })
    expect(error).toBeInstanceOf(RuleViolationError)
    expect(error.code).toBe('swap.holiday')
    expect(s.shown).toEqual([])
  })

  it('--date nobody can take: lists every colleague with the reason, refuses with swap.no-candidate', async () => {
    const db = rosterDb()
    for (const who of ['ben', 'chen', 'dev']) leaveOf(db, who, '2027-01-05')
    const s = scripted([])
    const { error, err } = await refused(db, s.prompter, { date: '2027-01-05' })
    expect(error.code).toBe('swap.no-candidate')
    expect(error.message).toBe('Nobody can take your shift on 2027-01-05 without breaking a rule: pick another date.')
    expect(err).toContain('Nobody can take your shift on Tue 2027-01-05:\n- ben (Ben Okafor) (ben has pending leave')
    expect(err).toContain('- chen (Chen Jie 陈杰) (chen has pending leave')
    expect(s.shown).toEqual([])
  })

  it('--date nobody can take, in Chinese: the list and the refusal are Chinese', async () => {
    const db = rosterDb()
    for (const who of ['ben', 'chen', 'dev']) leaveOf(db, who, '2027-01-05')
    const { error, err } = await refused(db, scripted([]).prompter, { date: '2027-01-05' }, { lang: 'zh-CN' })
    expect(error.say(messagesFor('zh-CN'))).toBe('没有同事能在不违反规则的情况下接你 2027-01-05 的班：请换一个日期。')
    expect(err).toContain('没有同事能接你 2027-01-05（周二）的班：\n- ben（Ben Okafor） （ben 有待审批的请假（2027-01-05 至 2027-01-05），包含\n  2027-01-05；换班和还班当天均不得请假）')
  })

  it('--with a colleague a rule refuses: says which rule before asking for a reason', async () => {
    const db = rosterDb()
    leaveOf(db, 'chen', '2027-01-05')
    const s = scripted([])
    const { error } = await refused(db, s.prompter, { date: '2027-01-05', with: 'chen' })
    expect(error.code).toBe('swap.leave')
    expect(s.shown).toEqual([])
    expect(swapCount(db)).toBe(0)
  })

  it('--with alone offers only the shifts that colleague could take', async () => {
    const db = rosterDb()
    leaveOf(db, 'chen', '2027-01-05', '2027-01-07')
    const s = scripted([
      { select: /Which of your shifts/, pick: (choices) => choices[0]!.value },
      { input: /Reason/, answer: '' },
      { confirm: /Send this swap request to chen/, answer: true },
    ])
    const { result } = await request(db, s.prompter, { with: 'chen' })
    expect(s.shown[0]!.disabled!.slice(0, 3).map((d) => d?.split(';')[0])).toEqual(['nobody can take it without breaking a rule', 'nobody can take it without breaking a rule', 'nobody can take it without breaking a rule'])
    expect(result.swap).toMatchObject({ counterpart: 'chen', date: '2027-01-09' })
  })
})

describe('what is typed at the prompts', () => {
  it('a reason with control characters is refused at the prompt, in the language of the prompt', async () => {
    const db = rosterDb()
    let said: true | string = true
    const prompter: Prompter = {
      async select(_m, choices) { return choices.find((c) => !c.disabled)!.value },
      async input(_m, o) {
        said = o!.validate!('a\u0007b')
        return 'dentist'
      },
      async confirm() { return false },
    }
    await request(db, prompter, {}, { lang: 'zh-CN' })
    expect(said).toBe('原因含有控制字符；请用一行普通文字。')
    expect(messagesFor('en').errors.reasonTooLong('The reason')).toBe('The reason is too long: at most 500 characters.')
  })

  it('Ctrl-C at a prompt (CancelledError) writes nothing', async () => {
    const db = rosterDb()
    const s = scripted([
      { select: /Which of your shifts/, pick: value('2027-01-05') },
      { select: /Who takes your shift/, pick: () => { throw new CancelledError() } },
    ])
    await expect(request(db, s.prompter)).rejects.toMatchObject({ exitCode: 130, message: 'Cancelled: nothing was written.' })
    expect(swapCount(db)).toBe(0)
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
