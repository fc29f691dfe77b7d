// Delivery of the outbox after a command's commit (SPEC 12): claim the due
// messages in one transaction (so two commands never send the same one),
// send each webhook's messages in order within one time budget, and mark
// each sent or failed. A webhook that is down, slow or answers an error
// costs at most the budget and loses nothing: its messages stay held, with
// the attempt counted and the reason (its secret masked), for the next
// command or `roster notify flush`.

import { maskSecrets, type NotifySettings } from '../domain/notify.js'
import type { OutboxMessage } from '../store/outbox.js'
import type { Store } from '../store/store.js'
import type { WebhookAnswer, WebhookSender } from './http.js'

export interface DeliveryOptions {
  send: WebhookSender
  /** The real clock (leases are compared across processes). */
  now(): Date
  /** At most this many messages per run. */
  limit?: number
}

export interface DeliveryReport {
  /** Delivered in this run. */
  sent: number
  /** Tried in this run and not delivered. */
  failed: number
  /** Still waiting after this run (failed, pending, or claimed by another command). */
  held: number
}

/** How long past the budget a claim holds: a command that dies while sending frees its messages after this. */
const LEASE_MARGIN_MS = 30_000

/** Sends what is due to the configured webhooks; never throws for a webhook's failure. */
export async function deliverOutbox(store: Store, settings: NotifySettings, o: DeliveryOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, held: 0 }
  if (!settings.webhooks.length) return report
  const start = o.now().getTime()
  const deadline = start + settings.timeoutMs
  const claimed = store.outbox.claimDue(new Date(start).toISOString(), new Date(deadline + LEASE_MARGIN_MS).toISOString(), settings.webhooks, o.limit ?? 50)
  // One queue per webhook, oldest first: a chat reads its messages in order, and
  // a webhook that fails keeps the rest of its queue for later.
  const queues = new Map<string, OutboxMessage[]>()
  for (const m of claimed) queues.set(m.webhook, [...(queues.get(m.webhook) ?? []), m])
  await Promise.all([...queues.values()].map(async (queue) => {
    let blocked = false
    for (const m of queue) {
      const left = deadline - o.now().getTime()
      if (blocked || left <= 0) {
        store.outbox.release(m.id)
        continue
      }
      const problem = await attempt(m, left, settings.timeoutMs, o.send)
      if (problem === null) {
        store.outbox.markSent(m.id, o.now().toISOString())
        report.sent++
      } else {
        store.outbox.markFailed(m.id, maskSecrets(problem))
        report.failed++
        blocked = true
      }
    }
  }))
  report.held = store.outbox.countHeld()
  return report
}

/** One try: null when delivered, else why not (not yet masked). */
async function attempt(m: OutboxMessage, budgetMs: number, timeoutMs: number, send: WebhookSender): Promise<string | null> {
  const signal = AbortSignal.timeout(budgetMs)
  try {
    const answer = await send(m.webhook, m.body, { 'idempotency-key': m.messageId, 'user-agent': 'roster' }, signal)
    return refusal(m, answer)
  } catch (e) {
    if (signal.aborted) return `no answer within notify.timeout-ms (${timeoutMs} ms)`
    const err = e as { code?: string; message?: string }
    return [err.code, err.message].filter(Boolean).join(': ') || String(e)
  }
}

/**
 * Whether the service refused a message it answered: any status outside
 * 2xx, and for the chat services that answer 200 with an error code in the
 * body (WeCom and DingTalk `errcode`, Feishu `code`), a code other than 0.
 */
export function refusal(m: Pick<OutboxMessage, 'format'>, a: WebhookAnswer): string | null {
  const snippet = a.body.replace(/\s+/g, ' ').trim().slice(0, 200)
  if (a.status < 200 || a.status > 299) return `HTTP ${a.status}${snippet ? `: ${snippet}` : ''}`
  if (m.format === 'wecom' || m.format === 'dingtalk' || m.format === 'feishu') {
    let parsed: unknown
    try {
      parsed = JSON.parse(a.body)
    } catch {
      return null
    }
    const o = parsed as { errcode?: unknown; code?: unknown; StatusCode?: unknown }
    const code = o?.errcode ?? o?.code ?? o?.StatusCode
    if (typeof code === 'number' && code !== 0) return `the service refused it: ${snippet}`
  }
  return null
}
