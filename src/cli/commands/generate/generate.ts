// roster generate [--start] [--weeks] [--staff a,b,c] [--seed] [--replace] [--demo]

import { existsSync, rmSync } from 'node:fs'
import type { Command } from 'commander'
import { addDays, dayRange, nextMonday } from '../../../domain/dates.js'
import { generateRoster } from '../../../domain/generate.js'
import { computeFairness } from '../../../domain/fairness.js'
import type { IsoDate, Staff } from '../../../domain/types.js'
import { ConflictError, NotFoundError, RuleViolationError, UsageError } from '../../../errors.js'
import { fixedSwapIds, swapFixedCells } from '../../../domain/swaps/fixed.js'
import { shiftColumns } from '../../../views/roster.js'
import type { Ctx } from '../../context.js'
import { intOption, type App } from '../../app.js'
import { runInit } from '../init/init.js'
import { resolveRange } from '../show/range.js'
import type { GenerateOutcome } from './outcome.js'
import { patternJson, renderGenerated, rosterJson, wishesJson } from './render.js'
import { drawAndLay } from './cyclic.js'

export interface GenerateOptions {
  start?: string
  weeks?: number
  staff?: string[]
  seed: number
  replace: boolean
  demo: boolean
  /** generate --cyclic: a repeating pattern laid `repeat` times (SPEC 10). */
  cyclic?: { repeat: number; rotate: boolean }
}

export type { GenerateOutcome } from './outcome.js'

/**
 * How long generate may spend on the lower bound of its quality line (the real clock, never a
 * test clock). The bound stops on its own once its relaxation is solved or it proves the roster
 * the best: on the demo team (4 people, 3 weeks) some 0.5-0.7 s of CPU from a cold start, so
 * 0.3 s printed a bound of 0 there.
 */
const QUALITY_BUDGET_MS = 600

/** Longest roster one generate may draw up: a year. */
export const MAX_WEEKS = 52

export function registerGenerate(program: Command, app: App): void {
  program
    .command('generate')
    .description('draw up the roster: every shift covered, the rules kept, the load shared fairly')
    .option('--start <date>', 'first day (default: next Monday)')
    .option('--from <date>', 'the same as --start')
    .option('--weeks <n>', 'how many weeks (default: one cycle, cycle.weeks)')
    .option('--staff <ids>', 'only these people (comma-separated), else everyone on the rotation')
    .option('--seed <n>', 'another seed gives another roster that keeps the same rules', '1')
    .option('--replace', 'replace assignments already in the range')
    .option('--demo', 'in a folder without a database, create the demo team first; where it exists, keep it and show its roster')
    .option('--cyclic', 'draw one cycle (--weeks, else cycle.weeks) as a pattern that can follow itself: every rule also holds from its last day into its first')
    .option('--repeat <n>', 'with --cyclic: lay the pattern N times in a row, each person keeping their line (default 1)')
    .option('--rotate-lines', 'with --cyclic: each person moves to the next line of the pattern every cycle')
    .action(app.action((ctx, _args, raw) => {
      const outcome = runGenerate(ctx, parseGenerateOptions(raw))
      if (outcome.keptDemo) {
        ctx.out({ ...rosterJson(ctx, outcome.from, outcome.to, outcome.assignments), kept: true }, () => renderGenerated(ctx, outcome))
        return
      }
      ctx.out({ ...rosterJson(ctx, outcome.from, outcome.to, outcome.assignments), seed: outcome.seed, replaced: outcome.replaced, keptSwaps: outcome.keptSwaps, fairness: outcome.fairness, ...patternJson(outcome), ...wishesJson(outcome) }, () => renderGenerated(ctx, outcome))
    }))
}

