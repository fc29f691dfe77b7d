// Property: any sequence of swap requests, accepts, declines, approvals,
// rejections, cancellations, undos of approved swaps and leave requests and decisions, by the right
// people or the wrong ones, keeps every roster rule but coverage (approved
// leave legitimately leaves gaps) and never lets anyone past the monthly limit.
// Runs the commands' run functions in-process on a real database file.

import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runLeaveDecision, runLeaveRequest } from '../../src/cli/commands/leave/leave.js'
import { runSwapStep, type SwapStep } from '../../src/cli/commands/swap/decide.js'
import { runSwapRequest } from '../../src/cli/commands/swap/request.js'
import { runSwapUndo } from '../../src/cli/commands/swap/undo.js'
import { runInit } from '../../src/cli/commands/init/init.js'
import { Ctx } from '../../src/cli/context.js'
import type { Deps } from '../../src/cli/deps.js'
import { addDays, diffDays, monthOf } from '../../src/domain/dates.js'
import { configFromValues } from '../../src/domain/config.js'
import type { RosterState } from '../../src/domain/roster.js'
import { checkRules, maxConsecutiveDays, minRest, onLeave, oneShiftPerDay } from '../../src/domain/rules/index.js'
import { swapDates } from '../../src/domain/swaps/plan.js'
import { SWAP_TRANSITIONS } from '../../src/domain/swaps/transitions.js'
import { RosterError } from '../../src/errors.js'
import { openDatabase, type Db } from '../../src/store/db.js'
import { sqliteStore } from '../../src/store/store.js'
import { tempDir } from '../support/cli.js'
import { FIRST, NOW, PATTERN } from './swap-support.js'

const AGENTS = ['ana', 'ben', 'chen', 'dev']
const EVERYONE = [...AGENTS, 'mei']
const DAYS = 42 // 2027-01-04 .. 2027-02-14: two months
const LAST = addDays(FIRST, DAYS - 1)

function deps(path: string): Deps {
  const sink = { write: () => {}, isTTY: false }
  return {
    stdout: sink, stderr: sink, stdinIsTTY: false, env: {}, cwd: process.cwd(), now: () => new Date(NOW), osUser: () => 'nobody',
    openStore: (p, o) => sqliteStore(openDatabase(p, o)), prompter: async () => { throw new Error('no prompts here') },
  }
}

/** Runs `fn` as `as` with a fresh context, the way one CLI invocation would. */
async function as<T>(path: string, who: string, fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const ctx = new Ctx(deps(path), { db: path, as: who, json: true, color: false })
  try {
    return await fn(ctx)
  } finally {
    ctx.close()
  }
}

/** The demo team, PATTERN over six weeks, two holidays, and the given limits. */
async function template(dir: string, config: Record<string, string>): Promise<string> {
  const path = join(dir, 'template.db')
  const ctx = new Ctx(deps(path), { db: path, json: true, color: false })
  runInit(ctx, { demo: true })
  ctx.close()
  const db = openDatabase(path)
  const ins = db.prepare('INSERT INTO assignment (date, shift, staff) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (let i = 0; i < DAYS; i++) for (const [who, cols] of Object.entries(PATTERN)) if (cols[i % 4] !== '-') ins.run(addDays(FIRST, i), cols[i % 4], who)
    db.prepare(`INSERT INTO holiday (date, name) VALUES ('2027-01-10', 'Feast'), ('2027-02-01', 'Fair')`).run()
    for (const [k, v] of Object.entries(config)) db.prepare('INSERT INTO config (key, value) VALUES (?, ?)').run(k, v)
  })()
  db.close()
  return path
}

type Action =
  | { kind: 'request'; who: number; day: number; other: number; payback: number | null; flow: boolean }
  | { kind: 'step'; step: SwapStep; swap: number; right: boolean; who: number }
  | { kind: 'leave'; who: number; day: number; length: number }
  | { kind: 'decide'; leave: number; approve: boolean; who: number }
  | { kind: 'undo'; swap: number; right: boolean; first: boolean; who: number; flow: boolean }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('request' as const), who: fc.nat(3), day: fc.nat(200), other: fc.nat(3), payback: fc.option(fc.nat(200), { freq: 8 }), flow: fc.nat(2).map((n) => n === 0) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('step' as const), step: fc.constantFrom<SwapStep>('accept', 'accept', 'approve', 'approve', 'decline', 'reject', 'cancel'), swap: fc.nat(50), right: fc.nat(4).map((n) => n > 0), who: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), who: fc.nat(3), day: fc.nat(DAYS - 1), length: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decide' as const), leave: fc.nat(10), approve: fc.boolean(), who: fc.nat(4) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('undo' as const), swap: fc.nat(50), right: fc.nat(4).map((n) => n > 0), first: fc.boolean(), who: fc.nat(4), flow: fc.boolean() }) },
)

