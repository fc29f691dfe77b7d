import type { Command, Option } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../../src/cli/program.js'
import type { Deps } from '../../src/cli/deps.js'
import { HELP_ZH } from '../../src/i18n/help-zh.js'

function fakeDeps(): Deps {
  return {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    stdinIsTTY: false,
    env: {},
    cwd: '/nowhere',
    now: () => new Date('2027-01-06T10:00:00Z'),
    osUser: () => 'nobody',
    openStore: () => { throw new Error('no database in this test') },
    prompter: () => { throw new Error('no prompts in this test') },
  }
}

/** Every command (with its path) under `cmd`, the root first. */
function everyCommand(cmd: Command, path: string[] = []): [string[], Command][] {
  return [[path, cmd], ...cmd.commands.flatMap((c) => everyCommand(c, [...path, c.name()]))]
}

describe('help in Chinese: every description of every command and option has its Chinese', () => {
  it('HELP_ZH covers every description', async () => {
    const { program } = await buildProgram(fakeDeps(), [])
    const missing = new Set<string>()
    for (const [, cmd] of everyCommand(program)) {
      for (const text of [cmd.description(), cmd.summary(), ...cmd.options.map((o: Option) => o.description)]) {
        if (text && !HELP_ZH[text]) missing.add(text)
      }
    }
    if (process.env.HELP_ZH_DUMP) (await import('node:fs')).writeFileSync(process.env.HELP_ZH_DUMP, JSON.stringify([...missing], null, 1))
    expect([...missing]).toEqual([])
  })

  it('lists every command path (for the help width tests)', async () => {
    const { program } = await buildProgram(fakeDeps(), [])
    const paths = everyCommand(program).map(([p]) => p.join(' '))
    expect(paths).toContain('swap request')
    expect(paths.length).toBeGreaterThan(40)
  })
})
