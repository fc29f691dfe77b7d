// roster swap request [--date D1] [--with id] [--payback D2] [--reason text]
// On a terminal, what is missing is asked for; elsewhere it is a usage error.

import { addDays } from '../../../domain/dates.js'
import { findSwapCandidates, type SwapCandidate } from '../../../domain/swaps/candidates.js'
import { checkSwap } from '../../../domain/swaps/index.js'
import { applySwap, shiftsOn, swapRuleWindow, swapWindow } from '../../../domain/swaps/plan.js'
import type { SwapCheckInput, SwapProposal, SwapRecord } from '../../../domain/swaps/types.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import { ConflictError, RuleViolationError, UsageError } from '../../../errors.js'
import { findAssignments } from '../../../store/assignments.js'
import { findAllStaff } from '../../../store/staff.js'
import { findActiveSwapsOf, insertSwap } from '../../../store/swaps.js'
import type { Ctx } from '../../context.js'
import type { Choice } from '../../prompter.js'
import type { Localized } from '../../../errors.js'
import type { Messages } from '../../../i18n/index.js'
import type { Violation } from '../../../domain/types.js'
import { loadRoster, loadSwapInput } from './load.js'
import { dayLabel, describeSwap, renderWeekPreview } from './render.js'

export interface SwapRequestOptions {
  date?: IsoDate
  with?: string
  payback?: IsoDate
  reason?: string
}

export type SwapRequestResult = { swap: SwapRecord } | { swap: null; cancelled: true }

/** How far ahead the prompts look for the requester's shifts and payback dates. */
const UPCOMING_DAYS = 42
const MAX_SHIFT_CHOICES = 30

/** Reads the raw commander options; dates are checked, nothing else is looked up. */
export function parseSwapRequest(ctx: Ctx, raw: Record<string, unknown>): SwapRequestOptions {
  const o: SwapRequestOptions = {}
  if (raw.date !== undefined) o.date = ctx.date(String(raw.date), '--date')
  if (raw.with !== undefined) o.with = String(raw.with)
  if (raw.payback !== undefined) o.payback = ctx.date(String(raw.payback), '--payback')
  if (raw.reason !== undefined) {
    const r = parseReason(String(raw.reason), '--reason')
    if (r !== null) o.reason = r
  }
  return o
}

/** A free-text reason: trimmed, one line, at most 500 characters; empty means none. */
export function parseReason(raw: string, flag: string): string | null {
  const t = raw.trim()
  if (!t) return null
  if ([...t].length > 500) throw new UsageError(`${flag} is too long: at most 500 characters.`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(t)) throw new UsageError(`${flag} contains control characters; use plain text on one line.`)
  return t
}

/** True when missing arguments may be asked for: both ends are a terminal and no --json. */
export function canPrompt(ctx: Ctx): boolean {
  return ctx.deps.stdinIsTTY && ctx.deps.stdout.isTTY && !ctx.json
}

/**
 * Files a swap request for the acting person. Every rule is checked in the
 * same IMMEDIATE transaction as the insert, so two requests at once cannot
 * both slip under the monthly limit.
 */
