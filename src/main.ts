// Composition root: builds the world, runs the program, and is the only
// place that turns errors into messages and exit codes.

import { userInfo } from 'node:os'
import { CommanderError } from 'commander'
import { CancelledError, RosterError, StorageError, UsageError } from './errors.js'
import { buildProgram } from './cli/program.js'
import type { Deps } from './cli/deps.js'
import type { Ctx } from './cli/context.js'
import { openStore, toStorageError } from './store/host.js'
import { createInquirerPrompter } from './cli/prompter.js'
import { langFlag, messagesFor, resolveLang, type Messages } from './i18n/index.js'

export interface ProcessLike {
  argv: string[]
  env: Record<string, string | undefined>
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
  stdin: { isTTY?: boolean }
  exitCode?: number | string | undefined
  cwd(): string
}

export function processDeps(proc: ProcessLike): Deps {
  return {
    stdout: { write: (s) => void proc.stdout.write(s), isTTY: !!proc.stdout.isTTY, columns: proc.stdout.columns },
    stderr: { write: (s) => void proc.stderr.write(s), isTTY: !!proc.stderr.isTTY },
    // Asked only by prompting commands: touching process.stdin builds a stream (and loads net) on every start.
    get stdinIsTTY() {
      return !!proc.stdin.isTTY
    },
    env: proc.env,
    cwd: proc.cwd(),
    // ROSTER_NOW moves the rules' today (tests, demos); the audit log keeps the real time and marks the entry.
    now: () => (proc.env.ROSTER_NOW ? new Date(proc.env.ROSTER_NOW) : new Date()),
    realNow: () => new Date(),
    testClock: !!proc.env.ROSTER_NOW,
    // The operating system's login, never a variable: the audit log names who really ran the command.
    osUser: () => {
      try {
        return userInfo().username
      } catch {
        return ''
      }
    },
    openStore,
    prompter: createInquirerPrompter,
  }
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: string[], deps: Deps): Promise<number> {
  const wantsJson = argv.includes('--json')
  // The language of the error sentence, found the way Ctx finds it (commander may not have parsed --lang yet).
  const t = messagesFor(resolveLang(langFlag(argv), deps.env))
  // The contexts the program creates while it runs, so a failure can close them.
  let contexts: Ctx[] = []
  try {
    const built = await buildProgram(deps, argv)
    contexts = built.contexts
    await built.program.parseAsync(argv, { from: 'user' })
    return 0
  } catch (e) {
    for (const ctx of contexts) ctx.close()
    return report(e, deps, wantsJson, contexts[0]?.dbPath() ?? 'the database', t)
  }
}

function report(e: unknown, deps: Deps, json: boolean, dbPath: string, t: Messages): number {
  // Ctrl-C at a prompt: one plain line, no prefix, no stack trace.
  if (e instanceof CancelledError) {
    deps.stderr.write(`${e.say(t)}\n`)
    return e.exitCode
  }
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0
    // Commander's own message already says what is wrong; make it one sentence with a way out.
    // (Its suggestion, "(Did you mean --date?)", comes on a line of its own: keep one line.)
    const text = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')
    return print(new UsageError(`${capitalise(text)}. See "roster --help".`, 'usage'), deps, json, t)
  }
  const mapped = toStorageError(e, dbPath) as unknown
  if (mapped instanceof RosterError) return print(mapped, deps, json, t)
  if (e instanceof RosterError) return print(e, deps, json, t)
  const err = e as Error
  if (deps.env.ROSTER_DEBUG === '1') deps.stderr.write(`${err?.stack ?? String(e)}\n`)
  const code = (err as { code?: string })?.code
  if (typeof code === 'string' && code.startsWith('SQLITE')) {
    return print(new StorageError((m) => m.errors.store.failed(err.message), 'storage'), deps, json, t)
  }
  return print(new StorageError((m) => m.errors.store.unexpected(err?.message ?? String(e)), 'internal'), deps, json, t)
}

/** One sentence on stderr in the user's language; under --json the English JSON error, whatever the language. */
function print(e: RosterError, deps: Deps, json: boolean, t: Messages): number {
  if (deps.env.ROSTER_DEBUG === '1' && e.stack) deps.stderr.write(`${e.stack}\n`)
  if (json) deps.stderr.write(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`)
  else deps.stderr.write(`${t.errors.prefix}${e.say(t)}\n`)
  return e.exitCode
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Entry point used by bin/roster.cjs. */
export async function run(proc: ProcessLike): Promise<void> {
  proc.exitCode = await runCli(proc.argv.slice(2), processDeps(proc))
}
