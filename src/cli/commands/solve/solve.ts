// roster solve <instance.txt> [--time-limit S] [--seed N] [--threads N]:
// solves a Curtois & Qu benchmark instance with the generator's engine and
// prints its objective (with --json, the roster too). No database.
//
// Every answer goes through the benchmark's own check (curtois-evaluate.ts)
// before it is printed: a roster that breaks a hard rule is never printed as
// a solution; after the time limit the search goes on a little, then gives up
// with exit 1.

import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'
import { Option, type Command } from 'commander'
import { curtoisAssignments, curtoisModel, CurtoisFormatError, parseCurtois, type CurtoisInstance } from '../../../domain/solver/curtois.js'
import { evaluateCurtois } from '../../../domain/solver/curtois-evaluate.js'
import { solveCurtois, solveStages } from '../../../domain/solver/curtois-solve.js'
import { DENSE_PREFERRED_ROWS, type LpFactory } from '../../../domain/solver/lp-engine.js'
import { ConflictError, UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import { readInputFile } from '../../files.js'
import { intOption, type App } from '../../app.js'
import type { SolveOutcome } from './outcome.js'
import { loadHighs } from './lp-engine.js'
import { renderSolved } from './render.js'
import { runWorker, startWorker, type SearchOutcome, type SearchRequest } from './threads.js'

export interface SolveOptions {
  file: string
  timeLimitSeconds: number
  seed: number
  threads: number
}

/** The world runSolve needs: the file system, a monotonic clock, and other threads. */
export interface SolveDeps {
  cwd: string
  readFile(path: string): string
  /** Milliseconds on a clock every thread shares (performance.timeOrigin + performance.now()). */
  clock(): number
  /** Runs one more search on another thread; absent: everything on this one. */
  startWorker?(request: SearchRequest): Promise<SearchOutcome>
  /** Loads the LP engine the dive uses (HiGHS); absent: the dense simplex, which dives only on small relaxations. */
  loadLp?(): Promise<LpFactory>
}

export type { SolveOutcome } from './outcome.js'

/** Longest --time-limit: a day. */
export const MAX_TIME_LIMIT = 86_400
export function registerSolve(program: Command, app: App): void {
  program
    .command('solve')
    .description('solve a Curtois & Qu benchmark instance (schedulingbenchmarks.org/nrp) and print its objective')
    .argument('<instance>', 'the instance file, InstanceN.txt')
    .option('--time-limit <seconds>', 'how long to search', '30')
    .option('--seed <n>', 'seed of the first search thread (the others take the next ones)', '1')
    .option('--threads <n>', 'searches run side by side, the best kept (default: one per core)')
    .addOption(new Option('--internal-worker', 'a search thread of another roster solve').hideHelp())
    .action(app.action(async (ctx, args, raw) => {
      if (raw.internalWorker) {
        if (isMainThread) throw new UsageError((m) => m.errors.solve.internalWorker, 'usage')
        await runWorker()
        return
      }
      const opts = parseSolveOptions(args[0], raw, availableParallelism())
      const outcome = await runSolve(opts, {
        cwd: ctx.deps.cwd,
        // Only a regular file up to 50 MB is read (a FIFO would wait for ever, /dev/zero never ends).
        readFile: (path) => {
          // A missing file or a folder is named the way loadInstance names it; then only a regular file is read.
          if (statSync(path).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' })
          return readInputFile(path, 'roster solve').toString('utf8')
        },
        clock: () => performance.timeOrigin + performance.now(),
        // The threads run the same command line entry as this process (a worker is not a child process).
        startWorker: (request) => startWorker(process.argv[1]!, request),
        loadLp: loadHighs,
      })
      printSolved(ctx, outcome)
    }))
}

export function parseSolveOptions(file: string | undefined, raw: Record<string, unknown>, cores: number): SolveOptions {
  if (!file) throw new UsageError((m) => m.errors.solve.noFile, 'usage')
  const t = String(raw.timeLimit ?? '30').trim()
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) <= 0 || Number(t) > MAX_TIME_LIMIT) {
    throw new UsageError((m) => m.errors.solve.badTimeLimit(MAX_TIME_LIMIT, String(raw.timeLimit)), 'bad-number')
  }
  return {
    file,
    timeLimitSeconds: Number(t),
    seed: intOption(raw.seed ?? '1', '--seed', 0, 2 ** 31 - 1),
    threads: raw.threads === undefined ? Math.max(1, Math.min(8, cores)) : intOption(raw.threads, '--threads', 1, 64),
  }
}

/** Reads and parses the instance; bad input is a usage error naming the file and what is wrong. */
export function loadInstance(path: string, deps: SolveDeps): { text: string; instance: CurtoisInstance } {
  let text: string
  try {
    text = deps.readFile(path)
  } catch (e) {
    if (e instanceof UsageError) throw e
    const code = (e as { code?: string }).code
    const detail = (e as Error).message
    throw new UsageError((m) => m.errors.solve.unreadable(path, code, detail), 'bad-instance')
  }
  try {
    return { text, instance: parseCurtois(text) }
  } catch (e) {
    if (e instanceof CurtoisFormatError) throw new UsageError((m) => m.errors.solve.notInstance(path, e.message), 'bad-instance')
    throw e
  }
}

