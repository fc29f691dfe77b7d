// roster open list [--from --to] [--claims] | claims [--status] | claim <date> <shift> [--reason]
//             | approve <claim-id> | reject <claim-id>
// Open shifts (short of their headcount after leave, a removal or assign
// --unassign) and the claims staff make to take them.

import type { Command } from 'commander'
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../../domain/cover/claims.js'
import { findOpenShifts, type OpenShift } from '../../../domain/cover/open-shifts.js'
import { addDays } from '../../../domain/dates.js'
import type { IsoDate } from '../../../domain/types.js'
import { UsageError } from '../../../errors.js'
import type { Messages } from '../../../i18n/index.js'
import { suggestApprover } from '../../approver.js'
import type { App } from '../../app.js'
import type { Ctx } from '../../context.js'
import { renderTable } from '../../render/table.js'
import { parseReason } from '../swap/request.js'
import { dayLabel } from '../swap/render.js'
import { approveClaim, claimOpenShift, rejectClaim } from './claims.js'

export function registerOpen(program: Command, app: App): void {
  const open = program.command('open').description('open shifts (short of their headcount) and the claims to take them')

  open
    .command('list')
    .description('the open shifts from today to the last day of the roster')
    .option('--from <date>', 'first day (default: today)')
    .option('--to <date>', 'last day (default: the last assigned day)')
    .option('--claims', 'also list the claims of those days')
    .action(app.action((ctx, _args, raw) => {
      const range = openRange(ctx, raw)
      const open = range ? runOpenList(ctx, range.from, range.to) : []
      const claims = raw.claims && range ? ctx.store().claims.list({ from: range.from, to: range.to }) : null
      ctx.out({ open, ...(claims ? { claims: claims.map(claimJson) } : {}) }, () => {
        const t = ctx.t
        const parts = [range ? renderOpenShifts(open, range, t, ctx.color) : t.open.noRoster]
        if (claims) parts.push(`${t.open.claimsTitle}\n${renderClaims(claims, t, ctx.color)}`)
        return parts.join('\n')
      })
    }))

  open
    .command('claims')
    .description('the claims of open shifts, newest days last')
    .option('--status <status>', 'only claims in that state: pending, approved or rejected')
    .option('--staff <staff-id>', "only that person's claims")
    .action(app.action((ctx, _args, raw) => {
      let status: ClaimStatus | undefined
      if (raw.status !== undefined) {
        const s = String(raw.status)
        if (!(CLAIM_STATUSES as readonly string[]).includes(s)) throw new UsageError((m) => m.errors.usage.statusOneOf(CLAIM_STATUSES, s), 'usage')
        status = s as ClaimStatus
      }
      const staff = raw.staff === undefined ? undefined : ctx.staff(String(raw.staff)).id
      const claims = ctx.store().claims.list({ ...(status ? { status } : {}), ...(staff ? { staff } : {}) })
      ctx.out({ claims: claims.map(claimJson) }, () => renderClaims(claims, ctx.t, ctx.color))
    }))

  open
    .command('claim <date> <shift>')
    .description('offer to take an open shift (checked against the roster rules; a lead approves, or open.auto-approve does)')
    .option('--reason <text>', 'a note for the lead')
    .action(app.action((ctx, [date, shift], raw) => {
      const reason = raw.reason === undefined ? null : parseReason(String(raw.reason), '--reason')
      const claim = claimOpenShift(ctx, { date: ctx.date(date!, 'The date'), shift: shift!, reason })
      ctx.out({ claim: claimJson(claim) }, () => claim.status === 'approved'
        ? ctx.t.open.autoApproved(claim.id, claim.staff, claim.shift, claim.date)
        : ctx.t.open.claimed(claim.id, claim.staff, claim.shift, claim.date, suggestApprover(ctx, [claim.staff])))
    }))

  for (const step of ['approve', 'reject'] as const) {
    open
      .command(`${step} <claim-id>`)
      .description(step === 'approve' ? 'approve a claim: the rules are checked again and the person is put on the shift' : 'refuse a claim')
      .action(app.action((ctx, [id]) => {
        const n = claimId(id!)
        const claim = step === 'approve' ? approveClaim(ctx, n) : rejectClaim(ctx, n)
        ctx.out({ claim: claimJson(claim) }, () => (step === 'approve' ? ctx.t.open.approved : ctx.t.open.rejected)(claim.id, claim.staff, claim.shift, claim.date))
      }))
  }
}

function claimId(raw: string): number {
  const t = raw.trim()
  if (!/^\d{1,15}$/.test(t) || Number(t) < 1) throw new UsageError((m) => m.errors.open.badId(raw), 'usage')
  return Number(t)
}

/**
 * The days open shifts are looked for on: --from (default today, or the
 * roster's first day when it starts later) to --to (default the last assigned
 * day); null when there is no roster on or after the start.
 */
export function openRange(ctx: Ctx, raw: Record<string, unknown>): { from: IsoDate; to: IsoDate } | null {
  const from = raw.from === undefined ? undefined : ctx.date(String(raw.from), '--from')
  const to = raw.to === undefined ? undefined : ctx.date(String(raw.to), '--to')
  if (from && to && to < from) throw new UsageError((m) => m.errors.usage.toBeforeFrom(to, from))
  if (from && to && to > addDays(from, 366)) throw new UsageError((m) => m.errors.usage.rangeTooLong(from, to, 366))
  const bounds = ctx.store().assignments.bounds()
  const today = ctx.today()
  const start = from ?? (bounds && bounds.from > today ? bounds.from : today)
  const end = to ?? bounds?.to
  if (!end || end < start) return null
  return { from: start, to: end > addDays(start, 366) ? addDays(start, 366) : end }
}

/** The open shifts from `from` to `to`. */
export function runOpenList(ctx: Ctx, from: IsoDate, to: IsoDate): OpenShift[] {
    return findOpenShifts(ctx.store().shifts.active(), ctx.store().assignments.find(from, to), from, to)
}

/** A claim as --json prints it. */
export function claimJson(c: Claim) {
  return { id: c.id, date: c.date, shift: c.shift, staff: c.staff, status: c.status, auto: c.auto, reason: c.reason, createdAt: c.createdAt, decidedBy: c.decidedBy }
}

function renderOpenShifts(open: readonly OpenShift[], range: { from: IsoDate; to: IsoDate }, t: Messages, color: boolean): string {
  if (!open.length) return t.open.none
  const table = renderTable({ head: [t.open.date, t.open.shift, t.open.missing], rows: open.map((o) => [dayLabel(o.date, t), o.shift, String(o.missing)]), color, numeric: [2] })
  return `${t.open.title(range.from, range.to)}\n${table}\n${t.open.hint}`
}

function renderClaims(claims: readonly Claim[], t: Messages, color: boolean): string {
  if (!claims.length) return t.open.noClaims
  return renderTable({
    head: [t.open.id, t.open.date, t.open.shift, t.open.staff, t.open.status],
    rows: claims.map((c) => [String(c.id), dayLabel(c.date, t), c.shift, c.staff, c.auto ? `${t.open.claimStatus[c.status]} (${t.open.auto})` : t.open.claimStatus[c.status]]),
    color,
    numeric: [0],
  })
}
