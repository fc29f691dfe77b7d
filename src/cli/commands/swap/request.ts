// roster swap request [--date D1] [--with id] [--payback D2] [--reason text]
// On a terminal, what is missing is asked for; elsewhere it is a usage error.

import { addDays } from '../../../domain/dates.js'
import { anyoneCanTake, assessColleagues, requesterBlocks, type CandidateQuery, type RefusedColleague, type SwapCandidate } from '../../../domain/swaps/candidates.js'
import { checkSwap } from '../../../domain/swaps/index.js'
import { applySwap, shiftsOn, swapRuleWindow, swapWindow } from '../../../domain/swaps/plan.js'
import type { SwapCheckInput, SwapProposal, SwapRecord } from '../../../domain/swaps/types.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import { ConflictError, RosterError, RuleViolationError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { Choice } from '../../prompter.js'
import type { Localized } from '../../../errors.js'
import type { Messages } from '../../../i18n/index.js'
import type { Violation } from '../../../domain/types.js'
import { loadRoster, loadSwapInput } from './load.js'
import { dayLabel, describeSwap, renderWeekPreview } from './render.js'
import { wrapIndented } from '../../render/wrap.js'

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
  if ([...t].length > 500) throw new UsageError((m) => m.errors.reasonTooLong(flag))
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(t)) throw new UsageError((m) => m.errors.reasonControl(flag))
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
    const roster = loadRoster(ctx.store(), date, date)
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
  return ctx.write((store) => {
    // Again inside the transaction: the colleague may have left the team meanwhile.
    counterpartOf(ctx, me, other)
    const input = loadSwapInput(store, proposal, ctx.today(), { staff: me, action: 'request' })
    const violations = checkSwap(input)
    if (violations.length) throw new RuleViolationError(violations, refusal(violations, checkCommand(proposal)))
    const swap = store.swaps.insert({ ...proposal, reason: o.reason ?? null, createdAt: ctx.now().toISOString() })
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
 * Asks for what is missing, offering only what can work: the requester's
 * shifts that some colleague could take under every rule (the others shown
 * dimmed with the reason), the colleagues with whom every rule passes (who
 * swapped least first; the others dimmed with the reason), the payback dates
 * that keep every rule for a cover, a reason; then shows the before/after
 * week and asks for confirmation. Returns null when the person says no.
 */
async function promptForSwap(ctx: Ctx, me: Staff, o: SwapRequestOptions): Promise<Required<Pick<SwapRequestOptions, 'date' | 'with'>> & SwapRequestOptions | null> {
  const { t } = ctx
  const prompter = await ctx.deps.prompter({ t, color: ctx.color })
  const store = ctx.store()
  const today = ctx.today()
  const team = store.staff.all().filter((s) => s.id !== me.id && s.active)
  const names = new Map(team.map((s) => [s.id, s.name]))
  // With --with given, only that colleague is asked about. Otherwise those on
  // the rotation, and anyone off it who works a shift in the weeks looked at
  // (a lead who never works one could never be paid back).
  let colleagues: string[] = o.with ? [o.with] : team.map((s) => s.id)
  const working = (b: SwapBase) => {
    if (!o.with) colleagues = team.filter((s) => s.rotation || b.roster.assignments.some((a) => a.staff === s.id)).map((s) => s.id)
    return b
  }
  const paybackRange = (date: IsoDate) => ({ from: later(today, addDays(date, -14)), to: addDays(date, UPCOMING_DAYS) })
  const query = (date: IsoDate): CandidateQuery => ({ requester: me.id, date, colleagues, paybackRange: paybackRange(date), ...(o.payback ? { payback: o.payback } : {}) })

  let date = o.date
  let base: SwapBase
  if (!date) {
    const mine = store.assignments.find(today, '9999-12-31', me.id).slice(0, MAX_SHIFT_CHOICES)
    if (!mine.length) throw new ConflictError((t) => t.swap.noShiftsAhead(me.id, today), 'swap.ownership')
    base = working(candidateBase(ctx, me, colleagues, mine[0]!.date, mine[mine.length - 1]!.date))
    const choices: Choice<IsoDate>[] = mine.map((a) => {
      // A holiday shift is disabled, and swap.holiday's reason names the holiday.
      const why = whyNotSwappable(base, me.id, query(a.date), t)
      return { name: `${dayLabel(a.date, t)}  ${a.shift}`, value: a.date, ...(why ? { disabled: why } : {}) }
    })
    if (choices.every((c) => c.disabled)) {
      ctx.note(unavailableList(t.swap.noneSwappableList(today), choices, ctx))
      throw new ConflictError((t) => t.swap.noneSwappable(today), 'swap.no-candidate')
    }
    date = await prompter.select(t.swap.askShift, choices)
  } else {
    base = working(candidateBase(ctx, me, colleagues, date, date))
    // A date given by flag that no colleague could take: the rules that say why, as without a terminal.
    const blocks = requesterBlocks(base, me.id, date)
    if (blocks.length) throw new RuleViolationError(blocks, refusal(blocks))
  }

  let other = o.with
  let payback = o.payback
  const range = paybackRange(date)
  const report = assessColleagues(base, query(date))
  if (!other) {
    const refusedChoices = report.refused.map((r) => ({ name: t.swap.colleague(r.counterpart, names.get(r.counterpart) ?? r.counterpart), value: null, disabled: whyRefused(r, range, t) }))
    if (!report.candidates.length) {
      ctx.note(unavailableList(t.swap.noCandidateList(dayLabel(date, t)), refusedChoices, ctx))
      throw new ConflictError((t) => t.swap.noCandidate(date!), 'swap.no-candidate')
    }
    const choices: Choice<SwapCandidate | null>[] = [
      ...report.candidates.map((c) => ({ name: candidateLabel(c, names.get(c.counterpart) ?? c.counterpart, t), value: c })),
      ...refusedChoices,
    ]
    const chosen = (await prompter.select(t.swap.askWho(dayLabel(date, t)), choices))!
    other = chosen.counterpart
    if (chosen.kind === 'cover' && !payback) payback = await prompter.select(t.swap.askPayback(other), chosen.paybacks.map((d) => ({ name: dayLabel(d, t), value: d })))
  } else if (!payback) {
    const c = report.candidates[0]
    if (c?.kind === 'cover') payback = await prompter.select(t.swap.askPayback(other), c.paybacks.map((d) => ({ name: dayLabel(d, t), value: d })))
    else if (!c) {
      // Nothing with that colleague keeps every rule: say why now, before anything else is asked.
      const r = report.refused[0]!
      if (r.violations.length) throw new RuleViolationError(r.violations, refusal(r.violations))
      throw new ConflictError((t) => t.swap.noPayback(other!), 'swap.no-candidate')
    }
  }

  let reason = o.reason
  if (reason === undefined) {
    const validate = (v: string): true | string => {
      try {
        parseReason(v, t.swap.reasonName)
        return true
      } catch (e) {
        return e instanceof RosterError ? e.say(t) : String(e)
      }
    }
    const r = parseReason(await prompter.input(t.swap.askReason, { validate }), t.swap.reasonName)
    if (r !== null) reason = r
  }
  const proposal: SwapProposal = { requester: me.id, counterpart: other, date, payback: payback ?? null }
  const after = applySwap(base.roster, proposal)
  if (after) {
    const width = terminalWidth(ctx)
    const what = wrapIndented(`${describeSwap({ id: 0, ...proposal }, t)}${t.lang === 'en' ? '.' : '。'}`, width)
    ctx.deps.stderr.write(`${what}\n${renderWeekPreview({ people: [me.id, other], dates: payback ? [date, payback] : [date], before: base.roster.assignments, after: after.assignments, shifts: base.roster.shifts, color: ctx.color, t, width })}\n`)
  }
  if (!(await prompter.confirm(t.swap.confirm(other), true))) {
    ctx.note(t.swap.nothingRequested)
    return null
  }
  return { date, with: other, ...(payback ? { payback } : {}), ...(reason ? { reason } : {}) }
}

type SwapBase = Omit<SwapCheckInput, 'swap'>

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

/**
 * What the swap rules need to judge giving away any shift from `first` to
 * `last` to any of `colleagues`: the roster from two weeks before `first`
 * (payback dates may lie before D1) to six weeks after `last`, with the rules'
 * margins, and the active swaps of everyone involved over those months.
 */
function candidateBase(ctx: Ctx, me: Staff, colleagues: readonly string[], first: IsoDate, last: IsoDate): SwapBase {
  const store = ctx.store()
  const today = ctx.today()
  const { maxConsecutiveDays } = ctx.config()
  const lo = later(today, addDays(first, -14))
  const hi = addDays(last, UPCOMING_DAYS)
  const from = swapWindow({ date: lo < first ? lo : first, payback: null }, maxConsecutiveDays).from
  const to = swapWindow({ date: hi, payback: null }, maxConsecutiveDays).to
  return {
    roster: loadRoster(store, from, to),
    swaps: store.swaps.activeOf([me.id, ...colleagues], swapRuleWindow(first, [lo, last, hi])),
    today,
    actor: { staff: me, action: 'request' },
  }
}

/** Why the requester's shift on `q.date` cannot be offered (their own rules first, then nobody to take it), or null. */
function whyNotSwappable(base: SwapBase, me: string, q: CandidateQuery, t: Messages): string | null {
  const blocks = requesterBlocks(base, me, q.date)
  if (blocks.length) return t.violation(blocks[0]!)
  return anyoneCanTake(base, q) ? null : t.swap.nobodyCanTake
}

/** Why a colleague cannot take the shift: the first rule broken whatever the payback date, else why no date works. */
function whyRefused(r: RefusedColleague, range: { from: IsoDate; to: IsoDate }, t: Messages): string {
  if (r.violations.length) return t.violation(r.violations[0]!)
  return r.paybacksTried ? t.swap.noPaybackKeepsRules(r.counterpart, range.from, range.to) : t.swap.noPaybackDay(r.counterpart, range.from, range.to)
}

/** The heading and each choice that cannot be picked with its reason, for when nothing can be (the prompt would have nothing to offer). */
function unavailableList(heading: string, choices: readonly Pick<Choice<unknown>, 'name' | 'disabled'>[], ctx: Ctx): string {
  const width = terminalWidth(ctx)
  return [wrapIndented(heading, width), ...choices.map((c) => wrapIndented(`- ${c.name} ${ctx.t.prompt.disabled(c.disabled ?? '')}`, width, '  '))].join('\n')
}

/** The terminal's width in columns; 80 when it does not say. */
function terminalWidth(ctx: Ctx): number {
  return ctx.deps.stdout.columns || 80
}

function candidateLabel(c: SwapCandidate, name: string, t: Messages): string {
  const load = t.swap.load(c.swapsThisMonth)
  if (c.kind === 'exchange') return t.swap.exchangeChoice(c.counterpart, name, c.theirShift, load)
  return t.swap.coverChoice(c.counterpart, name, c.paybacks.length, load)
}
