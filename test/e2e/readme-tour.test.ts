// The README's tour runs as written: its shell block, line by line, in an
// empty folder, on the real date (no ROSTER_NOW), with ROSTER_USER unset and
// a login that is no staff id, `roster` on PATH being the built CLI.

import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, ROOT, tempDir } from '../support/cli.js'

const MARKER = '# roster-tour:'

/** The lines of the README's tour block (the ```sh block whose first line is the marker comment). */
export function tourLines(readme: string): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!)
  const tour = blocks.filter((b) => b.startsWith(MARKER))
  if (tour.length !== 1) throw new Error(`README.md has ${tour.length} tour blocks (a \`\`\`sh block starting "${MARKER}"), not one`)
  return tour[0]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
}

/** A bash script that runs `lines` in order and stops at the first that fails, naming it. */
function script(lines: string[]): string {
  return lines.map((l, i) => `${l}\nrc=$?; if [ $rc -ne 0 ]; then echo "TOUR LINE ${i + 1} FAILED (exit $rc): ${l.replace(/[`$"\\]/g, '\\$&')}" >&2; exit 99; fi\necho "TOUR LINE ${i + 1} OK"`).join('\n') + '\n'
}

describe('the README tour', () => {
  const lines = tourLines(readFileSync(join(ROOT, 'README.md'), 'utf8'))

  it('shows the everyday flow', () => {
    const all = lines.join('\n')
    for (const step of ['roster generate --demo', 'roster show', 'roster staff add', 'roster assign', 'roster swap request', 'roster swap accept', 'roster swap approve', 'roster leave request', 'roster leave approve', 'roster check', 'roster export'])
      expect(all).toContain(step)
    // No fixed calendar dates: the tour must run on any day.
    expect(all).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/)
  })

  it('runs line by line in an empty folder on the real date, with ROSTER_USER unset, every line exiting 0', () => {
    const dir = tempDir('tour')
    const work = join(dir, 'work')
    const bin = join(dir, 'bin')
    mkdirSync(work)
    mkdirSync(bin)
    writeFileSync(join(bin, 'roster'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`)
    chmodSync(join(bin, 'roster'), 0o755)
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('ROSTER_')) env[k] = v
    // A login that is no staff id (tests stand in for the login name so).
    env.ROSTER_OS_USER = 'tour-reader'
    env.PATH = `${bin}:${env.PATH ?? '/usr/bin:/bin'}`
    env.LANG = 'C.UTF-8'
    env.LC_ALL = ''
    env.NO_COLOR = '1'
    const r = spawnSync('bash', ['--noprofile', '--norc'], { cwd: work, env, input: script(lines), encoding: 'utf8', timeout: 300_000 })
    expect(r.error, 'bash is needed to run the tour').toBeUndefined()
    expect(r.stderr).not.toContain('FAILED')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.match(/TOUR LINE \d+ OK/g)).toHaveLength(lines.length)
    expect(readdirSync(work).sort()).toEqual(expect.arrayContaining(['ana.ics', 'roster.db', 'roster.html']))
    expect(r.stdout).toContain('already exists: kept it as it is')
    expect(r.stdout).toContain('Swap #1 approved')
    expect(existsSync(join(work, 'roster.db'))).toBe(true)
  })

  it('the runner fails on a line that fails (a near miss: the same tour with a fixed date in the past)', () => {
    const dir = tempDir('tour-bad')
    const bad = [lines[0]!, 'export ROSTER_USER=mei', 'roster swap request --date 2001-01-01 --with chen --as ana']
    const env: Record<string, string> = { PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, ROSTER_OS_USER: 'tour-reader', HOME: dir }
    writeFileSync(join(dir, 'roster'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`)
    chmodSync(join(dir, 'roster'), 0o755)
    env.PATH = `${dir}:${env.PATH}`
    const r = spawnSync('bash', ['--noprofile', '--norc'], { cwd: dir, env, input: script(bad), encoding: 'utf8', timeout: 120_000 })
    expect(r.status).toBe(99)
    expect(r.stderr).toMatch(/TOUR LINE 3 FAILED \(exit [12]\)/)
  })
})
