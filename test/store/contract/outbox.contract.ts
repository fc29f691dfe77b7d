// The outbox area's contract: what every Store implementation (SQLite today,
// PostgreSQL next) must do with notifications waiting for delivery.

import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/store/store.js'
import type { NewOutboxMessage } from '../../../src/store/outbox.js'

const T0 = '2027-01-04T09:00:00.000Z'
const T1 = '2027-01-04T09:00:05.000Z'
const LEASE = '2027-01-04T09:00:32.000Z'
const AFTER_LEASE = '2027-01-04T09:01:00.000Z'
const HOOK = 'http://127.0.0.1:9/hook'

function msg(n: number, over: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return { messageId: `m-${n}`, event: 'swap.request', webhook: HOOK, format: 'json', body: `{"n":${n}}`, text: `message ${n}`, createdAt: T0, ...over }
}

export function outboxContract(make: () => Store): void {
  describe('outbox', () => {
    it('queues messages and lists them oldest first, pending with no attempt', () => {
      const store = make()
      const a = store.outbox.insert(msg(1))
      const b = store.outbox.insert(msg(2))
      expect(b).toBeGreaterThan(a)
      expect(store.outbox.list().map((m) => [m.messageId, m.status, m.attempts, m.lastError])).toEqual([['m-1', 'pending', 0, null], ['m-2', 'pending', 0, null]])
      expect(store.outbox.countHeld()).toBe(2)
    })

    it('refuses the same message twice for one webhook, and takes it for another', () => {
      const store = make()
      store.outbox.insert(msg(1))
      expect(() => store.outbox.insert(msg(1))).toThrow()
      store.outbox.insert(msg(1, { webhook: 'http://127.0.0.1:9/other' }))
      expect(store.outbox.list()).toHaveLength(2)
    })

    it('a claim takes due messages once: a second claim before the lease ends gets none', () => {
      const store = make()
      store.outbox.insert(msg(1))
      store.outbox.insert(msg(2))
      const first = store.outbox.claimDue(T0, LEASE, [HOOK], 10)
      expect(first.map((m) => [m.messageId, m.status, m.leaseUntil])).toEqual([['m-1', 'sending', LEASE], ['m-2', 'sending', LEASE]])
      expect(store.outbox.claimDue(T1, LEASE, [HOOK], 10)).toEqual([])
    })

    it('a claim whose lease ran out (its command died) is due again', () => {
      const store = make()
      store.outbox.insert(msg(1))
      store.outbox.claimDue(T0, LEASE, [HOOK], 10)
      expect(store.outbox.claimDue(AFTER_LEASE, '2027-01-04T09:02:00.000Z', [HOOK], 10).map((m) => m.messageId)).toEqual(['m-1'])
    })

    it('claims at most `limit`, oldest first, and only for the webhooks given', () => {
      const store = make()
      store.outbox.insert(msg(1, { webhook: 'http://127.0.0.1:9/gone' }))
      store.outbox.insert(msg(2))
      store.outbox.insert(msg(3))
      expect(store.outbox.claimDue(T0, LEASE, [HOOK], 1).map((m) => m.messageId)).toEqual(['m-2'])
      expect(store.outbox.list({ status: 'pending' }).map((m) => m.messageId)).toEqual(['m-1', 'm-3'])
    })

    it('sent is final: never claimed again', () => {
      const store = make()
      const id = store.outbox.insert(msg(1))
      store.outbox.claimDue(T0, LEASE, [HOOK], 10)
      expect(store.outbox.markSent(id, T1)).toBe(true)
      expect(store.outbox.list()[0]).toMatchObject({ status: 'sent', attempts: 1, sentAt: T1, leaseUntil: null })
      expect(store.outbox.claimDue(AFTER_LEASE, '2027-01-04T09:02:00.000Z', [HOOK], 10)).toEqual([])
      expect(store.outbox.countHeld()).toBe(0)
      // Only the holder of a claim marks it: a sent message cannot be marked again.
      expect(store.outbox.markSent(id, T1)).toBe(false)
      expect(store.outbox.markFailed(id, 'late')).toBe(false)
    })

    it('failed keeps the attempt and the reason, and is due again at once', () => {
      const store = make()
      const id = store.outbox.insert(msg(1))
      store.outbox.claimDue(T0, LEASE, [HOOK], 10)
      expect(store.outbox.markFailed(id, 'HTTP 500')).toBe(true)
      expect(store.outbox.list()[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 500', leaseUntil: null })
      expect(store.outbox.claimDue(T1, LEASE, [HOOK], 10).map((m) => m.attempts)).toEqual([1])
    })

    it('release hands a claimed message back untried: no attempt counted', () => {
      const store = make()
      const id = store.outbox.insert(msg(1))
      store.outbox.claimDue(T0, LEASE, [HOOK], 10)
      expect(store.outbox.release(id)).toBe(true)
      expect(store.outbox.list()[0]).toMatchObject({ status: 'pending', attempts: 0, leaseUntil: null })
    })

    it('reads the stored notify.* settings and nothing else', () => {
      const store = make()
      expect(store.outbox.settingValues()).toEqual(new Map())
    })
  })
}
