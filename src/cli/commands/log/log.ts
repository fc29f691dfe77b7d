// roster log [--since <date>]: the audit trail.

import type { Command } from 'commander'
import type { AuditEntry } from '../../../store/audit.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { renderTable } from '../../render/table.js'

export function registerLog(program: Command, app: App): void {
  program
    .command('log')
    .description('the audit trail: who changed what, and when')
    .option('--since <date>', 'only entries from this date on')
    .option('--limit <n>', 'at most this many of the latest entries', '200')
    .action(app.action((ctx, _args, raw) => {
      const since = raw.since === undefined ? '' : ctx.date(String(raw.since), '--since')
      const entries = ctx.store().audit.list(since, intOption(raw.limit, '--limit', 1, 100_000))
      ctx.out({ entries }, () => renderLog(ctx, entries))
    }))
}

function renderLog(ctx: Ctx, entries: AuditEntry[]): string {
  const { t } = ctx
  if (!entries.length) return t.log.empty
  return renderTable({
    head: [t.log.id, t.log.when, t.log.who, t.log.action, t.log.subject],
    rows: entries.map((e) => [
      String(e.id),
      e.at.slice(0, 16).replace('T', ' ') + (e.clock ? t.log.testClock(e.clock.slice(0, 16).replace('T', ' ')) : ''),
      (e.actor ?? '-') + (e.onBehalf && e.osUser ? t.log.onBehalf(e.osUser) : '') + (e.dbRole && e.dbRole !== e.actor ? t.log.dbRole(e.dbRole) : ''),
      e.action,
      e.subject ?? '',
    ]),
    color: ctx.color,
    numeric: [0],
  })
}