export function parseGenerateOptions(raw: Record<string, unknown>): GenerateOptions {
  const opts: GenerateOptions = {
    seed: intOption(raw.seed ?? '1', '--seed', 0, 2 ** 31 - 1),
    replace: !!raw.replace,
    demo: !!raw.demo,
  }
  if (raw.start !== undefined && raw.from !== undefined) throw new UsageError((m) => m.errors.generate.fromAndStart)
  if (raw.start !== undefined) opts.start = String(raw.start)
  else if (raw.from !== undefined) opts.start = String(raw.from)
  if (raw.weeks !== undefined) opts.weeks = intOption(raw.weeks, '--weeks', 1, MAX_WEEKS)
  if (raw.cyclic) {
    const repeat = raw.repeat === undefined ? 1 : intOption(raw.repeat, '--repeat', 1, MAX_WEEKS)
    const weeks = opts.weeks ?? 1
    if (weeks * repeat > MAX_WEEKS) throw new UsageError((m) => m.errors.generate.tooLong(weeks * repeat, MAX_WEEKS), 'bad-number')
    opts.cyclic = { repeat, rotate: !!raw.rotateLines }
  } else if (raw.repeat !== undefined) throw new UsageError((m) => m.errors.generate.needsCyclic('--repeat'))
  else if (raw.rotateLines) throw new UsageError((m) => m.errors.generate.needsCyclic('--rotate-lines'))
  if (raw.staff !== undefined) {
    const ids = String(raw.staff).split(',').map((s) => s.trim()).filter(Boolean)
    if (!ids.length) throw new UsageError((m) => m.errors.generate.noStaffIds)
    opts.staff = [...new Set(ids)]
  }
  return opts
}

export function runGenerate(ctx: Ctx, opts: GenerateOptions): GenerateOutcome {
  // The options are checked before --demo creates anything: a refused command leaves no database behind.
  const from = opts.start !== undefined ? ctx.date(opts.start, '--start') : nextMonday(ctx.today())
  const path = ctx.dbPath()
  // A new database: no file yet, or (PostgreSQL) a database without a team.
  const fresh = ctx.isFileDb() ? !existsSync(path) : ctx.store({ create: true }).staff.all({ includeInactive: true }).length === 0
  if (opts.demo && path !== ':memory:' && fresh && !ctx.isFileDb()) {
    // PostgreSQL: the team and its roster in one transaction, so a refused
    // generate leaves the database as empty as it found it.
    return ctx.write(() => {
      runInit(ctx, { demo: true })
      return { ...generateIn(ctx, opts, from), createdDemo: true, keptDemo: false }
    })
  }
  if (opts.demo && path !== ':memory:' && fresh) {
    runInit(ctx, { demo: true })
    try {
      return { ...generateIn(ctx, opts, from), createdDemo: true, keptDemo: false }
    } catch (e) {
      // The demo database was made for this command alone: refused, it goes again.
      ctx.close()
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
      throw e
    }
  } else if (opts.demo && path !== ':memory:' && opts.start === undefined && opts.weeks === undefined && !opts.staff && !opts.replace && !opts.cyclic) {
    // The quick start run a second time: keep the database and show its roster
    // (the cycle that holds today, or the next one), no identity needed.
    const kept = keptRoster(ctx, opts.seed)
    if (kept) return kept
  }
  if (opts.demo && path === ':memory:') runInit(ctx, { demo: true })
  return { ...generateIn(ctx, opts, from), createdDemo: opts.demo && path === ':memory:', keptDemo: false }
}

