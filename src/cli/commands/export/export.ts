// roster export --format csv|ics|html|md|json [--week <date> | --month YYYY-MM | --from --to]
//               [--staff <id>] [--layout <layout>] [--tz <zone>] [--bom] [-o <file>]
//
// Reads the roster into one model; each format is a pure function of it in
// src/export/, loaded on demand (the ICS and CSV libraries only load here).

import { basename, dirname, extname, join, resolve } from 'node:path'
import type { Command } from 'commander'
import { printable } from '../../../domain/validate.js'
import { UsageError } from '../../../errors.js'
import type { ExportModel } from '../../../export/model.js'
import { canonicalZone } from '../../../export/zone.js'
import type { Ctx } from '../../context.js'
import { writeExport } from '../../write-export.js'
import type { App } from '../../app.js'
import { rosterEntries, shiftColumns } from '../../../views/roster.js'
import { en, type Messages } from '../../../i18n/index.js'
import { parseRange, resolveRange, type RangeRequest } from '../show/range.js'

export type ExportFormat = 'csv' | 'ics' | 'html' | 'md' | 'json' | 'pdf'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ics', 'html', 'md', 'json', 'pdf']

/** The layouts each format offers, the default first. */
export const LAYOUTS: Readonly<Record<ExportFormat, readonly string[]>> = {
  csv: ['rows', 'grid'],
  html: ['grid', 'dates-down'],
  // The HTML sheet, printed by Chromium.
  pdf: ['grid', 'dates-down'],
  md: ['shifts', 'grid', 'dates-down', 'rows'],
  ics: [],
  json: [],
}

const FORMAT_ALIASES: Record<string, ExportFormat> = { markdown: 'md', htm: 'html', ical: 'ics', ifb: 'ics' }

export interface ExportOptions {
  format: ExportFormat
  range: RangeRequest
  /** A staff id, or `me` for the acting person. */
  staff?: string
  layout: string
  bom: boolean
  /** IANA time zone of the shift times. */
  timeZone: string
  /** Where to write; stdout when absent. */
  output?: string
}

export interface ExportResult {
  model: ExportModel
  /** Text, or the bytes of a PDF. */
  content: string | Uint8Array
}

export function registerExport(program: Command, app: App): void {
  program
    .command('export')
    .description('write the roster as CSV, iCalendar, a printable HTML page, Markdown or JSON (default: the cycle that holds today, else the next one generated)')
    .option('--format <format>', `${EXPORT_FORMATS.join(', ')} (default: from the -o file's extension)`)
    .option('--week <date>', 'the week (Monday to Sunday) that holds this date')
    .option('--month <YYYY-MM>', 'a calendar month')
    .option('--from <date>', 'first day (alone: one cycle from this day)')
    .option('--to <date>', 'last day (alone: from this week\'s Monday)')
    .option('--weeks <n>', 'how many weeks from --from (alone: from this week\'s Monday)')
    .option('--staff <id>', 'only this person\'s shifts ("me": the acting person)')
    .option('--layout <layout>', 'csv: rows|grid; html, pdf: grid|dates-down; md: shifts|grid|dates-down|rows')
    .option('--tz <zone>', 'time zone of the shift times, an IANA name like Europe/Berlin (default: the timezone setting, else this computer\'s)')
    .option('--bom', 'csv: start with a UTF-8 byte order mark (for Excel)')
    .option('-o, --output <file>', 'write to this file (its folder must exist) instead of stdout')
    .action(app.action(async (ctx, _args, raw) => {
      const opts = parseExportOptions(ctx, raw, ctx.config().timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)
      const result = await runExport(ctx, opts)
      if (opts.output === undefined) {
        // Only text comes here: a PDF always has its -o file.
        ctx.data(typeof result.content === 'string' ? result.content : '')
        if (!result.model.entries.length) ctx.note(ctx.t.export.empty(result.model.from, result.model.to, result.model.person?.id))
        return
      }
      const path = writeExport(ctx, opts.output, result.content)
      const m = result.model
      const summary = { file: path, format: opts.format, from: m.from, to: m.to, assignments: m.entries.length, bytes: Buffer.byteLength(result.content), revision: m.revision }
      if (ctx.json) ctx.out(summary, () => '')
      else ctx.note(ctx.t.export.wrote(m.entries.length, m.from, m.to, m.person?.id, path, opts.format))
    }))
}

