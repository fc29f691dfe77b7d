// Notifications through the built CLI against a REAL HTTP server on 127.0.0.1
// that each test starts (node:http, no mock): delivery in each format, a
// webhook that is down, slow or answers 500, retries by the next command and
// by `notify flush`, no message delivered twice, ten commands at once, and
// webhook secrets that never show (SPEC 12, issue 15 points 3 and 4).

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileHash, roster, rosterAsync, tempDir, type RunResult } from '../support/cli.js'
import { NOW, rosterDb, sql } from './swap-support.js'

type Mode = 'ok' | '500' | 'slow' | 'errcode'

interface Received {
  url: string
  headers: IncomingHttpHeaders
  body: any
}

interface Hook {
  port: number
  url: (path?: string) => string
  received: Received[]
  mode: Mode
  /** Milliseconds to wait before answering (mode ok). */
  delayMs: number
  close(): Promise<void>
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((done) => { s.closeAllConnections(); s.close(() => done()) })))
})

/** A webhook on 127.0.0.1 (port 0: a free one, or the port given), recording every request. */
async function startHook(mode: Mode = 'ok', port = 0): Promise<Hook> {
  const hook: Hook = {
    port: 0, received: [], mode, delayMs: 0,
    url: (path = '/hook') => `http://127.0.0.1:${hook.port}${path}`,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()) }),
  }
  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => (raw += c))
    req.on('end', () => {
      let body: unknown
      try { body = JSON.parse(raw) } catch { body = raw }
      hook.received.push({ url: req.url ?? '', headers: req.headers, body })
      if (hook.mode === 'slow') return // never answers
      if (hook.mode === '500') { res.writeHead(500).end('boom'); return }
      if (hook.mode === 'errcode') { res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":93000,"errmsg":"invalid webhook url"}'); return }
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'), hook.delayMs)
    })
  })
  servers.push(server)
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()))
  hook.port = (server.address() as AddressInfo).port
  return hook
}

/** A port nothing listens on (a server started and closed again): connection refused. */
async function downPort(): Promise<number> {
  const h = await startHook()
  await h.close()
  return h.port
}

/** The CLI as `as` at NOW, spawned (the test's server keeps answering meanwhile). */
async function run(db: string, as: string | undefined, args: string[], o: { json?: boolean; lang?: string } = {}): Promise<RunResult & { ms: number }> {
  const t0 = Date.now()
  const r = await rosterAsync([...(o.lang ? ['--lang', o.lang] : []), ...args], { db, as, json: o.json, now: NOW })
  const res: RunResult & { ms: number } = { ...r, ms: Date.now() - t0 }
  if (o.json) try { res.json = JSON.parse(r.out) } catch { res.json = undefined }
  return res
}

async function ok(db: string, as: string | undefined, args: string[], o: { json?: boolean; lang?: string } = {}) {
  const r = await run(db, as, args, o)
  expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0)
  return r
}

/** A team with the swap fixtures' roster and notifications to `url`. */
function teamDb(url: string, config: Record<string, string> = {}): string {
  return rosterDb({ config: { 'notify.webhook': url, ...config } })
}

async function list(db: string): Promise<any[]> {
  return (await ok(db, undefined, ['notify', 'list'], { json: true })).json.notifications
}

