// roster wish add [--staff <id>] (--date <d>[..<d>] | --weekday <mon..sun>) (--off | --shift <code> | --not <code>) [--weight 1-10] [--reason]
// roster wish list [--staff <id>] [--from --to | --month]
// roster wish remove <wish-id>
//
// Staff add and remove their own wishes; a lead or manager may for anyone (SPEC 9).

import type { Command } from 'commander'
import { monthRange, resolveDateWord } from '../../../domain/dates.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import { DEFAULT_WEIGHT, parseSpan, parseWeekday, parseWeight, validateWish, WEEKDAY_NAMES, type Wish, type WishDraft, type WishKind, type WishProblem } from '../../../domain/wishes/wish.js'
import { ConflictError, NotFoundError, UsageError } from '../../../errors.js'
import type { Messages } from '../../../i18n/index.js'
import type { WishFilter } from '../../../store/wishes.js'
import type { App } from '../../app.js'
import type { Ctx } from '../../context.js'
import { renderTable } from '../../render/table.js'
import { parseBetween } from '../show/range.js'
import { parseReason } from '../swap/request.js'

/** What `wish add` was asked, parsed: the staff member is checked when it runs. */
export interface WishAddOptions {
  staff?: string
  /** A span of dates, or a weekday (0 = Monday). */
  when: { from: IsoDate; to: IsoDate } | { weekday: number }
  kind: WishKind
  shift: string | null
  weight: number
  reason: string | null
}

export function registerWish(program: Command, app: App): void {
  const wish = program.command('wish').description('wishes: days off and shifts you would like; generate grants as many as it can, fairly')
  wish
    .command('add')
    .description('add a wish (your own; a lead may for anyone)')
    .option('--staff <id>', 'whose wish (default: you)')
    .option('--date <date>', 'the day, or days as <d1>..<d2>')
    .option('--weekday <day>', 'every such weekday: mon, tue, wed, thu, fri, sat or sun')
    .option('--off', 'a day off, please')
    .option('--shift <code>', 'that shift, please')
    .option('--not <code>', 'not that shift, please')
    .option('--weight <n>', 'how much it matters, 1-10', String(DEFAULT_WEIGHT))
    .option('--reason <text>', 'why (shown to the lead)')
    .action(app.action((ctx, _args, raw) => {
      const w = runWishAdd(ctx, parseWishAdd(ctx, raw))
      ctx.out({ wish: wishJson(w) }, () => ctx.t.wish.added(w.id, w.staff, describeWish(w, ctx.t)))
    }))
  wish
    .command('list')
    .description('list wishes (no identity needed)')
    .option('--staff <id>', "only this person's wishes")
    .option('--from <date>', 'wishes on or after this day (weekly ones always)')
    .option('--to <date>', 'wishes on or before this day (weekly ones always)')
    .option('--month <YYYY-MM>', 'wishes in a calendar month (weekly ones always)')
    .action(app.action((ctx, _args, raw) => {
      const list = ctx.store().wishes.list(parseWishList(ctx, raw))
      ctx.out({ wishes: list.map(wishJson) }, () => renderWishList(list, ctx.color, ctx.t))
    }))
  wish
    .command('remove <wish-id>')
    .description('remove a wish (your own; a lead may remove anyone\'s)')
    .action(app.action((ctx, [id]) => {
      const w = runWishRemove(ctx, parseWishId(id!))
      ctx.out({ wish: wishJson(w), removed: true }, () => ctx.t.wish.removed(w.id, w.staff, describeWish(w, ctx.t)))
    }))
}

/** SPEC 9: {id, staff, date | weekday, kind, shift, weight, reason}; a span of days adds `to`. */
export function wishJson(w: Wish) {
  return {
    id: w.id,
    staff: w.staff,
    ...(w.weekday !== null ? { weekday: WEEKDAY_NAMES[w.weekday]! } : { date: w.date!, to: w.to! }),
    kind: w.kind,
    shift: w.shift,
    weight: w.weight,
    reason: w.reason,
  }
}

/** The usage error for a problem the domain found in a wish. */
export function wishProblem(p: WishProblem): UsageError {
  const say = (f: (m: Messages) => string, code = 'bad-wish') => new UsageError(f, code)
  switch (p.code) {
    case 'no-when': return say((m) => m.wish.errors.noWhen)
    case 'both-when': return say((m) => m.wish.errors.bothWhen)
    case 'no-kind': return say((m) => m.wish.errors.noKind)
    case 'two-kinds': return say((m) => m.wish.errors.twoKinds)
    case 'bad-weight': return say((m) => m.wish.errors.badWeight(p.raw), 'bad-number')
    case 'bad-weekday': return say((m) => m.wish.errors.badWeekday(p.raw))
    case 'bad-span': return say((m) => m.wish.errors.badSpan(p.raw), 'bad-date')
    case 'span-order': return say((m) => m.wish.errors.spanOrder(p.from, p.to), 'bad-range')
    case 'span-long': return say((m) => m.wish.errors.spanLong(p.from, p.to, p.days), 'bad-range')
    case 'unknown-shift': return new NotFoundError((m) => m.wish.errors.unknownShift(p.shift, p.known))
  }
}

