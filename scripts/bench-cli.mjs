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
