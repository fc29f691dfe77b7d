// Every command group's register function in one module: what `roster --help`,
// `roster` alone and a mistyped command need (they list every command). The
// build bundles it as one file (dist/roster-all.cjs), so those read one bundle
// rather than one per group; a named command loads only its own group.

import type { Command } from 'commander'
import type { App } from '../app.js'
import { registerInit } from './init/init.js'
import { registerStaff } from './staff/staff.js'
import { registerShift } from './shift/shift.js'
import { registerHoliday } from './holiday/holiday.js'
import { registerConfig } from './config/config.js'
import { registerGenerate } from './generate/generate.js'
import { registerExtend } from './extend/extend.js'
import { registerAssign } from './assign/assign.js'
import { registerSwap } from './swap/swap.js'
import { registerLeave } from './leave/leave.js'
import { registerWish } from './wish/wish.js'
import { registerHandover } from './handover/handover.js'
import { registerNotify } from './notify/notify.js'
import { registerLog } from './log/log.js'
import { registerBackup } from './backup/backup.js'
import { registerShow } from './show/show.js'
import { registerWho } from './who/who.js'
import { registerCheck } from './check/check.js'
import { registerStats } from './stats/stats.js'
import { registerExport } from './export/export.js'
import { registerCover } from './cover/cover.js'
import { registerOpen } from './open/open.js'
import { registerInbox } from './inbox/inbox.js'
import { registerSolve } from './solve/solve.js'

/** Top-level command name -> its group's register function. */
export const REGISTERS: Readonly<Record<string, (program: Command, app: App) => void>> = {
  init: registerInit,
  staff: registerStaff,
  shift: registerShift,
  holiday: registerHoliday,
  config: registerConfig,
  generate: registerGenerate,
  extend: registerExtend,
  assign: registerAssign,
  swap: registerSwap,
  leave: registerLeave,
  wish: registerWish,
  handover: registerHandover,
  notify: registerNotify,
  log: registerLog,
  backup: registerBackup,
  show: registerShow,
  who: registerWho,
  check: registerCheck,
  stats: registerStats,
  export: registerExport,
  cover: registerCover,
  open: registerOpen,
  inbox: registerInbox,
  solve: registerSolve,
}
