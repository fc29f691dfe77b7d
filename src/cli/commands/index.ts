// Every command group, in the order `roster --help` lists them. Each group is
// imported only when the command line names it, so `roster show` does not
// load the generator, the swap rules or the import parsers.

import type { Command } from 'commander'
import type { App } from '../app.js'

type Register = (program: Command, app: App) => void

/** Top-level command name -> its group's register function, loaded on demand. */
export const COMMAND_GROUPS: ReadonlyArray<readonly [name: string, load: () => Promise<Register>]> = [
  ['init', async () => (await import('./init/init.js')).registerInit],
  ['staff', async () => (await import('./staff/staff.js')).registerStaff],
  ['shift', async () => (await import('./shift/shift.js')).registerShift],
  ['holiday', async () => (await import('./holiday/holiday.js')).registerHoliday],
  ['config', async () => (await import('./config/config.js')).registerConfig],
  ['generate', async () => (await import('./generate/generate.js')).registerGenerate],
  ['extend', async () => (await import('./extend/extend.js')).registerExtend],
  ['assign', async () => (await import('./assign/assign.js')).registerAssign],
  ['swap', async () => (await import('./swap/swap.js')).registerSwap],
  ['leave', async () => (await import('./leave/leave.js')).registerLeave],
  ['wish', async () => (await import('./wish/wish.js')).registerWish],
  ['handover', async () => (await import('./handover/handover.js')).registerHandover],
  ['notify', async () => (await import('./notify/notify.js')).registerNotify],
  ['log', async () => (await import('./log/log.js')).registerLog],
  // backup also registers restore.
  ['backup', async () => (await import('./backup/backup.js')).registerBackup],
  ['show', async () => (await import('./show/show.js')).registerShow],
  ['who', async () => (await import('./who/who.js')).registerWho],
  ['check', async () => (await import('./check/check.js')).registerCheck],
  ['stats', async () => (await import('./stats/stats.js')).registerStats],
  ['export', async () => (await import('./export/export.js')).registerExport],
  ['cover', async () => (await import('./cover/cover.js')).registerCover],
  ['open', async () => (await import('./open/open.js')).registerOpen],
  ['inbox', async () => (await import('./inbox/inbox.js')).registerInbox],
  ['solve', async () => (await import('./solve/solve.js')).registerSolve],
]

/** Commands registered by another group's module. */
const ALIASES: Record<string, string> = { restore: 'backup' }

/** Global options that take a value, so the command name is not mistaken for one. */
const VALUE_OPTIONS = new Set(['--db', '--as', '--lang'])

/** The first word of `argv` that is not a global option: the command the user asked for. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (VALUE_OPTIONS.has(a)) i++
    else if (!a.startsWith('-')) return a
  }
  return undefined
}

/**
 * Registers the group the command line names, or every group when it names
 * none or an unknown one (for --help and for suggestions on a typo); none for
 * --version alone, which needs no command.
 */
export async function registerCommands(program: Command, app: App, argv: readonly string[]): Promise<void> {
  const name = commandName(argv)
  const wanted = name === undefined ? undefined : (ALIASES[name] ?? name)
  const one = COMMAND_GROUPS.find(([n]) => n === wanted)
  if (one) return (await one[1]())(program, app)
  if (name === undefined && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help')) return
  const { REGISTERS } = await import('./all.js')
  // A group all.ts does not list yet still registers, from its own module.
  for (const [group, load] of COMMAND_GROUPS) (REGISTERS[group] ?? (await load()))(program, app)
}
