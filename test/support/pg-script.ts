// Runs a few lines against src/store/postgres in processes of their own (a
// synchronous connection blocks its thread, so parallel writers need
// processes, as parallel roster commands are). The lines are bundled with
// esbuild into node_modules/.cache, where `pg` resolves as it does for the CLI.

import { buildSync } from 'esbuild'
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli.js'

const built = new Map<string, string>()

/**
 * Bundles `body` (TypeScript; `arg` is the JSON given to the process, and
 * openPostgres, postgresSql are in scope; print with `out(value)`) once.
 */
export function pgScript(name: string, body: string): string {
  const file = join(ROOT, 'node_modules', '.cache', 'roster-pg-test', `${name}-${process.pid}.cjs`)
  if (built.get(name) === file) return file
  mkdirSync(join(file, '..'), { recursive: true })
  buildSync({
    stdin: {
      contents: `import { openPostgres } from './src/store/postgres/open.ts'
import { postgresSql } from './src/store/postgres/sql.ts'
const arg = JSON.parse(process.argv[2] ?? '{}')
const out = (v: unknown) => process.stdout.write(JSON.stringify(v) + '\\n')
/** Blocks until the wall clock reaches t (ms), so every process starts its work at once. */
const waitUntil = (t: number) => { const d = t - Date.now(); if (d > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, d) }
void openPostgres; void postgresSql; void waitUntil
try {
${body}
} catch (e) {
  const err = e as { code?: string; exitCode?: number; message: string }
  out({ error: err.code, exitCode: err.exitCode, message: err.message })
}
`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    external: ['pg', 'better-sqlite3'],
    logLevel: 'error',
  })
  built.set(name, file)
  return file
}

export interface ScriptResult {
  code: number | null
  lines: any[]
  err: string
}

export function runScript(file: string, arg: unknown, env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [file, JSON.stringify(arg)], { cwd: ROOT, env: { ...process.env, ...env } })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => (err += d))
    p.on('close', (code) => done({ code, err, lines: out.split('\n').filter(Boolean).map((l) => JSON.parse(l)) }))
  })
}
