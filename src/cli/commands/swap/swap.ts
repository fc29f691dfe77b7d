// roster swap request|accept|decline|approve|reject|cancel|list|ledger|check|form

import type { Command } from 'commander'
import { SWAP_STATUSES, type SwapStatus } from '../../../domain/swaps/transitions.js'
import { RuleViolationError, UsageError } from '../../../errors.js'
import type { SwapFilter } from '../../../store/swaps.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { runSwapCheck } from './check.js'
import { parseSwapId, runSwapStep, type SwapStep } from './decide.js'
import { renderSwapFormHtml } from '../../render/swap-form.js'
import { runSwapForm } from './form.js'
import { refuseDatabaseTarget } from '../../files.js'
import { renderCheck, renderSwapList, renderSwapResult, swapJson, type SwapVerb } from './render.js'
import { parseReason, parseSwapRequest, runSwapRequest } from './request.js'
import { registerSwapLedger } from './ledger.js'
import { writeExport } from '../../write-export.js'
import { wrapIndented } from '../../render/wrap.js'
import { runSwapUndo, type SwapUndoOptions } from './undo.js'
import { suggestApprover } from '../../approver.js'

const STEP_VERBS: Record<SwapStep, SwapVerb> = { accept: 'accepted', decline: 'declined', approve: 'approved', reject: 'rejected', cancel: 'cancelled' }