describe('issue 15, done when: a webhook receives the change; held while it is down; flushed when it is back', () => {
  it('delivers, holds while down, and notify flush delivers the held message once', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-02'])
    expect(hook.received).toHaveLength(1)
    const first = hook.received[0]!
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(first.headers['idempotency-key']).toBe(first.body.id)
    expect(first.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'leave.request',
      text: 'Leave #1 requested by ana: ana away from 2027-02-01 to 2027-02-02.',
      people: ['ana'],
      dates: ['2027-02-01', '2027-02-02'],
      shifts: [],
      next: 'A lead: approve or reject it (roster leave approve 1 / roster leave reject 1).',
    })

    // The webhook goes down: the next change still succeeds, and its message is held.
    const port = hook.port
    await hook.close()
    const down = await ok(db, 'ben', ['leave', 'request', '--from', '2027-02-03', '--to', '2027-02-03'])
    expect(down.out).toContain('Leave #2 requested for ben')
    expect(down.err).toContain('1 notification is held')
    expect(sql(db, (d) => d.prepare('SELECT status FROM leave WHERE id = 2').get())).toEqual({ status: 'pending' })
    const held = (await list(db)).find((n) => n.event === 'leave.request' && n.text.includes('ben'))
    expect(held).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') })
    const text = await ok(db, undefined, ['notify', 'list'])
    expect(text.out).toContain('failed')

    // Back up on the same port: notify flush delivers it, once.
    const back = await startHook('ok', port)
    const flushed = await ok(db, undefined, ['notify', 'flush'], { json: true })
    expect(flushed.json).toEqual({ sent: 1, failed: 0, held: 0 })
    expect(back.received.map((r) => r.body.id)).toEqual([held.messageId])
    expect(back.received[0]!.headers['idempotency-key']).toBe(held.messageId)
    expect((await list(db)).map((n) => n.status)).toEqual(['sent', 'sent'])
    await ok(db, undefined, ['notify', 'flush'])
    await ok(db, 'chen', ['leave', 'request', '--from', '2027-02-05', '--to', '2027-02-05'])
    expect(back.received.map((r) => r.body.event)).toEqual(['leave.request', 'leave.request'])
    expect(new Set(back.received.map((r) => r.body.id)).size).toBe(2)
  })
})

describe('a webhook that fails never fails, delays or undoes the command, and loses nothing', () => {
  it('answers 500: the command succeeds; the next writing command retries the held message first, with the same id', async () => {
    const hook = await startHook('500')
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    expect(hook.received).toHaveLength(1)
    const firstId = hook.received[0]!.body.id
    expect((await list(db))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 500: boom' })
    hook.mode = 'ok'
    await ok(db, 'ben', ['leave', 'request', '--from', '2027-02-03', '--to', '2027-02-03'])
    expect(hook.received.map((r) => r.body.id)).toEqual([firstId, firstId, expect.any(String)])
    expect(hook.received[2]!.body.id).not.toBe(firstId)
    expect((await list(db)).map((n) => [n.status, n.attempts])).toEqual([['sent', 2], ['sent', 1]])
    // A command that only reads retries nothing.
    hook.received.length = 0
    await ok(db, undefined, ['show', '--from', '2027-01-04', '--to', '2027-01-05'])
    expect(hook.received).toEqual([])
  })

  it('keeps the order: after a failure the rest of that webhook\'s queue waits untried (no attempt counted)', async () => {
    const hook = await startHook('500')
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    await ok(db, 'ben', ['leave', 'request', '--from', '2027-02-02', '--to', '2027-02-02'])
    // The second command retried the first message (500 again) and did not try its own.
    expect(hook.received.map((r) => r.body.dates[0])).toEqual(['2027-02-01', '2027-02-01'])
    expect((await list(db)).map((n) => [n.status, n.attempts])).toEqual([['failed', 2], ['pending', 0]])
  })

  it('is slow (never answers): the command returns within notify.timeout-ms plus a small margin and exits', async () => {
    const hook = await startHook('slow')
    const db = teamDb(hook.url(), { 'notify.timeout-ms': '800' })
    const r = await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    expect(hook.received).toHaveLength(1)
    // Start-up and the change take a few hundred ms on a busy machine; the webhook may take 800 of them at most.
    expect(r.ms).toBeLessThan(800 + 1500)
    expect(r.ms).toBeGreaterThanOrEqual(800)
    expect(sql(db, (d) => d.prepare('SELECT COUNT(*) AS n FROM leave').get())).toEqual({ n: 1 })
    expect((await list(db))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'no answer within notify.timeout-ms (800 ms)' })
  })

  it('answers 200 with an error code in the body (WeCom, DingTalk, Feishu): held, not taken for delivered', async () => {
    const hook = await startHook('errcode')
    const db = teamDb(hook.url(), { 'notify.format': 'wecom' })
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    expect((await list(db))[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('errcode') })
  })

  it('a webhook nothing listens on: the command succeeds at once and holds the message', async () => {
    const port = await downPort()
    const db = teamDb(`http://127.0.0.1:${port}/hook`)
    const r = await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    expect(r.ms).toBeLessThan(2000 + 1500)
    expect(await list(db)).toMatchObject([{ status: 'failed', attempts: 1 }])
    const flush = await ok(db, undefined, ['notify', 'flush'], { json: true })
    expect(flush.json).toEqual({ sent: 0, failed: 1, held: 1 })
    expect(await list(db)).toMatchObject([{ status: 'failed', attempts: 2 }])
  })
})

