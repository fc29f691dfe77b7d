// roster handover add --shift <code> [--date] --note <text> | list [--date]: the handover log (交接日志).

import type { Command } from 'commander'
import { printable } from '../../../domain/validate.js'
import { NotFoundError, UsageError } from '../../../errors.js'
import type { Handover } from '../../../store/handovers.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { renderTable } from '../../render/table.js'

export interface HandoverAddOptions {
  shift: string
  date?: string
  note: string
}

export function registerHandover(program: Command, app: App): void {
  const handover = program.command('handover').description('the handover log: equipment, open problems, staffing changes for the next shift')
  handover
    .command('add')
    .description('write a handover note for a shift')
    .requiredOption('--shift <code>', 'the shift handed over')
    .option('--date <date>', 'the day (default: today)')
    .requiredOption('--note <text>', 'what the next shift needs to know')
    .action(app.action((ctx, _args, raw) => {
      const h = runHandoverAdd(ctx, { shift: String(raw.shift), date: raw.date === undefined ? undefined : String(raw.date), note: String(raw.note) })
      ctx.out({ handover: h }, () => ctx.t.handover.noted(h.shift, h.date, h.id))
    }))
  handover
    .command('list')
    .description('the handover notes of a day')
    .option('--date <date>', 'the day (default: today)')
    .action(app.action((ctx, _args, raw) => {
      const date = raw.date === undefined ? ctx.today() : ctx.date(String(raw.date), '--date')
      const list = ctx.store().handovers.list(date, date)
      ctx.out({ handovers: list }, () => renderHandovers(ctx, date, list))
    }))
}

/** A note may span lines; other control characters are refused. */
export function noteProblem(note: string): string | null {
  const t = note.trim()
  if (!t) return 'The --note must not be empty.'
  if (t.length > 2000) return 'The --note is too long: at most 2000 characters.'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(t)) return 'The --note contains control characters; use plain text.'
  return null
}

export function runHandoverAdd(ctx: Ctx, o: HandoverAddOptions): Handover {
  const date = o.date === undefined ? ctx.today() : ctx.date(o.date, '--date')
  const problem = noteProblem(o.note)
  if (problem) throw new UsageError(problem)
  const shift = ctx.store().shifts.find(o.shift)
  if (!shift) throw new NotFoundError((m) => m.errors.unknownShift(printable(o.shift)))
  const actor = ctx.actor()
  return ctx.write((store) => {
    const h = store.handovers.insert({ date, shift: o.shift, staff: actor.id, note: o.note.trim(), at: ctx.now().toISOString() })
    ctx.audit('handover.add', `${date} ${o.shift}`, null, h)
    return h
  })
}

function renderHandovers(ctx: Ctx, date: string, list: Handover[]): string {
  const { t } = ctx
  if (!list.length) return t.handover.empty(date)
  return renderTable({
    head: [t.handover.shift, t.handover.by, t.handover.at, t.handover.note],
    rows: list.map((h) => [h.shift, h.staff, h.at.slice(11, 16), h.note]),
    color: ctx.color,
  })
}
