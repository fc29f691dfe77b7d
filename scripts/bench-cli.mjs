// How the benchmark parts run the built CLI: a fixed "now", no colour,
// English, no identity from the environment or its database path, and the
// wall-clock time of the whole process, start-up included.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
export const BIN = join(ROOT, 'bin/roster.cjs')

const env = { ...process.env, NO_COLOR: '1', LANG: 'C', ROSTER_NOW: '2027-01-01T12:00:00', ROSTER_USER: '' }
delete env.ROSTER_DB

/** Runs node with `args` (the CLI's bin first, or `-e 0`); milliseconds, exit status, stderr. */
export function timeNode(args) {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] })
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status, stderr: r.stderr }
}

/** Runs the CLI on `db` and returns its milliseconds; throws with its stderr when it fails. */
export function roster(db, args) {
  const r = timeNode([BIN, '--db', db, ...args])
  if (r.status !== 0) throw new Error(`roster ${args.join(' ')}: exit ${r.status}\n${r.stderr}`)
  return r.ms
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** A swap of the demo roster that passes every rule: [requester, date, counterpart]. */
export function passingSwap(db) {
  const people = ['ana', 'ben', 'chen', 'dev']
  for (let day = 6; day <= 20; day++) {
    const date = `2027-01-${String(day).padStart(2, '0')}`
    for (const who of people) {
      for (const other of people) {
        if (other === who) continue
        if (timeNode([BIN, '--db', db, '--as', who, 'swap', 'check', '--date', date, '--with', other]).status === 0) return [who, date, other]
      }
    }
  }
  throw new Error('bench: no swap of the demo roster passes every rule')
}

/** Instance numbers from a list like "1-12" or "3,7,13-24"; `variable` and `example` name the setting in the error. */
export function instances(spec, variable, example) {
  const out = []
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
    if (!m) throw new Error(`${variable}: "${part}" is not a number or a range like ${example}`)
    for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) out.push(n)
  }
  return out
}

/**
 * The start-up rounds of parts 1 and 1b on the demo team's database `db`: each round
 * times node -e 0, `show`, `swap check` and a `swap request` that passes every rule,
 * the last on a fresh copy of the database that `scratch()` makes outside the timing.
 * Returns the medians in milliseconds.
 */
export async function startupRounds(db, scratch, rounds) {
  roster(db, ['init', '--demo'])
  roster(db, ['--as', 'mei', 'generate', '--start', '2027-01-04'])
  const [who, date, other] = passingSwap(db)
  const base = [], show = [], check = [], request = []
  for (let i = 0; i < rounds; i++) {
    const copy = await scratch()
    base.push(timeNode(['-e', '0']).ms)
    show.push(roster(db, ['show', '--from', '2027-01-04', '--to', '2027-01-24']))
    check.push(roster(db, ['--as', who, 'swap', 'check', '--date', date, '--with', other]))
    request.push(roster(copy, ['--as', who, 'swap', 'request', '--date', date, '--with', other, '--reason', 'bench']))
  }
  return { base: median(base), show: median(show), check: median(check), request: median(request) }
}