/** Plays one action; refusals (any RosterError) are fine, anything else is a bug. */
async function play(path: string, db: Db, a: Action): Promise<void> {
  try {
    if (a.kind === 'request') {
      // Mostly meaningful requests: one of the requester's working days; an
      // exchange when the colleague works that day, else a cover paid back on
      // a day the requester is off and the colleague works. Sometimes sloppy.
      const me = AGENTS[a.who]!
      const mine = sqliteStore(db).assignments.find(FIRST, LAST, me)
      if (!mine.length) return
      const date = mine[a.day % mine.length]!.date
      const others = AGENTS.filter((x) => x !== me)
      const other = others[a.other % others.length]!
      const theirs = sqliteStore(db).assignments.find(FIRST, LAST, other)
      const works = (who: typeof mine, d: string) => who.some((m) => m.date === d)
      let payback: string | undefined
      if (a.payback !== null && !works(theirs, date)) {
        const fits = allDays().filter((d) => !works(mine, d) && works(theirs, d))
        if (fits.length) payback = fits[a.payback % fits.length]
      } else if (a.payback !== null && a.payback % 7 === 0) payback = allDays()[a.payback % DAYS]
      const r = await as(path, me, (ctx) => runSwapRequest(ctx, { date, with: other, ...(payback ? { payback } : {}) }))
      // A third of the time the colleague accepts and a lead approves straight away (each step may still be refused).
      if (a.flow && r.swap) {
        await as(path, other, (ctx) => runSwapStep(ctx, { id: r.swap!.id, action: 'accept' }))
        await as(path, 'mei', (ctx) => runSwapStep(ctx, { id: r.swap!.id, action: 'approve' }))
      }
    } else if (a.kind === 'step') {
      // The right person on a swap in the right state, or anyone on any swap.
      const all = sqliteStore(db).swaps.list()
      const ready = all.filter((s) => SWAP_TRANSITIONS[a.step].from.includes(s.status))
      const pool = a.right && ready.length ? ready : all
      if (!pool.length) return
      // Two thirds of the right steps go on with the newest swap that can take them, so flows
      // (a request, an undo) often run to their end.
      const newest = pool.reduce((x, y) => (y.id > x.id ? y : x))
      const s = a.right && a.swap % 3 !== 0 ? newest : pool[a.swap % pool.length]!
      const right = a.step === 'accept' || a.step === 'decline' ? s.counterpart : a.step === 'cancel' ? s.requester : 'mei'
      await as(path, a.right ? right : EVERYONE[a.who]!, (ctx) => runSwapStep(ctx, { id: s.id, action: a.step }))
    } else if (a.kind === 'undo') {
      // A party of an approved swap, or anyone on any swap.
      const all = sqliteStore(db).swaps.list()
      const approved = all.filter((s) => s.status === 'approved' && !s.reverses)
      const pool = a.right && approved.length ? approved : all
      if (!pool.length) return
      const s = pool[a.swap % pool.length]!
      const reversal = await as(path, a.right ? (a.first ? s.requester : s.counterpart) : EVERYONE[a.who]!, (ctx) => runSwapUndo(ctx, { id: s.id }))
      // Half the time the other party accepts and a lead approves straight away (each step may still be refused).
      if (a.flow) {
        await as(path, reversal.counterpart, (ctx) => runSwapStep(ctx, { id: reversal.id, action: 'accept' }))
        await as(path, 'mei', (ctx) => runSwapStep(ctx, { id: reversal.id, action: 'approve' }))
      }
    } else if (a.kind === 'leave') {
      await as(path, AGENTS[a.who]!, (ctx) => runLeaveRequest(ctx, { from: addDays(FIRST, a.day), to: addDays(FIRST, a.day + a.length) }))
    } else {
      const leaves = sqliteStore(db).leaves.list()
      if (!leaves.length) return
      await as(path, a.who === 4 || a.approve ? 'mei' : EVERYONE[a.who]!, (ctx) => runLeaveDecision(ctx, leaves[a.leave % leaves.length]!.id, a.approve ? 'approve' : 'reject'))
    }
  } catch (e) {
    if (!(e instanceof RosterError) || e.exitCode === 3) throw e
  }
}

