// Runs the built CLI in a real pseudo-terminal (test/support/pty-driver.py,
// Python's pty module and a small VT100 screen): it waits for the screen,
// presses keys, and returns the exit code, what was printed and the screen.

import { spawnSync } from 'node:child_process'
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

/** Runs `roster <args>` in a pseudo-terminal of cols x rows, playing `steps`. Throws when python3 is missing. */
export function runInPty(o: PtyOptions): PtyResult {
  const spec = {
    argv: [process.execPath, BIN, ...o.args],
    env: { ...BASE_ENV, ...(o.env ?? {}) },
    cwd: o.cwd,
    cols: o.cols ?? 80,
    rows: o.rows ?? 40,
    timeout: o.timeoutSeconds ?? 30,
    steps: o.steps.map((s) => ({ expect: s.expect.source, send: s.send, ...(s.skipIf ? { skip_if: s.skipIf.source } : {}) })),
  }
  const r = spawnSync('python3', [join(ROOT, 'test/support/pty-driver.py')], { input: JSON.stringify(spec), encoding: 'utf8', timeout: (spec.timeout + 15) * 1000 })
  if (r.error) throw new Error(`The pseudo-terminal tests need python3 (apt-get install -y python3): ${r.error.message}`)
  if (r.status !== 0) throw new Error(`pty-driver.py failed (exit ${r.status}): ${r.stderr}`)
  const out = JSON.parse(r.stdout) as { code: number | null; transcript: string; screen: string; overflow: string[]; steps: number; waiting_for: string | null }
  return { code: out.code, transcript: out.transcript, screen: out.screen, overflow: out.overflow, steps: out.steps, waitingFor: out.waiting_for }
}
