// roster notify list | flush: the notification outbox (SPEC 12).

import { Option, type Command } from 'commander'
import { maskSecrets, maskWebhook } from '../../../domain/notify.js'
import type { OutboxMessage, OutboxStatus } from '../../../store/outbox.js'
import type { DeliveryReport } from '../../../notifications/deliver.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { renderTable } from '../../render/table.js'

const STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'failed', 'sent']

export function registerNotify(program: Command, app: App): void {
  const notify = program.command('notify').description('notifications to the team\'s webhooks: list what is held or sent, flush what is held')
  notify
    .command('list')
    .description('the latest notifications: pending, failed (held for a retry) and sent; webhook secrets masked')
    .addOption(new Option('--status <status>', 'only notifications in this state').choices(STATUSES as string[]))
    .option('--limit <n>', 'at most this many of the latest', '50')
    .action(app.action((ctx, _args, raw) => {
      const list = runNotifyList(ctx, { status: raw.status as OutboxStatus | undefined, limit: intOption(raw.limit, '--limit', 1, 10_000) })
      ctx.out({ notifications: list }, () => renderList(ctx, list))
    }))
  notify
    .command('flush')
    .description('deliver the held notifications now (within notify.timeout-ms); what fails stays held')
    .action(app.action(async (ctx) => {
      const r = await runNotifyFlush(ctx)
      if (!r) {
        ctx.out({ sent: 0, failed: 0, held: 0 }, () => ctx.t.notify.flush.off)
        return
      }
      ctx.out(r, () => ctx.t.notify.flush.result(r.sent, r.held))
    }))
}

/** One outbox row as shown: the webhook and the error masked, the body left out. */
export interface NotificationView {
  id: number
  messageId: string
  event: string
  status: OutboxStatus
  attempts: number
  webhook: string
  lastError: string | null
  text: string
  createdAt: string
  sentAt: string | null
}

export function runNotifyList(ctx: Ctx, o: { status?: OutboxStatus; limit: number }): NotificationView[] {
  return ctx.store().outbox.list(o).map(view)
}

function view(m: OutboxMessage): NotificationView {
  return {
    id: m.id, messageId: m.messageId, event: m.event, status: m.status, attempts: m.attempts,
    webhook: maskWebhook(m.webhook), lastError: m.lastError === null ? null : maskSecrets(m.lastError),
    text: m.text, createdAt: m.createdAt, sentAt: m.sentAt,
  }
}

/** Delivers what is held now; null when no webhook is configured. */
export async function runNotifyFlush(ctx: Ctx): Promise<DeliveryReport | null> {
  return ctx.deliverNotifications(true)
}

function renderList(ctx: Ctx, list: NotificationView[]): string {
  const t = ctx.t.notify
  if (!list.length) return t.list.empty
  return renderTable({
    head: [t.list.id, t.list.created, t.list.event, t.list.status, t.list.attempts, t.list.webhook, t.list.error],
    rows: list.map((n) => [String(n.id), n.createdAt.slice(0, 16).replace('T', ' '), n.event, t.status[n.status] ?? n.status, String(n.attempts), n.webhook, n.lastError ?? '']),
    color: ctx.color,
    numeric: [0, 4],
  })
}