function allDays(): string[] {
  return Array.from({ length: DAYS }, (_, i) => addDays(FIRST, i))
}

/** Databases in which some swap ended undone: the undo path must be reached, not only tried. */
const reachedUndone = new Set<string>()

/** Every invariant the house rules promise, read straight from the store. */
function invariants(db: Db): void {
  const config = configFromValues(sqliteStore(db).config.values())
  const state: RosterState = { shifts: sqliteStore(db).shifts.all(), assignments: sqliteStore(db).assignments.find('2000-01-01', '2999-12-31'), leaves: sqliteStore(db).leaves.list(), holidays: [], config }
  const broken = checkRules([oneShiftPerDay, minRest, maxConsecutiveDays, onLeave], state, { from: '2000-01-01', to: '2999-12-31' })
  expect(broken, JSON.stringify(broken)).toEqual([])
  const everySwap = sqliteStore(db).swaps.list()
  const active = everySwap.filter((s) => ['pending', 'accepted', 'approved'].includes(s.status))
  if (everySwap.some((s) => s.status === 'undone')) reachedUndone.add(db.name)
  // An undone swap's reversal is approved; every undone swap has exactly one, and an approved one has no approved reversal.
  for (const s of everySwap.filter((x) => !x.reverses)) {
    const approvedReversals = everySwap.filter((r) => r.reverses === s.id && r.status === 'approved').length
    expect(approvedReversals, `swap #${s.id} (${s.status})`).toBe(s.status === 'undone' ? 1 : 0)
  }
  for (const p of AGENTS) {
    const mine = active.filter((s) => s.requester === p || s.counterpart === p)
    // Reversals (swap undo) count towards no limit.
    const counted = mine.filter((s) => !s.reverses)
    const perMonth = new Map<string, number>()
    for (const s of counted) perMonth.set(monthOf(s.date), (perMonth.get(monthOf(s.date)) ?? 0) + 1)
    for (const [month, n] of perMonth) expect(n, `${p} in ${month}`).toBeLessThanOrEqual(config.maxSwapsPerMonth)
    // swap.consecutive holds between the active swaps that count; swap.leave between everything active.
    const countedDates = counted.flatMap((s) => swapDates(s).map((d) => ({ d, id: s.id })))
    for (const x of countedDates) for (const y of countedDates) if (x.id !== y.id) expect(Math.abs(diffDays(x.d, y.d)), `${p}: swaps #${x.id} and #${y.id}`).toBeGreaterThan(1)
    const dates = mine.flatMap((s) => swapDates(s).map((d) => ({ d, id: s.id })))
    const held = state.leaves.filter((l) => l.staff === p && l.status !== 'rejected')
    for (const x of dates) expect(held.some((l) => l.from <= x.d && x.d <= l.to), `${p}: leave over swap #${x.id} on ${x.d}`).toBe(false)
  }
}

describe('swaps and leave, any sequence', () => {
  it('keep the roster rules and the monthly limit', async () => {
    const dir = tempDir('prop')
    const templates = new Map<string, string>()
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.record({ limit: fc.constantFrom('1', '2', '3'), rest: fc.constantFrom('11', '12', '13'), days: fc.constantFrom('3', '4', '6') }),
        fc.array(action, { minLength: 5, maxLength: 60 }),
        async (cfg, actions) => {
          const key = `${cfg.limit}-${cfg.rest}-${cfg.days}`
          if (!templates.has(key)) templates.set(key, await template(tempDir('tpl'), { 'swap.max-per-month': cfg.limit, 'roster.min-rest-hours': cfg.rest, 'roster.max-consecutive-days': cfg.days }))
          const path = join(dir, `run-${run++}.db`)
          copyFileSync(templates.get(key)!, path)
          const db = openDatabase(path)
          try {
            invariants(db)
            for (const a of actions) {
              await play(path, db, a)
              invariants(db)
            }
          } finally {
            db.close()
          }
        },
      ),
      { numRuns: 120 },
    )
    expect(reachedUndone.size, 'runs in which a swap was undone').toBeGreaterThan(3)
  }, 240_000)
})