describe('each format: the body each service documents (see test/notifications/format.test.ts for the sources)', () => {
  it.each([
    ['wecom', (b: any) => expect(b).toEqual({ msgtype: 'text', text: { content: expect.stringContaining('Leave #1 requested by ana') } })],
    ['dingtalk', (b: any) => expect(b).toEqual({ msgtype: 'text', text: { content: expect.stringContaining('Leave #1 requested by ana') } })],
    ['feishu', (b: any) => expect(b).toEqual({ msg_type: 'text', content: { text: expect.stringContaining('Leave #1 requested by ana') } })],
    ['slack', (b: any) => expect(b).toEqual({
      text: expect.stringContaining('Leave #1 requested by ana'),
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Leave #1 requested by ana: ana away on 2027-02-01.' } },
        { type: 'section', text: { type: 'mrkdwn', text: 'A lead: approve or reject it (roster leave approve 1 / roster leave reject 1).' } },
      ],
    })],
  ] as const)('%s', async (format, check) => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    await ok(db, 'mei', ['config', 'set', 'notify.format', format])
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    expect(hook.received).toHaveLength(1)
    check(hook.received[0]!.body)
    expect(hook.received[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('every state change sends one message', () => {
  it('a swap from request to approval, then its undo: one message each, naming people, dates, shifts and the next step', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    // On Tue 2027-01-05 ana works C and chen A.
    await ok(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'chen'])
    await ok(db, 'chen', ['swap', 'accept', '1'])
    await ok(db, 'mei', ['swap', 'approve', '1'])
    await ok(db, 'ana', ['swap', 'undo', '1'])
    await ok(db, 'chen', ['swap', 'decline', '2'])
    const bodies = hook.received.map((r) => r.body)
    expect(bodies.map((b) => b.event)).toEqual(['swap.request', 'swap.accept', 'swap.approve', 'swap.undo', 'swap.decline'])
    for (const b of bodies) expect(b.people).toEqual(expect.arrayContaining(['ana', 'chen']))
    expect(bodies[0]).toMatchObject({ dates: ['2027-01-05'], shifts: ['C', 'A'], text: "Swap #1 requested by ana: ana and chen trade shifts on 2027-01-05 (ana's C for chen's A).", next: 'chen: accept or decline it (roster swap accept 1 / roster swap decline 1).' })
    expect(bodies[1].next).toBe('A lead: approve or reject it (roster swap approve 1 / roster swap reject 1).')
    expect(bodies[2]).toMatchObject({ shifts: ['C', 'A'], next: 'ana and chen: work your new shifts (roster show --as <your id>).' })
    expect(new Set(bodies.map((b) => b.id)).size).toBe(5)
  })

  it('leave approved and rejected, and a new roster', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-01-06', '--to', '2027-01-06'])
    await ok(db, 'mei', ['leave', 'approve', '1'])
    await ok(db, 'ben', ['leave', 'request', '--from', '2027-02-10', '--to', '2027-02-10'])
    await ok(db, 'mei', ['leave', 'reject', '2'])
    await ok(db, 'mei', ['generate', '--start', '2027-02-01', '--weeks', '1'])
    const bodies = hook.received.map((r) => r.body)
    expect(bodies.map((b) => b.event)).toEqual(['leave.request', 'leave.approve', 'leave.request', 'leave.reject', 'roster.generate'])
    // On Wed 2027-01-06 ana works B: approving the leave opens it.
    expect(bodies[1]).toMatchObject({ people: ['ana'], shifts: ['B'], text: 'Leave #1 approved by mei: ana is away on 2027-01-06. Shifts now open: B on 2027-01-06.' })
    expect(bodies[4]).toMatchObject({ people: ['ana', 'ben', 'chen', 'dev'], dates: ['2027-02-01', '2027-02-07'] })
    // A change nobody must act on (a setting) sends nothing.
    await ok(db, 'mei', ['config', 'set', 'swap.max-per-month', '4'])
    expect(hook.received).toHaveLength(5)
  })

  it('a claim of the shift leave opened: requested, then approved, one message each naming the person, date and shift', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-01-06', '--to', '2027-01-06'])
    await ok(db, 'mei', ['leave', 'approve', '1'])
    await ok(db, 'mei', ['staff', 'add', 'eve', '--name', 'Eve'])
    await ok(db, 'eve', ['open', 'claim', '2027-01-06', 'B'])
    await ok(db, 'mei', ['open', 'approve', '1'])
    const bodies = hook.received.map((r) => r.body)
    expect(bodies.map((b) => b.event)).toEqual(['leave.request', 'leave.approve', 'claim.request', 'claim.approve'])
    expect(bodies[2]).toMatchObject({ people: ['eve'], dates: ['2027-01-06'], shifts: ['B'] })
    expect(bodies[3]).toMatchObject({ people: ['eve'], dates: ['2027-01-06'], shifts: ['B'] })
    expect(new Set(bodies.map((b) => b.id)).size).toBe(4)
  })

  it('a refused change sends nothing and queues nothing', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    const before = fileHash(db)
    const r = await run(db, 'ana', ['swap', 'request', '--date', '2027-01-05', '--with', 'ana'])
    expect(r.code).toBe(2)
    expect(hook.received).toEqual([])
    expect(fileHash(db)).toBe(before)
  })
})

