// The interactive `swap request` through a real pseudo-terminal: the built
// CLI, keys pressed as a person presses them, the database checked after.
// (test/e2e/swap-prompt.test.ts runs the same flow with a scripted prompter.)

import Database from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fileHash, roster, STACK_TRACE, tempDir } from '../support/cli.js'
import { KEY, runInPty, type PtyResult, type PtyStep } from '../support/pty.js'

/** A Sunday: the demo roster runs three weeks from Mon 2026-12-21. */
const NOW = '2026-12-20T10:00:00'

interface SwapRow { id: number; requester: string; counterpart: string; date: string; payback: string | null; status: string; reason: string | null }

let template: string

beforeAll(() => {
  const dir = tempDir('pty-demo')
  const g = roster(['generate', '--demo'], { cwd: dir, now: NOW })
  if (g.code !== 0) throw new Error(`generate --demo failed: ${g.err}`)
  template = join(dir, 'roster.db')
})

/** A folder holding a copy of the demo database, as a user's working folder. */
function demoFolder(): string {
  const dir = tempDir('pty')
  copyFileSync(template, join(dir, 'roster.db'))
  return dir
}

function query<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dir, 'roster.db'), { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

const swaps = (dir: string) => query<SwapRow>(dir, 'SELECT id, requester, counterpart, date, payback, status, reason FROM swap ORDER BY id')
const shiftsOf = (dir: string, staff: string) => query<{ date: string; shift: string }>(dir, 'SELECT date, shift FROM assignment WHERE staff = ? ORDER BY date', staff)

function cli(dir: string, args: string[], as: string): void {
  const r = roster(args, { cwd: dir, now: NOW, as })
  if (r.code !== 0) throw new Error(`roster ${args.join(' ')} failed: ${r.err}`)
}

const PROMPTS = {
  en: { shift: /give away\?/, who: /Who takes your shift on/, payback: /in return\?/, reason: /Reason \(optional/, confirm: /Send this swap request to/ },
  'zh-CN': { shift: /你要换出哪一个班？/, who: /的班由谁来接？/, payback: /作为还班？/, reason: /原因（可不填/, confirm: /把这个换班申请发给/ },
}
type Lang = keyof typeof PROMPTS

/** Every prompt of the flow, answered with `keys` (Enter unless told); the payback prompt only comes for a cover. */
function flow(lang: Lang, keys: Partial<Record<keyof (typeof PROMPTS)['en'], string>> = {}): PtyStep[] {
  const p = PROMPTS[lang]
  return [
    { expect: p.shift, send: keys.shift ?? KEY.enter },
    { expect: p.who, send: keys.who ?? KEY.enter },
    { expect: p.payback, send: keys.payback ?? KEY.enter, skipIf: p.reason },
    { expect: p.reason, send: keys.reason ?? KEY.enter },
    { expect: p.confirm, send: keys.confirm ?? KEY.enter },
  ]
}

function request(dir: string, steps: PtyStep[], o: { lang?: Lang; cols?: number; args?: string[] } = {}): Promise<PtyResult> {
  return runInPty({
    args: [...(o.lang ? ['--lang', o.lang] : []), '--as', 'ana', 'swap', 'request', ...(o.args ?? [])],
    steps,
    cwd: dir,
    env: { ROSTER_NOW: NOW },
    cols: o.cols ?? 80,
  })
}

/** The first answered prompt's date: `✔ Which of your shifts ...? Mon 2026-12-21  C`. */
function chosenDate(r: PtyResult, lang: Lang = 'en'): string {
  const re = lang === 'en' ? /give away\? \w+ (\d{4}-\d{2}-\d{2})/ : /换出哪一个班？ (\d{4}-\d{2}-\d{2})/
  const m = re.exec(r.screen)
  if (!m) throw new Error(`no chosen shift on the screen:\n${r.screen}`)
  return m[1]!
}

/** The colleague the answered prompt shows: `✔ Who takes your shift on ...? ben (Ben Okafor): ...`. */
function chosenColleague(r: PtyResult, lang: Lang = 'en'): string {
  const re = lang === 'en' ? /✔ Who takes your shift on [^?]+\? (\w+) \(/ : /✔ .*的班由谁来接？ (\w+)（/
  const m = re.exec(r.screen)
  if (!m) throw new Error(`no chosen colleague on the screen:\n${r.screen}`)
  return m[1]!
}

/** Ran every step and ended by itself. */
function finished(r: PtyResult): void {
  expect(r.waitingFor, `never saw ${r.waitingFor}:\n${r.screen}`).toBeNull()
  expect(r.code, r.screen).not.toBeNull()
}

/** The English sentences left once ids, names, codes, dates and commands are taken out. */
function englishSentences(text: string, names: readonly string[]): string[] {
  let rest = text
  for (const n of names) rest = rest.split(n).join(' ')
  rest = rest.replace(/roster(?: [\w.-]+)+/g, ' ')
  return rest.match(/[A-Za-z]+(?:[ ,;:'()-]+[A-Za-z]+){2,}/g) ?? []
}

describe('swap request on a real terminal', () => {
  it('Enter at every prompt files a pending swap: the first shift offered, with the first colleague offered', async () => {
    const dir = demoFolder()
    const r = await request(dir, flow('en'))
    finished(r)
    expect(r.code, r.screen).toBe(0)
    const rows = swaps(dir)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ requester: 'ana', status: 'pending', reason: null, date: chosenDate(r), counterpart: chosenColleague(r) })
    // The first shift offered is ana's first one on the roster (nothing stops it on a fresh demo).
    expect(rows[0]!.date).toBe(shiftsOf(dir, 'ana')[0]!.date)
    expect(r.transcript).toContain('↑↓ navigate • ⏎ select')
    expect(r.screen).toContain(`Swap #1 requested:`)
    expect(r.transcript).not.toMatch(STACK_TRACE)
    // Everything, the week before and after and the result included, fits 80 columns.
    expect(r.overflow).toEqual([])
  })

  it('the down-arrow key picks the second colleague offered', async () => {
    const dir = demoFolder()
    const steps = flow('en')
    steps.splice(1, 1, { expect: PROMPTS.en.who, send: KEY.down }, { expect: /❯/, send: KEY.enter })
    const r = await request(dir, steps, { cols: 160 })
    finished(r)
    expect(r.code, r.screen).toBe(0)
    // The list as first drawn: the cursor on the first colleague, the second below it.
    const list = r.transcript.slice(r.transcript.indexOf('Who takes your shift on'))
    const offered = [...list.matchAll(/^[❯ ] (\w+) \(/gm)].map((m) => m[1]!)
    expect(offered.length, list).toBeGreaterThanOrEqual(2)
    const second = offered[1]!
    expect(second).not.toBe(offered[0])
    expect(chosenColleague(r)).toBe(second)
    expect(swaps(dir)).toMatchObject([{ requester: 'ana', counterpart: second, status: 'pending' }])
  })

  it('a typed reason is stored with the swap', async () => {
    const dir = demoFolder()
    const r = await request(dir, flow('en', { reason: `dentist appointment${KEY.enter}` }))
    finished(r)
    expect(r.code, r.screen).toBe(0)
    expect(swaps(dir)).toMatchObject([{ reason: 'dentist appointment', status: 'pending' }])
  })

  it('answering the confirmation with n writes nothing', async () => {
    const dir = demoFolder()
    const before = fileHash(join(dir, 'roster.db'))
    const r = await request(dir, flow('en', { confirm: `n${KEY.enter}` }))
    finished(r)
    expect(r.code, r.screen).toBe(0)
    expect(r.screen).toContain('✔ Send this swap request to')
    expect(r.screen).toMatch(/\? No\nNothing was requested\.$/)
    expect(swaps(dir)).toEqual([])
    expect(fileHash(join(dir, 'roster.db'))).toBe(before)
  })

  describe('Ctrl-C', () => {
    const en = PROMPTS.en
    const cases: [string, PtyStep[]][] = [
      ['the first prompt (the shift)', [{ expect: en.shift, send: KEY.ctrlC }]],
      ['the second prompt (the colleague)', [{ expect: en.shift, send: KEY.enter }, { expect: en.who, send: KEY.ctrlC }]],
      // Every prompt before it answered with Enter (the payback prompt comes only for a cover).
      ['the confirmation', [...flow('en').slice(0, 4), { expect: en.confirm, send: KEY.ctrlC }]],
    ]
    for (const [where, steps] of cases) {
      it(`at ${where}: exit 130, one line, no stack trace, the database byte-identical`, async () => {
        const dir = demoFolder()
        const before = fileHash(join(dir, 'roster.db'))
        const r = await request(dir, steps)
        finished(r)
        expect(r.code, r.screen).toBe(130)
        expect(r.transcript.match(/Cancelled: nothing was written\./g)).toHaveLength(1)
        expect(r.screen.split('\n').pop()).toBe('Cancelled: nothing was written.')
        expect(r.transcript).not.toMatch(STACK_TRACE)
        expect(r.transcript).not.toMatch(/Error|roster:/)
        expect(fileHash(join(dir, 'roster.db'))).toBe(before)
        expect(swaps(dir)).toEqual([])
      })
    }
  })
})

describe('swap request on a real terminal in Chinese (--lang zh-CN)', () => {
  const names = (dir: string) => query<{ name: string }>(dir, 'SELECT name FROM staff').map((s) => s.name)

  it('asks in Chinese with Chinese key hints; Enter everywhere and a Chinese reason file the swap; no English sentence on the screen', async () => {
    const dir = demoFolder()
    const r = await request(dir, flow('zh-CN', { reason: `看牙${KEY.enter}` }), { lang: 'zh-CN' })
    finished(r)
    expect(r.code, r.screen).toBe(0)
    expect(r.transcript).toContain('↑↓ 移动 • ⏎ 选择')
    expect(r.screen).toMatch(/✔ 把这个换班申请发给 \w+？ 是/)
    expect(r.screen).toContain('换班 #1 已申请：')
    expect(swaps(dir)).toMatchObject([{ requester: 'ana', status: 'pending', reason: '看牙', date: chosenDate(r, 'zh-CN'), counterpart: chosenColleague(r, 'zh-CN') }])
    expect(englishSentences(r.transcript, names(dir))).toEqual([])
    expect(r.overflow).toEqual([])
  })

  it('Ctrl-C: exit 130 and the one line in Chinese, nothing written', async () => {
    const dir = demoFolder()
    const before = fileHash(join(dir, 'roster.db'))
    const r = await request(dir, [{ expect: PROMPTS['zh-CN'].shift, send: KEY.enter }, { expect: PROMPTS['zh-CN'].who, send: KEY.ctrlC }], { lang: 'zh-CN' })
    finished(r)
    expect(r.code).toBe(130)
    expect(r.screen.split('\n').pop()).toBe('已取消：未做任何更改。')
    expect(r.transcript).not.toMatch(STACK_TRACE)
    expect(englishSentences(r.transcript, names(dir))).toEqual([])
    expect(fileHash(join(dir, 'roster.db'))).toBe(before)
  })

  it('fits a 60-column terminal, a Chinese character counted as two columns', async () => {
    const dir = demoFolder()
    const r = await request(dir, flow('zh-CN', { confirm: `n${KEY.enter}` }), { lang: 'zh-CN', cols: 60 })
    finished(r)
    expect(r.code, r.screen).toBe(0)
    expect(r.screen).toContain('没有提交任何申请。')
    expect(r.overflow).toEqual([])
    expect(swaps(dir)).toEqual([])
  })
})

describe('what cannot work is shown disabled with the reason, and cannot be chosen', () => {
  it('shifts: a holiday, the requester on leave, nobody free to take it; colleagues: one on leave', async () => {
    const dir = demoFolder()
    const [d1, d2, d3, d4] = shiftsOf(dir, 'ana').map((a) => a.date)
    cli(dir, ['holiday', 'add', d1!, '--name', 'Founders Day'], 'mei')
    cli(dir, ['leave', 'request', '--from', d2!, '--to', d2!], 'ana')
    for (const who of ['ben', 'chen', 'dev']) cli(dir, ['leave', 'request', '--from', d3!, '--to', d3!], who)
    cli(dir, ['leave', 'request', '--from', d4!, '--to', d4!], 'ben')
    const before = swaps(dir)
    // Up then Enter at the first prompt: the cursor cannot go up onto a disabled shift.
    const r = await request(dir, flow('en', { shift: `${KEY.up}${KEY.enter}` }), { cols: 200 })
    finished(r)
    expect(r.code, r.screen).toBe(0)
    const shown = r.transcript.slice(r.transcript.indexOf('give away?'))
    expect(shown).toMatch(new RegExp(`^- \\w{3} ${d1}  [ABC] \\(${d1} is a holiday \\(Founders Day\\): whoever is on duty on a holiday may not swap\\)$`, 'm'))
    expect(shown).toMatch(new RegExp(`^- \\w{3} ${d2}  [ABC] \\(ana has pending leave from ${d2} to ${d2}, which covers ${d2}; nobody may take leave on a swap or payback day\\)$`, 'm'))
    expect(shown).toMatch(new RegExp(`^- \\w{3} ${d3}  [ABC] \\(nobody can take it without breaking a rule\\)$`, 'm'))
    expect(shown).toMatch(new RegExp(`^❯ \\w{3} ${d4}  [ABC]$`, 'm'))
    const who = r.transcript.slice(r.transcript.indexOf('Who takes your shift on'))
    expect(who).toMatch(new RegExp(`^- ben \\(Ben Okafor\\) \\(ben has pending leave from ${d4} to ${d4}, which covers ${d4}; nobody may take leave on a swap or payback day\\)$`, 'm'))
    const after = swaps(dir)
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toMatchObject({ requester: 'ana', date: d4, status: 'pending' })
    expect(after.at(-1)!.counterpart).not.toBe('ben')
  })

  it('in Chinese the reasons are Chinese', async () => {
    const dir = demoFolder()
    const [d1] = shiftsOf(dir, 'ana').map((a) => a.date)
    cli(dir, ['holiday', 'add', d1!, '--name', '元旦'], 'mei')
    const r = await request(dir, [{ expect: PROMPTS['zh-CN'].shift, send: KEY.ctrlC }], { lang: 'zh-CN', cols: 200 })
    finished(r)
    expect(r.code).toBe(130)
    expect(r.transcript).toMatch(new RegExp(`^- ${d1}（周.）  [ABC] （${d1} 是节假日（元旦）：节假日当班人员不允许换班）$`, 'm'))
  })
})