function generateIn(ctx: Ctx, opts: GenerateOptions, from: IsoDate): Omit<GenerateOutcome, 'createdDemo' | 'keptDemo'> {
  const store = ctx.store()
  // Everything the roster depends on (settings, team, shifts, leave, what is
  // already in the range) is read inside the IMMEDIATE transaction that
  // writes it, so a change another process commits meanwhile cannot be missed.
  return ctx.write(() => {
    const config = ctx.config()
    const weeks = opts.weeks ?? config.cycleWeeks
    // --cyclic: the range is the pattern laid --repeat times.
    const repeat = opts.cyclic?.repeat ?? 1
    if (weeks * repeat > MAX_WEEKS) throw new UsageError((m) => m.errors.generate.tooLong(weeks * repeat, MAX_WEEKS), 'bad-number')
    const to = addDays(from, weeks * 7 * repeat - 1)
    ctx.lead('generate the roster')

    const everyone = store.staff.all()
    let team: Staff[]
    if (opts.staff) {
      team = opts.staff.map((id) => {
        const s = everyone.find((p) => p.id === id)
        if (!s) throw new NotFoundError((t) => t.errors.unknownStaffIn(id, '--staff'))
        return s
      })
    } else {
      team = everyone.filter((s) => s.rotation)
    }
    const shifts = store.shifts.active()
    if (!shifts.length) throw new ConflictError((m) => m.errors.generate.noShifts, 'roster.coverage')
    if (!team.length) throw new ConflictError((m) => m.errors.generate.nobody, 'roster.coverage')

    const existing = store.assignments.count(from, to)
    if (existing > 0 && !opts.replace) {
      throw new ConflictError((m) => m.errors.generate.exists(from, to, existing), 'roster.exists')
    }
    const approved = store.leaves.list({ from, to, status: 'approved' })
    const unavailable = new Map<string, Set<IsoDate>>()
    for (const l of approved) {
      const days = unavailable.get(l.staff) ?? new Set<IsoDate>()
      for (const d of dayRange(l.from < from ? from : l.from, l.to > to ? to : l.to)) days.add(d)
      unavailable.set(l.staff, days)
    }
    const history = store.assignments.find(addDays(from, -(config.maxConsecutiveDays + 1)), addDays(from, -1))
    const before = opts.replace ? store.assignments.find(from, to) : []
    // Approved swaps in the range are promises: both people's days on D1 and D2 stay as the swaps made them.
    const fixed = opts.replace ? swapFixedCells(before, store.swaps.list({ status: 'approved', from, to }), from, to) : []
    const wishes = store.wishes.list({ from, to })
    const input = {
      wishes,
      quality: { now: () => (ctx.deps.realNow?.() ?? ctx.now()).getTime(), budgetMs: QUALITY_BUDGET_MS },
      fixed,
      dates: dayRange(from, to),
      staff: team.map((s) => s.id),
      shifts,
      config,
      unavailable,
      history: history.filter((a) => team.some((s) => s.id === a.staff)),
      holidays: store.holidays.list(from, to),
      workdays: store.holidays.workdayDates(from, to),
      seed: opts.seed,
    }
    const cyclic = opts.cyclic ? drawAndLay(ctx, { ...input, swaps: fixed, weeks, rotate: opts.cyclic.rotate }) : null
    const result = cyclic ? { ok: true as const, ...cyclic } : generateRoster(input)
    if (!result.ok) {
      const violations = result.violations
      throw new RuleViolationError(violations, (t) => t.errors.cannotGenerate(from, to, violations[0]))
    }
    const replaced = store.assignments.deleteInRange(from, to)
    store.assignments.insertMany(result.assignments)
    const keptSwaps = fixedSwapIds(fixed)
    const pattern = opts.cyclic ? { weeks, repeat, rotate: opts.cyclic.rotate } : undefined
    ctx.audit('roster.generate', `${from}..${to}`, before.length ? before : null, { seed: opts.seed, staff: team.map((s) => s.id), assignments: result.assignments, ...(keptSwaps.length ? { keptSwaps } : {}), ...(pattern ? { pattern, resolved: cyclic!.resolved } : {}) })
    return { from, to, seed: opts.seed, replaced, assignments: result.assignments, staff: team, fairness: result.fairness, keptSwaps, ...(pattern ? { pattern, resolved: cyclic!.resolved } : {}), wishList: wishes, ...('wishes' in result && result.wishes ? { wishes: result.wishes } : {}), ...('quality' in result && result.quality ? { quality: result.quality } : {}) }
  })
}

/** The roster a kept demo database already holds, or null when it holds none yet. */
function keptRoster(ctx: Ctx, seed: number): GenerateOutcome | null {
  const store = ctx.store()
  const today = ctx.today()
  const first = store.assignments.firstDateFrom(today) ?? store.assignments.bounds()?.from ?? null
  if (!first) return null
  const { from, to } = resolveRange({ kind: 'between' }, today, ctx.config().cycleWeeks, ctx.t, first < today ? null : first)
  const assignments = store.assignments.find(from, to)
  const everyone = store.staff.all({ includeInactive: true })
  const assigned = new Set(assignments.map((a) => a.staff))
  const staff = everyone.filter((s) => assigned.has(s.id) || (s.active && s.rotation))
  const team = everyone.filter((s) => s.active && s.rotation).map((s) => s.id)
  const columns = shiftColumns(store.shifts.all(), store.shifts.active(), assignments)
  const fairness = computeFairness(assignments, team, columns, dayRange(from, to), store.holidays.list(from, to), store.holidays.workdayDates(from, to))
  return { from, to, seed, replaced: 0, assignments, staff, fairness, createdDemo: false, keptDemo: true, keptSwaps: [] }
}