describe('never delivered twice', () => {
  it('ten commands at once, each with its own message: the server counts exactly ten, each once', async () => {
    const hook = await startHook()
    hook.delayMs = 30
    const db = teamDb(hook.url(), { 'notify.timeout-ms': '10000' })
    const days = Array.from({ length: 10 }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')}`)
    const people = ['ana', 'ben', 'chen', 'dev', 'ana', 'ben', 'chen', 'dev', 'ana', 'ben']
    const runs = await Promise.all(days.map((d, i) => run(db, people[i], ['leave', 'request', '--from', d, '--to', d])))
    for (const r of runs) expect(r.code, r.err).toBe(0)
    await ok(db, undefined, ['notify', 'flush'])
    const ids = hook.received.map((r) => r.body.id)
    expect(ids).toHaveLength(10)
    expect(new Set(ids).size).toBe(10)
    expect(new Set(hook.received.map((r) => r.body.dates[0]))).toEqual(new Set(days))
    expect((await list(db)).map((n) => n.status)).toEqual(Array(10).fill('sent'))
  })

  it('three notify flush at once over five held messages: each claims its own, the server gets each once', async () => {
    const port = await downPort()
    const db = teamDb(`http://127.0.0.1:${port}/hook`, { 'notify.timeout-ms': '10000' })
    for (const [i, who] of ['ana', 'ben', 'chen', 'dev', 'ana'].entries()) await ok(db, who, ['leave', 'request', '--from', `2027-02-0${i + 1}`, '--to', `2027-02-0${i + 1}`])
    expect((await list(db)).map((n) => n.status)).toEqual(['failed', 'pending', 'pending', 'pending', 'pending'])
    const hook = await startHook('ok', port)
    hook.delayMs = 150
    const flushes = await Promise.all([1, 2, 3].map(() => ok(db, undefined, ['notify', 'flush'], { json: true })))
    const ids = hook.received.map((r) => r.body.id)
    expect(ids).toHaveLength(5)
    expect(new Set(ids).size).toBe(5)
    expect(flushes.reduce((n, f) => n + f.json.sent, 0)).toBe(5)
    // In order: the oldest first.
    expect(hook.received.map((r) => r.body.dates[0])).toEqual(['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05'])
  })

  it('one message to two webhooks: each receives it once, with the same id', async () => {
    const a = await startHook()
    const b = await startHook()
    const db = teamDb(`${a.url()},${b.url('/other')}`)
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    await ok(db, undefined, ['notify', 'flush'])
    expect(a.received).toHaveLength(1)
    expect(b.received).toHaveLength(1)
    expect(a.received[0]!.body.id).toBe(b.received[0]!.body.id)
    expect(b.received[0]!.url).toBe('/other')
  })
})

describe('the language of the messages', () => {
  it('notify.lang zh-CN, or auto with the command in Chinese: Chinese; auto in English: English', async () => {
    const hook = await startHook()
    const db = teamDb(hook.url())
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'], { lang: 'zh-CN' })
    await ok(db, 'ben', ['leave', 'request', '--from', '2027-02-02', '--to', '2027-02-02'])
    await ok(db, 'mei', ['config', 'set', 'notify.lang', 'zh-CN'])
    await ok(db, 'chen', ['leave', 'request', '--from', '2027-02-03', '--to', '2027-02-03'])
    expect(hook.received.map((r) => r.body.text)).toEqual([
      '请假 #1 由 ana 申请：ana 在 2027-02-01 请假。',
      'Leave #2 requested by ben: ben away on 2027-02-02.',
      '请假 #3 由 chen 申请：chen 在 2027-02-03 请假。',
    ])
    expect(hook.received[0]!.body.next).toBe('组长：请批准或驳回（roster leave approve 1 / roster leave reject 1）。')
  })
})

describe("a webhook's secret never shows", () => {
  const SECRET = 'XyZ9secretTOKEN1234567'

  it('not in config get, config list, config set, the audit log, notify list or an error', async () => {
    const port = await downPort()
    const url = `http://127.0.0.1:${port}/services/T0001/B0002/${SECRET}`
    const db = rosterDb()
    const set = await ok(db, 'mei', ['config', 'set', 'notify.webhook', url])
    expect(set.out).toBe(`notify.webhook = http://127.0.0.1:${port}/services/T0001/B0002/*** (was none)\n`)
    const outputs: string[] = [set.out, set.err]
    for (const args of [['config', 'get', 'notify.webhook'], ['config', 'get'], ['config', 'list'], ['log'], ['notify', 'list']]) {
      for (const json of [false, true]) {
        const r = await ok(db, 'mei', args, { json })
        outputs.push(r.out, r.err)
      }
    }
    await ok(db, 'ana', ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])
    const listed = await ok(db, undefined, ['notify', 'list'], { json: true })
    outputs.push(listed.out)
    expect(listed.json.notifications[0].webhook).toBe(`http://127.0.0.1:${port}/services/T0001/B0002/***`)
    const get = await ok(db, undefined, ['config', 'get', 'notify.webhook'], { json: true })
    expect(get.json).toEqual({ key: 'notify.webhook', value: `http://127.0.0.1:${port}/services/T0001/B0002/***` })
    const log = (await ok(db, undefined, ['log'], { json: true })).json.entries.find((e: any) => e.action === 'config.set')
    expect(log.after).toBe(`http://127.0.0.1:${port}/services/T0001/B0002/***`)
    // An error that repeats a refused value masks it too.
    const bad = await run(db, 'mei', ['config', 'set', 'notify.webhook', `ftp://files.example/?key=${SECRET}`])
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('roster: notify.webhook must be one or more http:// or https:// URLs, comma-separated (or "none"), not "ftp://files.example/?key=***".\n')
    outputs.push(bad.err)
    for (const o of outputs) expect(o).not.toContain(SECRET)
    // The secret is kept where delivery needs it: the database.
    expect(sql(db, (d) => d.prepare("SELECT value FROM config WHERE key = 'notify.webhook'").get())).toEqual({ value: url })
  })
})

