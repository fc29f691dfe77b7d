// Help fits the terminal: every command's --help, in English and Chinese, at
// 80 columns when output is not a terminal and on a real 80-column terminal.

import { spawnSync } from 'node:child_process'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../../src/cli/program.js'
import type { Deps } from '../../src/cli/deps.js'
import { BIN, roster, rosterAsync } from '../support/cli.js'
import stringWidth from 'string-width'

const deps = {
  stdout: { write: () => {}, isTTY: false },
  stderr: { write: () => {}, isTTY: false },
  stdinIsTTY: false,
  env: {},
  cwd: '/nowhere',
  now: () => new Date(),
  osUser: () => 'nobody',
  openStore: () => { throw new Error('no database') },
  prompter: () => { throw new Error('no prompts') },
} as unknown as Deps

function paths(cmd: Command, path: string[] = []): string[][] {
  return [path, ...cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => paths(c, [...path, c.name()]))]
}

/** Lines wider than `width` display columns (a Chinese character is two). */
function tooWide(text: string, width = 80): string[] {
  return text.split(/\r?\n/).filter((l) => stringWidth(l) > width)
}

describe('help fits 80 columns', async () => {
  const all = paths((await buildProgram(deps, [])).program)

  it('knows every command', () => {
    expect(all.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['', 'swap', 'generate', 'swap request', 'config list', 'export']))
  })

  it.each(['en', 'zh-CN'])('every --help in %s has no line over 80 columns and no word cut in two', async (lang) => {
    // Spawned a few at a time and awaited, so the test runner stays responsive.
    const runs = []
    for (let i = 0; i < all.length; i += 4) runs.push(...(await Promise.all(all.slice(i, i + 4).map((p) => rosterAsync(['--lang', lang, ...p, '--help'])))))
    for (const [i, p] of all.entries()) {
      const r = runs[i]!
      expect(r.code, p.join(' ')).toBe(0)
      expect(tooWide(r.out), `roster ${p.join(' ')} --help`).toEqual([])
      if (lang === 'zh-CN' && p.length) {
        // The description of the command comes from the Chinese catalogue.
        expect(r.out.split('\n')[2], p.join(' ')).toMatch(/[\u4e00-\u9fff]/)
        expect(r.out).toContain('用法：')
      }
      // A word broken across lines would leave a line ending in a letter followed by one starting with a letter
      // inside the same description column: check that each long word of the one-line help appears whole.
      for (const word of r.out.split(/\s+/).filter((w) => /^[a-z][a-z.-]{11,}$/i.test(w))) expect(r.out).toContain(word)
    }
  })

  it('roster --help wraps a long description at a space, the rest under the description column', () => {
    const out = roster(['--help']).out
    expect(out).toContain('  --db <path>                       the roster database (else $ROSTER_DB, else\n                                    ./roster.db)')
  })

  it.each([
    [['--help']],
    [['swap', '--help']],
    [['generate', '--help']],
    [['--lang', 'zh-CN', '--help']],
    [['--lang', 'zh-CN', 'swap', '--help']],
    [['--lang', 'zh-CN', 'generate', '--help']],
  ])('on a real 80-column terminal: roster %j', async (args) => {
    const cmd = `stty cols 80 rows 50; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}`
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1' } })
    expect(r.error, 'the script command (util-linux) is needed for this test').toBeUndefined()
    expect(r.status).toBe(0)
    const out = r.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    expect(out).toMatch(/Usage:|用法：/)
    expect(tooWide(out)).toEqual([])
    // Wider terminal, wider help: the width comes from the terminal.
    const wide = spawnSync('script', ['-qec', cmd.replace('cols 80', 'cols 200'), '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', NO_COLOR: '1' } })
    expect(Math.max(...wide.stdout.split(/\r?\n/).map((l) => stringWidth(l)))).toBeGreaterThan(80)
  })
})