export async function runSwapRequest(ctx: Ctx, given: SwapRequestOptions): Promise<SwapRequestResult> {
  const me = ctx.actor()
  const o = { ...given }
  if (o.with !== undefined) counterpartOf(ctx, me, o.with)
  const interactive = canPrompt(ctx)
  if (!interactive) {
    if (!o.date) throw new UsageError((t) => t.errors.missingDate, 'missing-argument')
    if (!o.with) throw new UsageError((t) => t.errors.missingWith, 'missing-argument')
  }
  const needsPayback = (date: IsoDate, other: string) => {
    const roster = loadRoster(ctx.db(), date, date)
    return shiftsOn(roster, me.id, date).length > 0 && shiftsOn(roster, other, date).length === 0
  }
  if (interactive && (!o.date || !o.with || (!o.payback && needsPayback(o.date, o.with)))) {
    const chosen = await promptForSwap(ctx, me, o)
    if (!chosen) return { swap: null, cancelled: true }
    Object.assign(o, chosen)
  }
  const date = o.date!
  const other = o.with!
  // On a terminal the prompts found no payback date; the rules below say why.
  if (!interactive && !o.payback && needsPayback(date, other)) {
    throw new UsageError((t) => t.errors.missingPayback(other, date), 'missing-argument')
  }
  const proposal: SwapProposal = { requester: me.id, counterpart: other, date, payback: o.payback ?? null }
  return ctx.write((db) => {
    // Again inside the transaction: the colleague may have left the team meanwhile.
    counterpartOf(ctx, me, other)
    const input = loadSwapInput(db, proposal, ctx.today(), { staff: me, action: 'request' })
    const violations = checkSwap(input)
    if (violations.length) throw new RuleViolationError(violations, refusal(violations, checkCommand(proposal)))
    const swap = insertSwap(db, { ...proposal, reason: o.reason ?? null, createdAt: ctx.now().toISOString() })
    ctx.audit('swap.request', `swap #${swap.id}`, null, { swap })
    return { swap }
  })
}

/** The counterpart, who must exist (else exit 2) and still be on the team. */
function counterpartOf(ctx: Ctx, me: Staff, id: string): Staff {
  const p = ctx.staff(id)
  if (!p.active) throw new ConflictError((t) => t.errors.notOnTeam(id), 'swap.ownership')
  if (p.id === me.id) throw new UsageError((t) => t.errors.withSelf, 'usage')
  return p
}

/** One sentence for a refusal, in any language: the first rule and message, then the others by id (and the dry run that lists them all). */
export function refusal(violations: readonly Violation[], check?: string): Localized {
  return (t) => t.errors.refusedSwap(violations, check)
}

/** The dry run of a proposed swap, as a command that works as printed. */
function checkCommand(p: { requester: string; counterpart: string; date: string; payback: string | null }): string {
  return `roster swap check --date ${p.date} --with ${p.counterpart}${p.payback ? ` --payback ${p.payback}` : ''} --as ${p.requester}`
}

/**
 * Asks for what is missing: the shift (from the requester's upcoming ones),
 * the colleague (only those with whom every rule passes, who swapped least
 * first), the payback date for a cover, a reason; then shows the before/after
 * week and asks for confirmation. Returns null when the person says no.
 */