/** Checks the flags; `systemZone` is the time zone used without --tz. */
export function parseExportOptions(ctx: Ctx, raw: Record<string, unknown>, systemZone: string): ExportOptions {
  const given = (['week', 'month', 'from', 'to', 'weeks'] as const).filter((k) => raw[k] !== undefined)
  if (given.includes('week') && given.length > 1) throw new UsageError((m) => m.errors.usage.weekWithOthers)
  if (given.includes('month') && given.length > 1) throw new UsageError((m) => m.errors.usage.monthWithOthers)
  const output = raw.output === undefined ? undefined : String(raw.output)
  if (output !== undefined && output.trim() === '') throw new UsageError((m) => m.errors.usage.needsFile)
  const format = parseFormat(raw.format, output)
  if (format === 'pdf' && output === undefined) throw new UsageError((t) => t.print.needsOutput('-o'), 'usage')
  const layouts = LAYOUTS[format]
  let layout = layouts[0] ?? ''
  if (raw.layout !== undefined) {
    const wanted = String(raw.layout).trim().toLowerCase()
    if (!layouts.length) throw new UsageError((m) => m.errors.export.noLayout(format), 'bad-layout')
    if (!layouts.includes(wanted)) throw new UsageError((m) => m.errors.export.badLayout(printable(String(raw.layout)), format, layouts), 'bad-layout')
    layout = wanted
  }
  if (raw.bom && format !== 'csv') throw new UsageError((m) => m.errors.export.bomCsvOnly, 'usage')
  const zoneRaw = raw.tz === undefined ? systemZone : String(raw.tz).trim()
  const timeZone = canonicalZone(zoneRaw)
  if (!timeZone) throw new UsageError((m) => m.errors.export.badZone(printable(zoneRaw)), 'bad-time-zone')
  const opts: ExportOptions = { format, range: parseRange(ctx, raw), layout, bom: !!raw.bom, timeZone }
  if (raw.staff !== undefined) opts.staff = String(raw.staff)
  if (output !== undefined) opts.output = output
  return opts
}

function parseFormat(raw: unknown, output: string | undefined): ExportFormat {
  const choices = EXPORT_FORMATS.join(', ')
  if (raw === undefined) {
    const ext = output === undefined ? '' : extname(output).slice(1).toLowerCase()
    const guessed = (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : FORMAT_ALIASES[ext]
    if (guessed) return guessed
    throw new UsageError((m) => m.errors.export.whichFormat(EXPORT_FORMATS, output === undefined ? undefined : printable(basename(output))), 'bad-format')
  }
  const t = String(raw).trim().toLowerCase()
  const format = (EXPORT_FORMATS as readonly string[]).includes(t) ? (t as ExportFormat) : FORMAT_ALIASES[t]
  if (!format) throw new UsageError((m) => m.errors.export.badFormat(printable(String(raw)), EXPORT_FORMATS), 'bad-format')
  return format
}

/** Reads the roster for the range and renders it in the asked-for format. */
export async function runExport(ctx: Ctx, opts: ExportOptions): Promise<ExportResult> {
  const model = loadExportModel(ctx, opts)
  const content = await renderExport(model, opts, ctx.t)
  if (opts.format !== 'pdf') return { model, content }
  const { printPdf } = await import('../../print-pdf.js')
  return { model, content: await printPdf(content, { env: ctx.deps.env, root: process.getuid?.() === 0 }) }
}

export function loadExportModel(ctx: Ctx, opts: Pick<ExportOptions, 'range' | 'staff'>): ExportModel {
  const store = ctx.store()
  const config = ctx.config()
  const { from, to } = resolveRange(opts.range, ctx.today(), config.cycleWeeks, en, ctx.store().assignments.firstDateFrom(ctx.today()))
  const person = opts.staff === undefined ? undefined : opts.staff === 'me' ? ctx.actor() : ctx.staff(opts.staff)
  const assignments = store.assignments.find(from, to, person?.id)
  const holidays = store.holidays.list(from, to, ctx.lang)
  const shifts = shiftColumns(store.shifts.all(), store.shifts.active(), assignments)
  const everyone = store.staff.all({ includeInactive: true })
  const assigned = new Set(assignments.map((a) => a.staff))
  const model: ExportModel = {
    from,
    to,
    generatedAt: ctx.now(),
    revision: store.audit.revision(),
    cycleWeeks: config.cycleWeeks,
    shifts,
    entries: rosterEntries(assignments, shifts, holidays),
    holidays,
    people: person ? [person] : everyone.filter((s) => assigned.has(s.id) || (s.active && s.rotation)),
    staff: everyone,
    swaps: store.swaps.approved(from, to, person?.id),
  }
  if (person) model.person = person
  return model
}

/**
 * The text of one format; the format's module (and its libraries) load only
 * when asked for. HTML and Markdown are for people and speak `t`'s language;
 * CSV, iCalendar and JSON are data and stay the same in every language.
 */
export async function renderExport(model: ExportModel, opts: Pick<ExportOptions, 'format' | 'layout' | 'bom' | 'timeZone'>, t: Messages = en): Promise<string> {
  switch (opts.format) {
    case 'json':
      return (await import('../../../export/json.js')).toJson(model)
    case 'csv': {
      const { toCsv } = await import('../../../export/csv.js')
      return toCsv(model, { layout: opts.layout === 'grid' ? 'grid' : 'rows', bom: opts.bom })
    }
    case 'ics':
      return (await import('../../../export/ics.js')).toIcs(model, { timeZone: opts.timeZone })
    case 'html':
    case 'pdf':
      return (await import('../../../export/html.js')).toHtml(model, { layout: opts.layout === 'dates-down' ? 'dates-down' : 'grid', timeZone: opts.timeZone, t })
    case 'md': {
      const { toMarkdown, MARKDOWN_LAYOUTS } = await import('../../../export/markdown.js')
      return toMarkdown(model, { layout: MARKDOWN_LAYOUTS.find((l) => l === opts.layout) ?? 'shifts', t })
    }
  }
}
