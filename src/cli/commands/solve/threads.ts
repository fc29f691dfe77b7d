// More searches side by side: each worker thread runs the same command line
// entry as the process (bin/roster.cjs) with the hidden `solve --internal-worker`,
// searches the instance it is given with its own seed (from scratch, or on
// from a grid it is given) until the shared deadline, and posts back its best
// grid. Threads end with the process, so
// an interrupted solve leaves nothing running.

import { performance } from 'node:perf_hooks'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { curtoisModel, parseCurtois } from '../../../domain/solver/curtois.js'
import { solveCurtois } from '../../../domain/solver/curtois-solve.js'

export interface SearchRequest {
  /** The instance's text (parsed again in the thread). */
  text: string
  seed: number
  /** When to stop, on the clock every thread shares: performance.timeOrigin + performance.now(). */
  deadline: number
  /** The part of the cooling to run (see solveCurtois), */
  stage: readonly [number, number]
  /** going on from these cells when it is not the first. */
  initial?: Int16Array
}

export interface SearchOutcome {
  cells: Int16Array
  hard: number
  soft: number
}

/** Starts one search thread on `entry` (the CLI's executable) and resolves to its best grid. */
export function startWorker(entry: string, request: SearchRequest): Promise<SearchOutcome> {
  return new Promise((resolve, reject) => {
    // stdout and stderr stay with the thread: nothing it might print mixes with the answer.
    const worker = new Worker(entry, { argv: ['solve', 'worker', '--internal-worker'], workerData: request, stdout: true, stderr: true })
    let result: SearchOutcome | null = null
    worker.on('message', (m: SearchOutcome) => (result = m))
    worker.on('error', reject)
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`a search thread stopped (exit ${code}) without an answer`))))
  })
}

/** The thread's side: search until the deadline and post the best grid back. */
export async function runWorker(): Promise<void> {
  const request = workerData as SearchRequest
  const clock = () => performance.timeOrigin + performance.now()
  const cm = curtoisModel(parseCurtois(request.text))
  const r = solveCurtois(cm, {
    seed: request.seed,
    timeLimitMs: Math.max(1, request.deadline - clock()),
    now: clock,
    stage: request.stage,
    ...(request.initial ? { initial: request.initial } : {}),
  })
  const outcome: SearchOutcome = { cells: r.cells, hard: r.hard, soft: r.soft }
  parentPort!.postMessage(outcome, [r.cells.buffer as ArrayBuffer])
}
