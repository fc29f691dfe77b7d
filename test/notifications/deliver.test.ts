// deliverOutbox with the sender injected (STYLE 2): what it records when a
// send fails in ways a real server cannot easily be made to (an error that
// repeats the URL). The real-server behaviour is in test/e2e/notify.test.ts.

import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { deliverOutbox, refusal } from '../../src/notifications/deliver.js'
import { DEFAULT_NOTIFY } from '../../src/domain/notify.js'

const URL_WITH_SECRET = 'https://oapi.dingtalk.com/robot/send?access_token=SECRET0123456789abcdef'

describe('deliverOutbox', () => {
  it('keeps a failure\'s reason with the webhook secret masked', async () => {
    const store = sqliteStore(openDatabase(':memory:'))
    store.outbox.insert({ messageId: 'm-1', event: 'leave.request', webhook: URL_WITH_SECRET, format: 'dingtalk', body: '{}', text: 't', createdAt: '2027-01-01T00:00:00.000Z' })
    const report = await deliverOutbox(store, { ...DEFAULT_NOTIFY, webhooks: [URL_WITH_SECRET] }, {
      now: () => new Date('2027-01-01T00:00:01.000Z'),
      send: async (url) => { throw Object.assign(new Error(`request to ${url} failed`), { code: 'EPROTO' }) },
    })
    expect(report).toEqual({ sent: 0, failed: 1, held: 1 })
    const [m] = store.outbox.list()
    expect(m!.lastError).toBe('EPROTO: request to https://oapi.dingtalk.com/robot/send?access_token=*** failed')
  })

  it('sends the message id as the Idempotency-Key, and the same id again on a retry', async () => {
    const store = sqliteStore(openDatabase(':memory:'))
    store.outbox.insert({ messageId: 'm-1', event: 'leave.request', webhook: 'http://hook.example/x', format: 'json', body: '{"id":"m-1"}', text: 't', createdAt: '2027-01-01T00:00:00.000Z' })
    const keys: string[] = []
    let answer = 503
    const send = async (_url: string, _body: string, headers: Readonly<Record<string, string>>) => { keys.push(headers['idempotency-key']!); return { status: answer, body: '' } }
    const settings = { ...DEFAULT_NOTIFY, webhooks: ['http://hook.example/x'] }
    expect(await deliverOutbox(store, settings, { now: () => new Date(), send })).toEqual({ sent: 0, failed: 1, held: 1 })
    answer = 204
    expect(await deliverOutbox(store, settings, { now: () => new Date(), send })).toEqual({ sent: 1, failed: 0, held: 0 })
    expect(await deliverOutbox(store, settings, { now: () => new Date(), send })).toEqual({ sent: 0, failed: 0, held: 0 })
    expect(keys).toEqual(['m-1', 'm-1'])
  })

  it('takes a chat service\'s 200 with a non-zero error code for a refusal, and code 0 for delivered', () => {
    expect(refusal({ format: 'wecom' }, { status: 200, body: '{"errcode":0,"errmsg":"ok"}' })).toBeNull()
    expect(refusal({ format: 'feishu' }, { status: 200, body: '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}' })).toMatch(/refused/)
    expect(refusal({ format: 'dingtalk' }, { status: 200, body: '{"errcode":310000,"errmsg":"keywords not in content"}' })).toMatch(/refused/)
    // The plain json format trusts the status alone: a receiver's own "code" field means nothing here.
    expect(refusal({ format: 'json' }, { status: 200, body: '{"code":7}' })).toBeNull()
    expect(refusal({ format: 'slack' }, { status: 400, body: 'invalid_payload' })).toBe('HTTP 400: invalid_payload')
  })
})

describe('enqueueNotification (what another area calls inside its write)', () => {
  it('queues one row per webhook with one stable id, in the team\'s notify.lang; nothing with no webhook', async () => {
    const { enqueueNotification } = await import('../../src/notifications/outbox.js')
    const db = openDatabase(':memory:')
    const store = sqliteStore(db)
    const event = { kind: 'claim.request' as const, actor: 'dev', ref: 4, people: ['dev'], dates: ['2027-01-12'], shifts: ['C'] }
    expect(enqueueNotification(store, event)).toBeNull()
    expect(store.outbox.list()).toEqual([])
    db.prepare("INSERT INTO config (key, value) VALUES ('notify.webhook', 'http://a.example/x,http://b.example/y'), ('notify.lang', 'zh-CN'), ('notify.format', 'feishu')").run()
    const m = store.transaction(() => enqueueNotification(store, event, { now: new Date('2027-01-01T00:00:00Z'), lang: 'en', newId: () => 'fixed-id' }))
    expect(m).toMatchObject({ id: 'fixed-id', event: 'claim.request', text: '认领 #4 由 dev 提出：dev 想接 2027-01-12 空缺的 C 班。' })
    const rows = store.outbox.list()
    expect(rows.map((r) => [r.messageId, r.webhook, r.format, r.status])).toEqual([
      ['fixed-id', 'http://a.example/x', 'feishu', 'pending'], ['fixed-id', 'http://b.example/y', 'feishu', 'pending'],
    ])
    expect(JSON.parse(rows[0]!.body)).toEqual({ msg_type: 'text', content: { text: `${m!.text}\n${m!.next}` } })
  })
})
