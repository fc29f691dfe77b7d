// roster who [--at <datetime>]: who is on duty now, or at a given time.

import type { Command } from 'commander'
import { formatHhmm, parseHhmm } from '../../../domain/clock.js'
import { dutySpans, onDutyAt, type DutySpan } from '../../../domain/coverage-gaps.js'
import { addDays, isIsoDate, localDate } from '../../../domain/dates.js'
import type { IsoDate, ServiceHours } from '../../../domain/types.js'
import { UsageError } from '../../../errors.js'
import type { Ctx } from '../../context.js'
import type { App } from '../../app.js'
import { renderWho, type OnDuty, type WhoResult } from '../../render/who.js'

/** A moment on the civil calendar: a date and a minute of that day (0..1439). */
export interface Moment {
  date: IsoDate
  minute: number
}

export interface WhoOptions {
  /** Absent: now, by the injected clock. */
  at?: { date?: IsoDate; minute: number }
}

export function registerWho(program: Command, app: App): void {
  program
    .command('who')
    .description('who is on duty now (or at a time), counting shifts that began yesterday and run past midnight')
    .option('--at <datetime>', 'YYYY-MM-DDTHH:MM, or HH:MM for today')
    .action(app.action((ctx, _args, raw) => {
      const r = runWho(ctx, parseWhoOptions(raw))
      ctx.out({ at: r.at, onDuty: r.onDuty.map(({ staff, name, shift, start, end, remote }) => ({ staff, name, shift, start, end, remote })) }, () => renderWho(r, ctx))
    }))
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/

export function parseWhoOptions(raw: Record<string, unknown>): WhoOptions {
  if (raw.at === undefined) return {}
  const text = String(raw.at).trim()
  const m = DATE_TIME.exec(text)
  const date = m ? m[1]! : undefined
  const minute = parseHhmm(m ? m[2]! : text)
  if ((date !== undefined && !isIsoDate(date)) || minute === null || minute >= 1440) {
    throw new UsageError((m) => m.errors.usage.badTime(String(raw.at)), 'bad-time')
  }
  return { at: date === undefined ? { minute } : { date, minute } }
}

export function runWho(ctx: Ctx, opts: WhoOptions): WhoResult {
  const now = ctx.now()
  const at: Moment = { date: opts.at?.date ?? localDate(now), minute: opts.at?.minute ?? now.getHours() * 60 + now.getMinutes() }
  const store = ctx.store()
  // The day before too: its shifts that cross midnight are still running.
  const assignments = store.assignments.find(addDays(at.date, -1), at.date)
  const shifts = store.shifts.all()
  const names = new Map(store.staff.all({ includeInactive: true }).map((s) => [s.id, s.name]))
  const toDuty = (span: DutySpan): OnDuty => ({
    staff: span.assignment.staff,
    name: names.get(span.assignment.staff) ?? span.assignment.staff,
    shift: span.shift.code,
    start: formatHhmm(span.shift.start),
    end: formatHhmm(span.shift.end),
    remote: span.shift.remote,
    date: span.assignment.date,
  })
  const later = dutySpans(at.date, assignments, shifts).filter((s) => s.from > at.minute && !s.fromDayBefore)
  const firstStart = later[0]?.from
  const service: ServiceHours = ctx.config().serviceHours
  return {
    at: `${at.date}T${formatHhmm(at.minute)}`,
    date: at.date,
    minute: at.minute,
    onDuty: onDutyAt(at.date, at.minute, assignments, shifts).map(toDuty),
    next: later.filter((s) => s.from === firstStart).map(toDuty),
    inServiceHours: at.minute >= service.from && at.minute < service.to,
  }
}