describe('bad input: exit 2, the database byte-identical', () => {
  it.each([
    [['config', 'set', 'notify.format', 'teams'], 'notify.format must be json, slack, wecom, dingtalk or feishu, not "teams".'],
    [['config', 'set', 'notify.webhook', 'not a url'], 'notify.webhook must be one or more http:// or https:// URLs'],
    [['config', 'set', 'notify.webhook', 'http://a/1,http://a/2,http://a/3,http://a/4,http://a/5,http://a/6'], 'notify.webhook takes at most 5 URLs, not 6.'],
    [['config', 'set', 'notify.timeout-ms', '50'], 'notify.timeout-ms must be a whole number of milliseconds from 100 to 30000, not "50".'],
    [['config', 'set', 'notify.lang', 'fr'], 'notify.lang must be auto, en or zh-CN, not "fr".'],
    [['notify', 'list', '--status', 'lost'], 'lost'],
    [['notify', 'list', '--limit', '0'], '--limit'],
  ])('%j', (args, says) => {
    const db = rosterDb()
    const before = fileHash(db)
    const r = roster(args, { db, as: 'mei', now: NOW })
    expect(r.code, r.err).toBe(2)
    expect(r.err).toContain(says)
    expect(r.out).toBe('')
    expect(fileHash(db)).toBe(before)
  })

  it('says it in Chinese under --lang zh-CN', () => {
    const db = rosterDb()
    const r = roster(['--lang', 'zh-CN', 'config', 'set', 'notify.format', 'teams'], { db, as: 'mei', now: NOW })
    expect(r.code).toBe(2)
    expect(r.err).toBe('roster 错误：notify.format 必须是 json、slack、wecom、dingtalk 或 feishu，而不是 "teams"。\n')
  })
})

