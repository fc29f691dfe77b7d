// Builds the commander program: global options and every command group.

import { Command, Option } from 'commander'
import { Ctx, type GlobalOptions } from './context.js'
import type { Deps } from './deps.js'
import { refuseEmptyDates, type App } from './app.js'
import { registerCommands } from './commands/index.js'
import { helpConfiguration, outputWidth } from './help.js'
import { setTableWidth } from './render/table.js'
import { langFlag, resolveLang } from '../i18n/index.js'
import { printWaitingHint } from './hint.js'

export const VERSION = '0.1.0'

export async function buildProgram(deps: Deps, argv: readonly string[]): Promise<{ program: Command; contexts: Ctx[] }> {
  const contexts: Ctx[] = []
  const program = new Command('roster')
    .description('Shift rosters and swaps for a small service desk.')
    .version(VERSION, '-V, --version')
    .option('--db <path>', 'the roster database (else $ROSTER_DB, else ./roster.db)')
    .option('--as <staff-id>', 'who is acting (else $ROSTER_USER, else your login name)')
    .option('--json', 'machine-readable output on stdout')
    .option('--no-color', 'plain output without colour')
    .option('--quiet', 'no one-line hint on stderr about what waits on you (roster inbox)')
    .addOption(new Option('--lang <lang>', 'interface language (else from LC_ALL, LC_MESSAGES or LANG; --json and CSV stay English)').choices(['en', 'zh-CN']))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      // main.ts prints the one-sentence error itself.
      outputError: () => {},
    })

  const app: App = {
    action(body) {
      return async (...raw: unknown[]) => {
        const cmd = raw[raw.length - 1] as Command
        const opts = raw[raw.length - 2] as Record<string, unknown>
        const args = raw.slice(0, -2).map((a) => (Array.isArray(a) ? a.join(',') : (a as string)))
        refuseEmptyDates(opts)
        const globals = cmd.optsWithGlobals() as Partial<GlobalOptions>
        const ctx = new Ctx(deps, { db: globals.db, as: globals.as, json: !!globals.json, color: globals.color !== false, lang: globals.lang, quiet: !!globals.quiet, readOnly: isReadOnly(cmd) })
        contexts.push(ctx)
        try {
          await body(ctx, args, opts)
          // After the commit: what the change (or an earlier one) queued for the team's webhooks.
          await ctx.deliverNotifications()
          printWaitingHint(ctx, commandPath(cmd))
        } finally {
          ctx.close()
        }
      }
    },
  }
  // Help wraps at the terminal's width (80 when not a terminal), in the interface language.
  program.configureHelp(helpConfiguration(outputWidth(deps.stdout, deps.env), resolveLang(langFlag(argv), deps.env)))
  setTableWidth(outputWidth(deps.stdout, deps.env))
  await registerCommands(program, app, argv)
  // Every subcommand shares the parent's error handling and output.
  const configure = (cmd: Command) => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => deps.stdout.write(s), writeErr: (s) => deps.stderr.write(s), outputError: () => {} })
      sub.showSuggestionAfterError(true)
      configure(sub)
    }
  }
  configure(program)
  return { program, contexts }
}

/** Commands that only read the database: it is opened read-only for them (SPEC 15, "Reading needs no write access"). */
const READ_ONLY_COMMANDS = new Set(['show', 'who', 'check', 'stats', 'export', 'log', 'swap form', 'swap ledger', 'config get', 'config list', 'open claims', 'inbox'])

/** `swap accept`, `inbox`: the command as the user typed it. */
function commandPath(cmd: Command): string {
  return cmd.parent && cmd.parent.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name()
}

function isReadOnly(cmd: Command): boolean {
  const parent = cmd.parent && cmd.parent.parent ? `${cmd.parent.name()} ` : ''
  return cmd.name() === 'list' || READ_ONLY_COMMANDS.has(`${parent}${cmd.name()}`)
}
