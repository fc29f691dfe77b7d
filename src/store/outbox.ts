// The notification outbox (SPEC 12): messages written in the transaction of
// the change they tell of, claimed by one command at a time for delivery, and
// marked sent or failed. SQL for SQLite and PostgreSQL alike.

import type { NotifyFormat } from '../domain/notify.js'
import type { Sql } from './sql.js'

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed'

export interface OutboxMessage {
  id: number
  /** The message's stable id: the Idempotency-Key of every attempt. */
  messageId: string
  event: string
  webhook: string
  format: NotifyFormat
  /** The request body, as sent. */
  body: string
  /** The message's sentence. */
  text: string
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: string
  leaseUntil: string | null
  sentAt: string | null
}

export interface NewOutboxMessage {
  messageId: string
  event: string
  webhook: string
  format: NotifyFormat
  body: string
  text: string
  createdAt: string
}

interface OutboxRow {
  id: number
  message_id: string
  event: string
  webhook: string
  format: string
  body: string
  text: string
  status: string
  attempts: number
  last_error: string | null
  created_at: string
  lease_until: string | null
  sent_at: string | null
}

function rowToMessage(r: OutboxRow): OutboxMessage {
  return {
    id: Number(r.id), messageId: r.message_id, event: r.event, webhook: r.webhook, format: r.format as NotifyFormat,
    body: r.body, text: r.text, status: r.status as OutboxStatus, attempts: Number(r.attempts), lastError: r.last_error,
    createdAt: r.created_at, leaseUntil: r.lease_until, sentAt: r.sent_at,
  }
}

const COLUMNS = 'id, message_id, event, webhook, format, body, text, status, attempts, last_error, created_at, lease_until, sent_at'

export function outboxStore(sql: Sql) {
  return {
    /** Queues one message for one webhook; returns its row id. */
    insert(m: NewOutboxMessage): number {
      const row = sql.get<{ id: number }>(
        `INSERT INTO outbox (message_id, event, webhook, format, body, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [m.messageId, m.event, m.webhook, m.format, m.body, m.text, m.createdAt],
      )
      return Number(row!.id)
    },

    /**
     * Claims up to `limit` due messages for delivery: marks them `sending` until
     * `leaseUntil`, in one write transaction, so a second command running at the
     * same time claims other rows or none. Oldest first.
     */
    claimDue(now: string, leaseUntil: string, webhooks: readonly string[], limit: number): OutboxMessage[] {
      return sql.transaction(() => {
        // Due at `now`: never sent, failed before, or claimed by a command whose lease ran out (it died).
        // Messages for a webhook no longer configured stay held (notify list shows them).
        const ids = sql.all<{ id: number; webhook: string }>(`SELECT id, webhook FROM outbox WHERE (status IN ('pending', 'failed') OR (status = 'sending' AND lease_until < @now)) ORDER BY id`, { now })
          .filter((r) => webhooks.includes(r.webhook)).slice(0, limit)
        if (!ids.length) return []
        const claimed: OutboxMessage[] = []
        for (const { id } of ids) {
          const r = sql.get<OutboxRow>(
            `UPDATE outbox SET status = 'sending', lease_until = @leaseUntil WHERE id = @id AND (status IN ('pending', 'failed') OR (status = 'sending' AND lease_until < @now)) RETURNING ${COLUMNS}`,
            { id: Number(id), now, leaseUntil },
          )
          if (r) claimed.push(rowToMessage(r))
        }
        return claimed
      })
    },

    /** Delivered: never sent again. Only the command holding the claim may mark it. */
    markSent(id: number, at: string): boolean {
      return sql.run(`UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'sending'`, [at, id]).changes === 1
    },

    /** Not delivered: held for the next command, with the (masked) reason. */
    markFailed(id: number, error: string): boolean {
      return sql.run(`UPDATE outbox SET status = 'failed', lease_until = NULL, attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'sending'`, [error.slice(0, 500), id]).changes === 1
    },

    /** Claimed but not tried (no time left): back to what it was, no attempt counted. */
    release(id: number): boolean {
      return sql.run(`UPDATE outbox SET status = CASE WHEN attempts > 0 THEN 'failed' ELSE 'pending' END, lease_until = NULL WHERE id = ? AND status = 'sending'`, [id]).changes === 1
    },

    /** The latest messages, newest last; `status` filters. */
    list(f: { status?: OutboxStatus; limit?: number } = {}): OutboxMessage[] {
      const limit = f.limit ?? 100
      const rows = f.status
        ? sql.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?`, [f.status, limit])
        : sql.all<OutboxRow>(`SELECT ${COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?`, [limit])
      return rows.map(rowToMessage).reverse()
    },

    /** How many messages wait for delivery (pending, failed, or being sent). */
    countHeld(): number {
      const r = sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'`)
      return Number(r?.n ?? 0)
    },

    /** The stored `notify.*` settings (raw; the domain parses them). */
    settingValues(): Map<string, string> {
      const rows = sql.all<{ key: string; value: string }>(`SELECT key, value FROM config WHERE key IN ('notify.webhook', 'notify.format', 'notify.timeout-ms', 'notify.lang')`)
      return new Map(rows.map((r) => [r.key, r.value]))
    },
  }
}

export type OutboxStore = ReturnType<typeof outboxStore>