describe('with no webhook configured', () => {
  /** The HTTP modules a command loaded (node:http, https), found by a preload script. (Not net: piped stdio loads it.) */
  function networkModules(db: string, args: string[]): string[] {
    const dir = tempDir('notify-load')
    const preload = join(dir, 'preload.cjs')
    const out = join(dir, 'loaded.json')
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (http|https|_http_client)$/.test(m)))))\n`)
    const r = roster(args, { db, as: 'ana', now: NOW, env: { NODE_OPTIONS: `--require ${preload}` } })
    expect(r.code, r.err).toBe(0)
    return JSON.parse(require('node:fs').readFileSync(out, 'utf8'))
  }

  it('a change queues nothing and loads no network module; with a webhook it does (so the check can fail)', async () => {
    const db = rosterDb()
    expect(networkModules(db, ['leave', 'request', '--from', '2027-02-01', '--to', '2027-02-01'])).toEqual([])
    expect(sql(db, (d) => d.prepare('SELECT COUNT(*) AS n FROM outbox').get())).toEqual({ n: 0 })
    expect(roster(['notify', 'flush'], { db, now: NOW }).out).toBe('Notifications are off: set a webhook with roster config set notify.webhook <url>.\n')
    const port = await downPort()
    sql(db, (d) => d.prepare("INSERT INTO config (key, value) VALUES ('notify.webhook', ?)").run(`http://127.0.0.1:${port}/hook`))
    expect(networkModules(db, ['leave', 'request', '--from', '2027-02-03', '--to', '2027-02-03'])).toContain('NativeModule http')
  })
})
