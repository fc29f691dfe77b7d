// Queuing a notification: one outbox row per configured webhook, written
// through the Store in the caller's transaction (the change and its message
// commit together or not at all). Delivery happens after the commit
// (deliver.ts).

import { notifySettingsFromValues, type NotifyEvent } from '../domain/notify.js'
import type { Store } from '../store/store.js'
import { messagesFor, type Lang } from '../i18n/index.js'
import { buildMessage, renderBody, type NotifyMessage } from './format.js'

export interface EnqueueOptions {
  /** The real time of the change (the outbox's clock is always the real one: leases compare across processes); default: now. */
  now?: Date
  /** The language of the command that made the change: used when notify.lang is auto; default English. */
  lang?: Lang
  /** Makes the message's stable id (tests pass their own). */
  newId?: () => string
}

/**
 * Queues one message telling of `event` for every configured webhook, inside
 * the caller's transaction. With no webhook configured it writes nothing and
 * returns null. Any area that changes state (swaps, leave, claims, rosters)
 * calls this inside its write; `ctx.notify(event)` is the short way.
 */
export function enqueueNotification(store: Store, event: NotifyEvent, o: EnqueueOptions = {}): NotifyMessage | null {
  const settings = notifySettingsFromValues(store.outbox.settingValues())
  if (!settings.webhooks.length) return null
  const lang = settings.lang === 'auto' ? (o.lang ?? 'en') : settings.lang
  const id = (o.newId ?? (() => globalThis.crypto.randomUUID()))()
  const message = buildMessage(id, event, messagesFor(lang).notify)
  const body = JSON.stringify(renderBody(message, settings.format))
  for (const webhook of settings.webhooks) {
    store.outbox.insert({ messageId: id, event: event.kind, webhook, format: settings.format, body, text: message.text, createdAt: (o.now ?? new Date()).toISOString() })
  }
  return message
}