/**
 * Solves the instance within the time limit on `threads` searches (this
 * thread and threads - 1 workers, seeds seed, seed + 1, ...) and returns the
 * best roster with the benchmark's verdict on it, which keeps every hard rule;
 * a ConflictError when none was found.
 */
export async function runSolve(opts: SolveOptions, deps: SolveDeps): Promise<SolveOutcome> {
  const started = deps.clock()
  const path = resolve(deps.cwd, opts.file)
  const { text, instance } = loadInstance(path, deps)
  const cm = curtoisModel(instance)
  // Leave a little of the limit for checking and printing the answer.
  const deadline = started + opts.timeLimitSeconds * 1000 - Math.min(200, opts.timeLimitSeconds * 50)
  // The stages (solveStages): with more threads, this thread dives into the
  // linear relaxation and then draws up large neighbourhoods, while the others
  // anneal; or, on a relaxation too large to dive into in the time, all anneal.
  const stages = solveStages(cm.model, deadline - started, deps.startWorker ? opts.threads : 1)
  // The dive's LP engine, loaded only when this solve dives into a relaxation too large for the dense simplex to be faster.
  const rows = cm.model.days * cm.model.shifts + cm.model.staff
  const engine = stages.some((s) => s.dive) && deps.loadLp && rows > DENSE_PREFERRED_ROWS ? await deps.loadLp() : undefined
  let best: SearchOutcome | null = null
  let lowerBound: number | null = null
  for (const [k, { part: stage, dive, lns }] of stages.entries()) {
    const until = k === stages.length - 1 ? deadline : started + (deadline - started) * stage[1]
    const initial = best?.cells
    const first = opts.seed + k * opts.threads
    const others: Promise<SearchOutcome | null>[] = []
    if (deps.startWorker) {
      for (let i = 1; i < opts.threads; i++) others.push(deps.startWorker({ text, seed: first + i, deadline: until, stage, ...(initial ? { initial } : {}) }).catch(() => null))
    }
    const here = solveCurtois(cm, { seed: first, timeLimitMs: Math.max(1, until - deps.clock()), now: deps.clock, stage, dive, lns, ...(engine ? { engine } : {}), ...(initial ? { initial } : {}) })
    if (here.lowerBound !== null) lowerBound = Math.max(lowerBound ?? 0, here.lowerBound)
    const found: (SearchOutcome | null)[] = [{ cells: here.cells, hard: here.hard, soft: here.soft }, ...(await Promise.all(others))]
    for (const r of found) {
      if (r && r.cells.length === cm.model.staff * cm.model.days && (!best || better(r, best))) best = r
    }
  }
  if (!best) throw new Error('solve: no search gave an answer')
  // No roster that keeps the rules yet: go on from the best a little longer (half the limit, 2 s to 60 s).
  if (best.hard > 0) {
    const grace = Math.min(60_000, Math.max(2000, opts.timeLimitSeconds * 500))
    const more = solveCurtois(cm, { seed: opts.seed + stages.length * opts.threads, timeLimitMs: grace, now: deps.clock, initial: best.cells })
    if (better(more, best)) best = { cells: more.cells, hard: more.hard, soft: more.soft }
  }
  const assignments = curtoisAssignments(cm, best.cells)
  const verdict = evaluateCurtois(instance, assignments)
  const seconds = (deps.clock() - started) / 1000
  if (verdict.violations.length) {
    const first = verdict.violations[0]!
    const more = verdict.violations.length - 1
    throw new ConflictError((m) => m.errors.solve.infeasible(basename(path), seconds.toFixed(1), first.rule, first.message, more), 'solve.infeasible')
  }
  return {
    instance: basename(path),
    staff: cm.model.staff,
    days: cm.model.days,
    shifts: cm.model.shifts,
    seed: opts.seed,
    threads: opts.threads,
    seconds,
    verdict,
    assignments,
    // The instance's costs are whole numbers, so no roster costs less than the bound rounded up.
    lowerBound: lowerBound === null ? null : Math.min(verdict.objective, Math.ceil(lowerBound - 1e-6)),
  }
}

/** Whether a breaks fewer hard rules than b, or as few at a lower cost. */
function better(a: { hard: number; soft: number }, b: { hard: number; soft: number }): boolean {
  return a.hard < b.hard || (a.hard === b.hard && a.soft < b.soft)
}

/** The answer: JSON under --json (objective, assignments and the details), else a short report. */
export function solvedJson(o: SolveOutcome) {
  const v = o.verdict
  return {
    instance: o.instance,
    objective: v.objective,
    hard: v.violations.length,
    seconds: Math.round(o.seconds * 10) / 10,
    lowerBound: o.lowerBound,
    seed: o.seed,
    threads: o.threads,
    staff: o.staff,
    days: o.days,
    shifts: o.shifts,
    cover: { under: v.under, over: v.over, cost: v.coverCost },
    requests: { onMissed: v.onRequestsMissed, offMissed: v.offRequestsMissed, cost: v.onRequestCost + v.offRequestCost },
    assignments: o.assignments,
  }
}

function printSolved(ctx: Ctx, o: SolveOutcome): void {
  ctx.out(solvedJson(o), () => renderSolved(o, ctx.t))
}
