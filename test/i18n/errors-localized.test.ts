// Every error a person reads is said in their language (SPEC section 14,
// "Chinese all the way"): a UsageError, ConflictError, NotFoundError or
// StorageError is built from the catalogue, `(m) => m.errors.x(...)`, never
// from an English string literal that --lang zh-CN would print as it is.

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/cli.js'

const SRC = join(ROOT, 'src')

/**
 * The only literal errors left, each with why it cannot come from the catalogue.
 * Keyed by file and a piece of the construction.
 */
const ALLOWED: { file: string; contains: string; why: string }[] = [
  {
    file: 'src/main.ts',
    contains: 'capitalise(text)',
    why: "commander's own usage errors: the sentence is commander's English, passed through (out of scope of the catalogue)",
  },
]

/** Every .ts file under `dir`, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The constructions in `text` whose first argument is a string or template literal, with line numbers. */
function literalErrors(text: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = []
  for (const m of text.matchAll(/new\s+(UsageError|ConflictError|NotFoundError|StorageError)\s*\(\s*(['"`])/g)) {
    const line = text.slice(0, m.index).split('\n').length
    found.push({ line, code: text.slice(m.index, m.index + 140).split('\n').slice(0, 3).join(' ') })
  }
  return found
}

describe('errors are built from the catalogue', () => {
  it('finds literal errors in every form they can be written (the scan can fail)', () => {
    const planted = [
      "throw new UsageError('plain English.')",
      'throw new NotFoundError("double quotes.")',
      'throw new ConflictError(`a ${template} literal.`, "conflict")',
      'throw new StorageError(\n    `over two lines.`,\n    "io")',
      'return new UsageError( \'after a space.\')',
    ].join('\n')
    expect(literalErrors(planted).map((f) => f.line)).toEqual([1, 2, 3, 4, 7])
    const fine = [
      "throw new UsageError((m) => m.errors.usage.needsFile)",
      "throw new ConflictError((m) => m.errors.staff.duplicate(id), 'duplicate')",
      'throw new UsageError(problem)',
      "new RuleViolationError(violations, 'a summary')",
    ].join('\n')
    expect(literalErrors(fine)).toEqual([])
  })

  it('has no UsageError, ConflictError, NotFoundError or StorageError made from an English literal in src/', () => {
    const files = sources(SRC)
    expect(files.length).toBeGreaterThan(50)
    const offenders: string[] = []
    const allowedSeen = new Set<string>()
    for (const path of files) {
      const file = relative(ROOT, path).split('\\').join('/')
      for (const f of literalErrors(readFileSync(path, 'utf8'))) {
        const allowed = ALLOWED.find((a) => a.file === file && f.code.includes(a.contains))
        if (allowed) allowedSeen.add(`${allowed.file} ${allowed.contains}`)
        else offenders.push(`${file}:${f.line}: ${f.code}`)
      }
    }
    expect(offenders).toEqual([])
    // An allowance nothing needs any more goes, so the list cannot hide a new literal later.
    expect([...allowedSeen].sort()).toEqual(ALLOWED.map((a) => `${a.file} ${a.contains}`).sort())
  })
})
