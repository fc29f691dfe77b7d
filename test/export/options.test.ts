// Parsing export's flags without running anything: a context with a fake world.

import { describe, expect, it } from 'vitest'
import { parseExportOptions } from '../../src/cli/commands/export/export.js'
import { Ctx } from '../../src/cli/context.js'
import type { Deps } from '../../src/cli/deps.js'
import { UsageError } from '../../src/errors.js'

function ctx(): Ctx {
  const deps: Deps = {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    stdinIsTTY: false,
    env: {},
    cwd: '/tmp',
    now: () => new Date(2027, 0, 6, 10, 30),
    osUser: () => 'nobody',
    openStore: () => {
      throw new Error('parsing must not open the database')
    },
    prompter: async () => {
      throw new Error('no prompts')
    },
  }
  return new Ctx(deps, { json: false, color: false })
}

const parse = (raw: Record<string, unknown>, zone = 'Europe/Berlin') => parseExportOptions(ctx(), raw, zone)

describe('parseExportOptions', () => {
  it('takes the format, the default layout, and the system zone', () => {
    expect(parse({ format: 'csv' })).toEqual({ format: 'csv', range: { kind: 'between' }, layout: 'rows', bom: false, timeZone: 'Europe/Berlin' })
    expect(parse({ format: 'HTML' }).layout).toBe('grid')
    expect(parse({ format: 'markdown' })).toMatchObject({ format: 'md', layout: 'shifts' })
    expect(parse({ format: 'ics' }).layout).toBe('')
  })

  it('reads the range, the person, the layout, --bom, --tz and -o', () => {
    expect(parse({ format: 'csv', month: '2027-02', staff: 'ana', layout: 'grid', bom: true, tz: 'Asia/Shanghai', output: 'x.csv' })).toEqual({
      format: 'csv', range: { kind: 'month', month: '2027-02' }, staff: 'ana', layout: 'grid', bom: true, timeZone: 'Asia/Shanghai', output: 'x.csv',
    })
    expect(parse({ format: 'json', from: 'today', to: '2027-01-31' }).range).toEqual({ kind: 'between', from: '2027-01-06', to: '2027-01-31' })
  })

  it('guesses the format from the -o file name, and refuses a name that does not say', () => {
    expect(parse({ output: 'roster.ICS' }).format).toBe('ics')
    expect(parse({ output: 'wall.htm' }).format).toBe('html')
    expect(parse({ output: 'chat.markdown' }).format).toBe('md')
    expect(() => parse({ output: 'roster' })).toThrow(/Which format\?/)
    // --format wins over the name.
    expect(parse({ format: 'csv', output: 'roster.txt' }).format).toBe('csv')
  })

  it('refuses what does not fit, as usage errors', () => {
    const bad: Record<string, unknown>[] = [
      { format: 'pdf' },
      {},
      { format: 'csv', layout: 'shifts' },
      { format: 'ics', layout: 'grid' },
      { format: 'html', bom: true },
      { format: 'ics', tz: 'Nowhere/Special' },
      { format: 'csv', output: '  ' },
      { format: 'csv', week: '2027-01-06', from: '2027-01-04' },
    ]
    for (const raw of bad) expect(() => parse(raw), JSON.stringify(raw)).toThrow(UsageError)
  })
})
