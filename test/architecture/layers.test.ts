// The layering rules of .dependency-cruiser.cjs, run the way `npm run lint:layers`
// runs them: on the real tree (no violation) and on a copy with back-arrows
// planted, one per rule, each of which must be reported under its own rule, so
// the check is shown able to fail.

import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/cli.js'

interface Violation {
  rule: string
  severity: string
  from: string
}

interface CruiseResult {
  /** The exit code `npm run lint:layers` fails on: the number of errors. */
  code: number | null
  violations: Violation[]
  output: string
}

const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

/**
 * Runs the checker exactly as `npm run lint:layers` does, in `cwd` (a tree with
 * src/, fixtures/, tsconfig.json and the config), and reads its report: one
 * "  error <rule>: <from> → <to>" line per violation.
 */
function cruise(cwd: string): CruiseResult {
  if (!existsSync(DEPCRUISE)) throw new Error(`dependency-cruiser is not installed (${DEPCRUISE}): run npm ci`)
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  const output = r.stdout + r.stderr
  const violations = [...output.matchAll(/^\s+(error|warn|info) ([\w-]+): (\S+) →/gm)].map((m) => ({ severity: m[1]!, rule: m[2]!, from: m[3]! }))
  return { code: r.status, violations, output }
}

/** The planted files, each an arrow one rule forbids: [rule, file, its text]. */
const PLANTED: ReadonlyArray<readonly [rule: string, file: string, text: string]> = [
  ['export-never-imports-cli', 'src/export/planted-back-arrow.ts', "import { renderTable } from '../cli/render/table.js'\nexport const planted = renderTable\n"],
  ['export-reads-no-database', 'src/export/planted-store-call.ts', "import { staffStore } from '../store/staff.js'\nexport const planted = staffStore\n"],
  // A command that builds a store area over its own connection, or a store of its own, bypasses ctx.store().
  ['data-only-through-the-store', 'src/cli/commands/planted-area.ts', "import { swapsStore } from '../../store/swaps.js'\nexport const planted = swapsStore\n"],
  ['data-only-through-the-store', 'src/cli/commands/planted-own-store.ts', "import { sqliteStore } from '../../store/store.js'\nexport const planted = sqliteStore\n"],
  // Holding the connection itself, even by its type only, is what the Store seam exists to prevent.
  ['no-connection-outside-the-store', 'src/cli/commands/planted-handle.ts', "import type { Db } from '../../store/db.js'\nexport type Planted = Db\n"],
  ['no-connection-outside-the-store', 'src/views/planted-sql.ts', "import type { Sql } from '../store/sql.js'\nexport type Planted = Sql\n"],
  ['domain-is-pure', 'src/domain/planted-catalogue.ts', "import { en } from '../i18n/index.js'\nexport const planted = en\n"],
  ['domain-does-no-io', 'src/domain/planted-io.ts', "import { readFileSync } from 'node:fs'\nexport const planted = readFileSync\n"],
  ['domain-uses-no-edge-library', 'src/domain/planted-chalk.ts', "import chalk from 'chalk'\nexport const planted = chalk\n"],
  ['store-sees-only-domain', 'src/store/planted-context.ts', "import type { Ctx } from '../cli/context.js'\nexport type Planted = Ctx\n"],
  ['views-below-their-readers', 'src/views/planted-render.ts', "import type { RenderStyle } from '../cli/render/roster.js'\nexport type Planted = RenderStyle\n"],
  ['i18n-says-only', 'src/i18n/planted-view.ts', "import type { RosterEntry } from '../views/roster.js'\nexport type Planted = RosterEntry\n"],
  ['commands-do-not-import-the-program', 'src/cli/commands/planted.ts', "import { buildProgram } from '../program.js'\nexport const planted = buildProgram\n"],
  ['only-store-opens-sqlite', 'src/cli/planted-sqlite.ts', "import Database from 'better-sqlite3'\nexport const planted = Database\n"],
  ['only-prompter-prompts', 'src/cli/render/planted-prompt.ts', "import { select } from '@inquirer/prompts'\nexport const planted = select\n"],
  // A circle through types only is a circle all the same (reported from its first file).
  ['no-circular', 'src/domain/planted-a.ts', "import type { B } from './planted-b.js'\nexport interface A { b?: B }\n"],
]

/** The other half of the planted circle. */
const CIRCLE_HALF = ['src/domain/planted-b.ts', "import type { A } from './planted-a.js'\nexport interface B { a?: A }\n"] as const

describe('one-way layers (npm run lint:layers)', () => {
  it('the real tree keeps every rule: no circle, no arrow back up', () => {
    const r = cruise(ROOT)
    expect(r.violations).toEqual([])
    expect(r.code).toBe(0)
    // It did look: the modules of src/ were cruised.
    const cruised = /no dependency violations found \((\d+) modules/.exec(r.output)
    expect(Number(cruised?.[1])).toBeGreaterThan(100)
  })

  describe('a copy of the tree with back-arrows planted', () => {
    let tree: string
    let result: CruiseResult

    beforeAll(() => {
      tree = mkdtempSync(join(tmpdir(), 'roster-layers-'))
      cpSync(join(ROOT, 'src'), join(tree, 'src'), { recursive: true })
      cpSync(join(ROOT, 'fixtures'), join(tree, 'fixtures'), { recursive: true })
      cpSync(join(ROOT, 'tsconfig.json'), join(tree, 'tsconfig.json'))
      cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(tree, '.dependency-cruiser.cjs'))
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir')
      for (const [, file, text] of [...PLANTED, ['', ...CIRCLE_HALF] as const]) {
        mkdirSync(dirname(join(tree, file)), { recursive: true })
        writeFileSync(join(tree, file), text)
      }
      result = cruise(tree)
    })

    afterAll(() => {
      if (tree) rmSync(tree, { recursive: true, force: true })
    })

    it('fails the check: a non-zero exit, so npm test stops before vitest', () => {
      expect(result.code).not.toBe(0)
      expect(result.output).toContain('error export-never-imports-cli: src/export/planted-back-arrow.ts → src/cli/render/table.ts')
    })

    it.each(PLANTED.map(([rule, file]) => [rule, file] as const))('reports %s for %s', (rule, file) => {
      const mine = result.violations.filter((v) => v.from === file)
      expect(mine.map((v) => v.rule)).toContain(rule)
      expect(mine.every((v) => v.severity === 'error')).toBe(true)
    })

    it('reports nothing but the planted arrows', () => {
      const planted = new Set([...PLANTED.map(([, file]) => file), CIRCLE_HALF[0]])
      expect(result.violations.filter((v) => !planted.has(v.from))).toEqual([])
    })
  })
})