export function registerSwap(program: Command, app: App): void {
  const swap = program.command('swap').description('shift swaps: request, accept, approve, undo, list, ledger, dry-run check, form')
  swap
    .command('request')
    .description('ask a colleague to take your shift (prompts for what is missing on a terminal)')
    .option('--date <D1>', 'the date of your shift you give away')
    .option('--with <id>', 'the colleague who takes it')
    .option('--payback <D2>', 'for a cover: the date you work their shift in return')
    .option('--reason <text>', 'why (shown to the lead and on the form)')
    .action(app.action(async (ctx, _args, raw) => {
      const r = await runSwapRequest(ctx, parseSwapRequest(ctx, raw))
      // On a terminal the result follows the prompts and fits the screen as they do.
      const fit = (text: string) => (ctx.deps.stdout.isTTY ? wrapIndented(text, ctx.deps.stdout.columns || 80) : text)
      if (r.swap) ctx.out({ swap: swapJson(r.swap) }, () => fit(renderSwapResult(r.swap, 'requested', ctx.t)))
    }))
  for (const [step, help] of [
    ['accept', 'agree to a swap you were asked for (the counterpart only)'],
    ['decline', 'refuse a swap you were asked for (the counterpart only)'],
    ['approve', 'approve an accepted swap and apply it to the roster (a lead or manager who takes no part)'],
    ['reject', 'refuse a swap (a lead or manager who takes no part)'],
    ['cancel', 'withdraw your own request before it is approved'],
  ] as const) {
    const cmd = swap.command(`${step} <swap-id>`).description(help)
    if (step === 'approve' || step === 'reject') cmd.option('--reason <text>', 'why (recorded with the decision)')
    cmd.action(app.action((ctx, [id], raw) => {
      const opts: Parameters<typeof runSwapStep>[1] = { id: parseSwapId(id!), action: step }
      if (raw.reason !== undefined) {
        const r = parseReason(String(raw.reason), '--reason')
        if (r !== null) opts.reason = r
      }
      const r = runSwapStep(ctx, opts)
      ctx.out({ swap: swapJson(r.swap), ...(step === 'approve' ? { removed: r.removed, added: r.added } : {}) }, () => renderSwapResult(r.swap, STEP_VERBS[step], ctx.t, suggestApprover(ctx, [r.swap.requester, r.swap.counterpart])))
    }))
  }
  swap
    .command('undo <swap-id>')
    .description('ask to undo an approved swap you take part in: the other party accepts, a lead approves (swap accept/approve)')
    .option('--reason <text>', 'why (shown to the other party and the lead)')
    .action(app.action((ctx, [id], raw) => {
      const opts: SwapUndoOptions = { id: parseSwapId(id!) }
      if (raw.reason !== undefined) {
        const r = parseReason(String(raw.reason), '--reason')
        if (r !== null) opts.reason = r
      }
      const r = runSwapUndo(ctx, opts)
      ctx.out({ swap: swapJson(r) }, () => renderSwapResult(r, 'requested', ctx.t))
    }))
  swap
    .command('form <swap-id>')
    .description('the printable swap registration form (换班登记表) with signature lines')
    .option('-o, --output <file.html>', 'write the form to this file instead of standard output')
    .option('--pdf', 'print the form to a PDF file (A4) through the Chromium or Chrome on this machine; needs -o')
    .action(app.action(async (ctx, [id], raw) => {
      if (raw.pdf && (raw.output === undefined || String(raw.output).trim() === '')) throw new UsageError((t) => t.print.needsOutput('-o'), 'usage')
      // -o is checked first: it may never name the database, whatever else is wrong.
      if (raw.output !== undefined) refuseDatabaseTarget(ctx.deps.cwd, String(raw.output), ctx.dbPath())
      const form = runSwapForm(ctx, parseSwapId(id!))
      const html = renderSwapFormHtml(form)
      if (raw.pdf) {
        const { printPdf } = await import('../../print-pdf.js')
        const pdf = await printPdf(html, { env: ctx.deps.env, root: process.getuid?.() === 0 })
        const file = writeExport(ctx, String(raw.output), pdf)
        ctx.out({ swap: swapJson(form.swap), lines: form.lines, file }, () => ctx.t.swap.wroteForm(form.swap.id, file))
      } else if (raw.output !== undefined) {
        const file = writeExport(ctx, String(raw.output), html)
        ctx.out({ swap: swapJson(form.swap), lines: form.lines, file }, () => ctx.t.swap.wroteForm(form.swap.id, file))
      } else {
        ctx.out({ swap: swapJson(form.swap), lines: form.lines }, () => html)
      }
    }))
  swap
    .command('list')
    .description('list swaps (no identity needed)')
    .option('--status <s>', `only this status: ${SWAP_STATUSES.join(', ')}`)
    .option('--month <YYYY-MM>', 'only swaps with a date in this month')
    .option('--staff <id>', 'only swaps this person takes part in')
    .action(app.action((ctx, _args, raw) => {
      const list = ctx.store().swaps.list(parseSwapList(ctx, raw))
      ctx.out({ swaps: list.map(swapJson) }, () => renderSwapList(list, ctx.color, ctx.t))
    }))
  registerSwapLedger(swap, app)
  swap
    .command('check')
    .description('dry run: which swap rules pass and fail for giving away your shift (writes nothing)')
    .requiredOption('--date <D1>', 'the date of your shift you would give away')
    .requiredOption('--with <id>', 'the colleague who would take it')
    .option('--payback <D2>', 'for a cover: the date you would work their shift in return')
    .action(app.action((ctx, _args, raw) => {
      const opts: Parameters<typeof runSwapCheck>[1] = { date: ctx.date(String(raw.date), '--date'), with: String(raw.with) }
      if (raw.payback !== undefined) opts.payback = ctx.date(String(raw.payback), '--payback')
      const r = runSwapCheck(ctx, opts)
      ctx.out({ ok: r.ok, rules: r.rules.map(({ id, ok, message }) => ({ id, ok, message })) }, () => renderCheck(r.rules, ctx.color, ctx.t))
      if (!r.ok) {
        const failed = r.rules.filter((x) => !x.ok)
        const rules = failed.map((x) => x.id).join(', ')
        throw new RuleViolationError(failed.flatMap((x) => x.violations), (t) => t.swap.wouldRefuse(rules))
      }
    }))
}

export function parseSwapList(ctx: Ctx, raw: Record<string, unknown>): SwapFilter {
  const f: SwapFilter = {}
  if (raw.status !== undefined) {
    const s = String(raw.status) as SwapStatus
    if (!SWAP_STATUSES.includes(s)) throw new UsageError((m) => m.errors.usage.statusOneOf(SWAP_STATUSES, String(raw.status).slice(0, 20)))
    f.status = s
  }
  if (raw.month !== undefined) f.month = ctx.month(String(raw.month))
  if (raw.staff !== undefined) f.staff = ctx.staff(String(raw.staff)).id
  return f
}
