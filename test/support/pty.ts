// Runs the built CLI in a real pseudo-terminal (test/support/pty-driver.py,
// Python's pty module and a small VT100 screen): it waits for the screen,
// presses keys, and returns the exit code, what was printed and the screen.

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { BIN, ROOT } from './cli.js'

export const KEY = {
  enter: '\r',
  down: '\x1b[B',
  up: '\x1b[A',
  ctrlC: '\x03',
  backspace: '\x7f',
} as const

export interface PtyStep {
  /** Waits until the program printed this (since the last keys, colour codes removed)... */
  expect: RegExp
  /** ...then types this. */
  send: string
  /** A prompt this run may not ask: skipped when this comes first (the next step's text). */
  skipIf?: RegExp
}

export interface PtyOptions {
  args: string[]
  steps: PtyStep[]
  cwd: string
  env?: Record<string, string>
  cols?: number
  rows?: number
  timeoutSeconds?: number
}

export interface PtyResult {
  /** The exit code; null when the program still ran at the timeout. */
  code: number | null
  /** Everything printed, colour and cursor codes removed. */
  transcript: string
  /** The terminal's lines at the end (scrollback first), as a person sees them. */
  screen: string
  /** Lines printed wider than the terminal, which it had to wrap itself. */
  overflow: string[]
  /** How many steps ran; `waitingFor` is the one whose text never came. */
  steps: number
  waitingFor: string | null
}

// The environment of a person at a terminal: a login that is no staff id, English unless told otherwise, no colour.
const BASE_ENV: Record<string, string> = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
  TERM: 'xterm-256color',
  NO_COLOR: '1',
  LANG: 'C',
  ROSTER_USER: '',
  ROSTER_OS_USER: 'roster-tests',
}

/**
 * Runs `roster <args>` in a pseudo-terminal of cols x rows, playing `steps`.
 * Asynchronous, so the test worker stays free to talk to vitest meanwhile.
 * Rejects when python3 is missing: the test fails, it is not skipped.
 */
export function runInPty(o: PtyOptions): Promise<PtyResult> {
  const spec = {
    argv: [process.execPath, BIN, ...o.args],
    env: { ...BASE_ENV, ...(o.env ?? {}) },
    cwd: o.cwd,
    cols: o.cols ?? 80,
    rows: o.rows ?? 40,
    timeout: o.timeoutSeconds ?? 30,
    steps: o.steps.map((s) => ({ expect: s.expect.source, send: s.send, ...(s.skipIf ? { skip_if: s.skipIf.source } : {}) })),
  }
  return new Promise((resolve, reject) => {
    const p = spawn('python3', [join(ROOT, 'test/support/pty-driver.py')], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    p.on('error', (e) => reject(new Error(`The pseudo-terminal tests need python3 (apt-get install -y python3): ${e.message}`)))
    p.on('close', (status) => {
      if (status !== 0) return reject(new Error(`pty-driver.py failed (exit ${status}): ${err}`))
      const r = JSON.parse(out) as { code: number | null; transcript: string; screen: string; overflow: string[]; steps: number; waiting_for: string | null }
      resolve({ code: r.code, transcript: r.transcript, screen: r.screen, overflow: r.overflow, steps: r.steps, waitingFor: r.waiting_for })
    })
    p.stdin.end(JSON.stringify(spec))
  })
}