export function parseWishAdd(ctx: Ctx, raw: Record<string, unknown>): WishAddOptions {
  const kinds = [raw.off ? 'off' : null, raw.shift !== undefined ? 'shift' : null, raw.not !== undefined ? 'not' : null].filter((k): k is WishKind => k !== null)
  if (raw.date === undefined && raw.weekday === undefined) throw wishProblem({ code: 'no-when' })
  if (raw.date !== undefined && raw.weekday !== undefined) throw wishProblem({ code: 'both-when' })
  if (kinds.length === 0) throw wishProblem({ code: 'no-kind' })
  if (kinds.length > 1) throw wishProblem({ code: 'two-kinds' })
  const kind = kinds[0]!
  let when: WishAddOptions['when']
  if (raw.date !== undefined) {
    const today = ctx.today()
    const span = parseSpan(String(raw.date), (word) => resolveDateWord(word, today))
    if ('code' in span) throw wishProblem(span)
    when = span
  } else {
    const weekday = parseWeekday(String(raw.weekday))
    if (weekday === null) throw wishProblem({ code: 'bad-weekday', raw: String(raw.weekday).slice(0, 20) })
    when = { weekday }
  }
  const weight = parseWeight(String(raw.weight ?? DEFAULT_WEIGHT))
  if (weight === null) throw wishProblem({ code: 'bad-weight', raw: String(raw.weight).slice(0, 20) })
  const code = kind === 'shift' ? String(raw.shift).trim() : kind === 'not' ? String(raw.not).trim() : null
  if (code !== null && !code) throw wishProblem({ code: 'no-kind' })
  const o: WishAddOptions = { when, kind, shift: code, weight, reason: null }
  if (raw.staff !== undefined) o.staff = String(raw.staff).trim()
  if (raw.reason !== undefined) o.reason = parseReason(String(raw.reason), '--reason')
  return o
}

export function parseWishId(raw: string): number {
  const t = String(raw).trim()
  if (!/^\d{1,15}$/.test(t) || Number(t) < 1) throw new UsageError((m) => m.wish.errors.badId(t.slice(0, 20)), 'bad-id')
  return Number(t)
}

export function parseWishList(ctx: Ctx, raw: Record<string, unknown>): WishFilter {
  const f: WishFilter = {}
  if (raw.month !== undefined) {
    if (raw.from !== undefined || raw.to !== undefined) throw new UsageError((m) => m.errors.usage.monthWithRange)
    Object.assign(f, monthRange(ctx.month(String(raw.month))))
  } else {
    const r = parseBetween(ctx, raw)
    if (r.from) f.from = r.from
    if (r.to) f.to = r.to
  }
  if (raw.staff !== undefined) f.staff = ctx.staff(String(raw.staff)).id
  return f
}

/** Whether `actor` may add or remove `staff`'s wishes: their own, or anyone's as a lead or manager. */
function mayManage(actor: Staff, staff: string): boolean {
  return actor.id === staff || actor.role === 'lead' || actor.role === 'manager'
}

/** Adds the wish in one transaction, audited; bad input is a usage error before anything is written. */
export function runWishAdd(ctx: Ctx, o: WishAddOptions): Wish {
  const actor = ctx.actor()
  return ctx.write(() => {
    const staff = o.staff === undefined ? actor : ctx.staff(o.staff)
    const draft: WishDraft = {
      staff: staff.id,
      date: 'from' in o.when ? o.when.from : null,
      to: 'from' in o.when ? o.when.to : null,
      weekday: 'weekday' in o.when ? o.when.weekday : null,
      kind: o.kind,
      shift: o.shift,
      weight: o.weight,
      reason: o.reason,
    }
    const problem = validateWish(draft, ctx.store().shifts.active().map((s) => s.code))
    if (problem) throw wishProblem(problem)
    if (!mayManage(actor, staff.id)) throw new ConflictError((m) => m.wish.errors.notYours(actor.id, staff.id), 'permission')
    const w = ctx.store().wishes.insert(draft, ctx.now().toISOString())
    ctx.audit('wish.add', `wish #${w.id}`, null, { wish: wishJson(w) })
    return w
  })
}

/** Removes the wish in one transaction, audited (the audit keeps it). */
export function runWishRemove(ctx: Ctx, id: number): Wish {
  const actor = ctx.actor()
  return ctx.write(() => {
    const store = ctx.store()
    const w = store.wishes.find(id)
    if (!w) throw new NotFoundError((m) => m.wish.errors.noWish(id))
    if (!mayManage(actor, w.staff)) throw new ConflictError((m) => m.wish.errors.notYours(actor.id, w.staff), 'permission')
    store.wishes.remove(id)
    ctx.audit('wish.remove', `wish #${id}`, { wish: wishJson(w) }, null)
    return w
  })
}

/** `every Sunday: day off`, `2026-12-20: shift A`, in the interface language. */
export function describeWish(w: Wish, t: Messages): string {
  return t.wish.describe(describeWhen(w, t), describeKind(w, t))
}

export function describeWhen(w: Wish, t: Messages): string {
  if (w.weekday !== null) return t.wish.every(w.weekday)
  return w.date === w.to ? w.date! : t.wish.span(w.date!, w.to!)
}

export function describeKind(w: { kind: WishKind; shift: string | null }, t: Messages): string {
  return w.kind === 'off' ? t.wish.off : w.kind === 'shift' ? t.wish.shift(w.shift!) : t.wish.not(w.shift!)
}

function renderWishList(list: readonly Wish[], color: boolean, t: Messages): string {
  if (!list.length) return t.wish.none
  return renderTable({
    head: [t.wish.head.id, t.wish.head.staff, t.wish.head.when, t.wish.head.wish, t.wish.head.weight, t.wish.head.reason],
    rows: list.map((w) => [String(w.id), w.staff, describeWhen(w, t), describeKind(w, t), String(w.weight), w.reason ?? '']),
    color,
    numeric: [0, 4],
  })
}
