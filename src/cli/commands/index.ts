// Every command group, registered in the order `roster --help` lists them.

import type { Command } from 'commander'
import type { App } from '../program.js'
import { registerInit } from './init/init.js'
import { registerStaff } from './staff/staff.js'
import { registerShift } from './shift/shift.js'
import { registerHoliday } from './holiday/holiday.js'
import { registerConfig } from './config/config.js'
import { registerGenerate } from './generate/generate.js'
import { registerAssign } from './assign/assign.js'
import { registerLog } from './log/log.js'
import { registerHandover } from './handover/handover.js'
import { registerSwap } from './swap/swap.js'
import { registerLeave } from './leave/leave.js'
import { registerBackup } from './backup/backup.js'
import { registerShow } from './show/show.js'
import { registerWho } from './who/who.js'
import { registerCheck } from './check/check.js'
import { registerStats } from './stats/stats.js'
import { registerExport } from './export/export.js'

export function registerCommands(program: Command, app: App): void {
  registerInit(program, app)
  registerStaff(program, app)
  registerShift(program, app)
  registerHoliday(program, app)
  registerConfig(program, app)
  registerGenerate(program, app)
  registerAssign(program, app)
  registerSwap(program, app)
  registerLeave(program, app)
  registerHandover(program, app)
  registerLog(program, app)
  registerBackup(program, app)
  registerShow(program, app)
  registerWho(program, app)
  registerCheck(program, app)
  registerStats(program, app)
  registerExport(program, app)
}