async function promptForSwap(ctx: Ctx, me: Staff, o: SwapRequestOptions): Promise<Required<Pick<SwapRequestOptions, 'date' | 'with'>> & SwapRequestOptions | null> {
  const prompter = await ctx.deps.prompter()
  const { t } = ctx
  const db = ctx.db()
  const today = ctx.today()
  let date = o.date
  if (!date) {
    const mine = findAssignments(db, today, '9999-12-31', me.id).slice(0, MAX_SHIFT_CHOICES)
    if (!mine.length) throw new ConflictError(`${me.id} has no shift from ${today} on to give away.`, 'swap.ownership')
    const roster = loadRoster(db, today, mine[mine.length - 1]!.date)
    const choices: Choice<IsoDate>[] = mine.map((a) => {
      const h = roster.holidays.find((x) => x.date === a.date)
      return { name: `${dayLabel(a.date, t)}  ${a.shift}${h ? t.swap.holidayChoice(h.name) : ''}`, value: a.date }
    })
    date = await prompter.select(t.swap.askShift, choices)
  }
  let other = o.with
  let payback = o.payback
  const team = findAllStaff(db).filter((s) => s.id !== me.id)
  const range = { from: later(today, addDays(date, -14)), to: addDays(date, UPCOMING_DAYS) }
  const base = candidateBase(ctx, me, team.map((s) => s.id), date, range)
  if (!other) {
    const candidates = findSwapCandidates(base, { requester: me.id, date, colleagues: team.map((s) => s.id), paybackRange: range, ...(payback ? { payback } : {}) })
    if (!candidates.length) {
      // The dry run with one colleague, as a command that works as printed.
      const dryRun = `roster swap check --date ${date} --with ${team[0]?.id ?? me.id} --as ${me.id}`
      throw new ConflictError((tt) => tt.swap.noCandidate(date, dryRun), 'swap.no-candidate')
    }
    const names = new Map(team.map((s) => [s.id, s.name]))
    const chosen = await prompter.select(t.swap.askWho(dayLabel(date, t)), candidates.map((c) => ({ name: candidateLabel(c, names.get(c.counterpart) ?? c.counterpart, t), value: c })))
    other = chosen.counterpart
    if (chosen.kind === 'cover' && !payback) payback = await askPayback(prompter, other, chosen.paybacks, t)
  } else if (!payback) {
    const c = findSwapCandidates(base, { requester: me.id, date, colleagues: [other], paybackRange: range })[0]
    if (c?.kind === 'cover') payback = await askPayback(prompter, other, c.paybacks, t)
    // Otherwise the rules refuse it below and say why.
    else if (!c) return { date, with: other, ...(o.reason ? { reason: o.reason } : {}) }
  }
  let reason = o.reason
  if (reason === undefined) {
    const r = parseReason(await prompter.input(t.swap.askReason, { validate: (v) => { try { parseReason(v, 'The reason'); return true } catch (e) { return (e as Error).message } } }), 'The reason')
    if (r !== null) reason = r
  }
  const proposal: SwapProposal = { requester: me.id, counterpart: other, date, payback: payback ?? null }
  const after = applySwap(base.roster, proposal)
  if (after) {
    ctx.deps.stderr.write(`${describeSwap({ id: 0, ...proposal }, t)}${t.lang === 'en' ? '.' : '。'}\n${renderWeekPreview({ people: [me.id, other], dates: payback ? [date, payback] : [date], before: base.roster.assignments, after: after.assignments, shifts: base.roster.shifts, color: ctx.color, t })}\n`)
  }
  if (!(await prompter.confirm(t.swap.confirm(other), true))) {
    ctx.note(t.swap.nothingRequested)
    return null
  }
  return { date, with: other, ...(payback ? { payback } : {}), ...(reason ? { reason } : {}) }
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

function candidateBase(ctx: Ctx, me: Staff, team: string[], date: IsoDate, range: { from: IsoDate; to: IsoDate }): Omit<SwapCheckInput, 'swap'> {
  const db = ctx.db()
  const config = loadRoster(db, date, date).config
  const lo = swapWindow({ date: range.from < date ? range.from : date, payback: null }, config.maxConsecutiveDays).from
  const hi = swapWindow({ date: range.to > date ? range.to : date, payback: null }, config.maxConsecutiveDays).to
  return {
    roster: loadRoster(db, lo, hi),
    swaps: findActiveSwapsOf(db, [me.id, ...team], swapRuleWindow(date, [range.from, range.to])),
    today: ctx.today(),
    actor: { staff: me, action: 'request' },
  }
}

function candidateLabel(c: SwapCandidate, name: string, t: Messages): string {
  const load = t.swap.load(c.swapsThisMonth)
  if (c.kind === 'exchange') return t.swap.exchangeChoice(c.counterpart, name, c.theirShift, load)
  return t.swap.coverChoice(c.counterpart, name, c.paybacks.length, load)
}

async function askPayback(prompter: Awaited<ReturnType<Ctx['deps']['prompter']>>, other: string, dates: IsoDate[], t: Messages): Promise<IsoDate> {
  if (!dates.length) throw new ConflictError(`There is no date on which you could pay ${other} back without breaking a rule.`, 'swap.no-candidate')
  return prompter.select(t.swap.askPayback(other), dates.map((d) => ({ name: dayLabel(d, t), value: d })))
}

